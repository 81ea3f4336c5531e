-- AlterTable
ALTER TABLE "Report" ADD COLUMN "doubts" TEXT;
