-- AlterTable
ALTER TABLE "Snooze" ADD COLUMN "ask" TEXT;
