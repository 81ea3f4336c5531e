-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "doneByReportId" INTEGER;
