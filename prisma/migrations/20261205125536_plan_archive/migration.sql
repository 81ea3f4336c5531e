-- AlterTable
ALTER TABLE "Plan" ADD COLUMN "archivedAt" DATETIME;
ALTER TABLE "Plan" ADD COLUMN "archivedBy" TEXT;
