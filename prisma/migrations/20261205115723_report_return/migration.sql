-- AlterTable
ALTER TABLE "Report" ADD COLUMN "returnReason" TEXT;
ALTER TABLE "Report" ADD COLUMN "returnedAt" DATETIME;
ALTER TABLE "Report" ADD COLUMN "returnedBy" TEXT;
