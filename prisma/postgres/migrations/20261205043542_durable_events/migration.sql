-- DropIndex
DROP INDEX "ProcessedEvent_receivedAt_idx";

-- AlterTable
ALTER TABLE "ProcessedEvent" ADD COLUMN     "error" TEXT,
ADD COLUMN     "finishedAt" TIMESTAMP(3),
ADD COLUMN     "payload" TEXT,
ADD COLUMN     "state" TEXT NOT NULL DEFAULT 'queued',
ADD COLUMN     "via" TEXT NOT NULL DEFAULT 'webhook';

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ProcessedEvent_state_receivedAt_idx" ON "ProcessedEvent"("state", "receivedAt");

-- CreateIndex
CREATE INDEX "ProcessedEvent_state_finishedAt_idx" ON "ProcessedEvent"("state", "finishedAt");

-- Rows from before this migration were handed to Redis alone and carry no payload to replay:
-- count them as done, so the sweep purges them after 24 hours as before.
UPDATE "ProcessedEvent" SET "state" = 'done', "finishedAt" = "receivedAt";
