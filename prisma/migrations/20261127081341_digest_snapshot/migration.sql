-- AlterTable
ALTER TABLE "DigestPost" ADD COLUMN "claimedAt" DATETIME;
ALTER TABLE "DigestPost" ADD COLUMN "error" TEXT;
ALTER TABLE "DigestPost" ADD COLUMN "planId" INTEGER;

-- CreateTable
CREATE TABLE "DigestSnapshot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "week" TEXT NOT NULL,
    "json" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "DigestSnapshot_planId_week_key" ON "DigestSnapshot"("planId", "week");
