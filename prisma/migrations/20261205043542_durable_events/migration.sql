-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProcessedEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventId" TEXT NOT NULL,
    "messageId" TEXT,
    "eventType" TEXT NOT NULL,
    "via" TEXT NOT NULL DEFAULT 'webhook',
    "payload" TEXT,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "error" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);
INSERT INTO "new_ProcessedEvent" ("eventId", "eventType", "id", "messageId", "receivedAt") SELECT "eventId", "eventType", "id", "messageId", "receivedAt" FROM "ProcessedEvent";
DROP TABLE "ProcessedEvent";
ALTER TABLE "new_ProcessedEvent" RENAME TO "ProcessedEvent";
CREATE UNIQUE INDEX "ProcessedEvent_eventId_key" ON "ProcessedEvent"("eventId");
CREATE UNIQUE INDEX "ProcessedEvent_messageId_key" ON "ProcessedEvent"("messageId");
CREATE INDEX "ProcessedEvent_state_receivedAt_idx" ON "ProcessedEvent"("state", "receivedAt");
CREATE INDEX "ProcessedEvent_state_finishedAt_idx" ON "ProcessedEvent"("state", "finishedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Rows from before this migration were handed to Redis alone and carry no payload to replay:
-- count them as done, so the sweep purges them after 24 hours as before.
UPDATE "ProcessedEvent" SET "state" = 'done', "finishedAt" = "receivedAt";
