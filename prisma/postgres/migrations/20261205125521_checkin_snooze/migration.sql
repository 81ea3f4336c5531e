-- CreateTable
CREATE TABLE "Snooze" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "messageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Snooze_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Snooze_messageId_key" ON "Snooze"("messageId");

-- CreateIndex
CREATE INDEX "Snooze_taskId_personId_period_idx" ON "Snooze"("taskId", "personId", "period");

-- AddForeignKey
ALTER TABLE "Snooze" ADD CONSTRAINT "Snooze_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snooze" ADD CONSTRAINT "Snooze_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
