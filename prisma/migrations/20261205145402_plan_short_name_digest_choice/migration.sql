-- AlterTable
ALTER TABLE "Plan" ADD COLUMN "shortName" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Chat" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" TEXT NOT NULL,
    "name" TEXT,
    "digest" BOOLEAN NOT NULL DEFAULT false,
    "subscribedBy" TEXT,
    "subscribedAt" DATETIME,
    "digestPlanId" INTEGER,
    "digestCombined" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL
);
INSERT INTO "new_Chat" ("chatId", "createdAt", "digest", "id", "name", "subscribedAt", "subscribedBy") SELECT "chatId", "createdAt", "digest", "id", "name", "subscribedAt", "subscribedBy" FROM "Chat";
DROP TABLE "Chat";
ALTER TABLE "new_Chat" RENAME TO "Chat";
CREATE UNIQUE INDEX "Chat_chatId_key" ON "Chat"("chatId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Plan_shortName_key" ON "Plan"("shortName");
