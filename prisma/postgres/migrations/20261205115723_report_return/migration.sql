-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "returnedAt" TIMESTAMP(3),
ADD COLUMN     "returnedBy" TEXT;
