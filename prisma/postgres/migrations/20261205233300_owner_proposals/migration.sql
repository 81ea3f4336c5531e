-- CreateTable
CREATE TABLE "OwnerProposal" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "json" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "OwnerProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OwnerProposal_planId_state_idx" ON "OwnerProposal"("planId", "state");

-- AddForeignKey
ALTER TABLE "OwnerProposal" ADD CONSTRAINT "OwnerProposal_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
