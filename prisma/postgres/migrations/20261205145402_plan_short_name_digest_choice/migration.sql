-- AlterTable
ALTER TABLE "Chat" ADD COLUMN     "digestCombined" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "digestPlanId" INTEGER;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "shortName" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Plan_shortName_key" ON "Plan"("shortName");
