-- AlterTable
ALTER TABLE "Plan" ADD COLUMN "periodStart" TEXT;

-- AlterTable
ALTER TABLE "Target" ADD COLUMN "baseline" REAL;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN "plannedDeadline" TEXT;
ALTER TABLE "Task" ADD COLUMN "startDate" TEXT;
ALTER TABLE "Task" ADD COLUMN "statusSince" DATETIME;

-- Existing rows: an annual plan starts on 1 January; the old administrative 'done' is 'closed';
-- the plan's deadline is the one stored (an extension approved before this migration is not told apart).
UPDATE "Plan" SET "periodStart" = "year" || '-01-01' WHERE "periodStart" IS NULL;
UPDATE "Task" SET "status" = 'closed' WHERE "status" = 'done';
UPDATE "Task" SET "plannedDeadline" = "deadline" WHERE "plannedDeadline" IS NULL;
