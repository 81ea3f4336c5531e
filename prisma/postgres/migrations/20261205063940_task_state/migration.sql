-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "periodStart" TEXT;

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "baseline" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "plannedDeadline" TEXT,
ADD COLUMN     "startDate" TEXT,
ADD COLUMN     "statusSince" TIMESTAMP(3);

-- Existing rows: an annual plan starts on 1 January, the old administrative 'done' is 'closed',
-- the plan's deadline is the one stored (an extension approved before this migration is not told apart).
-- (No semicolon in comments here: the PostgreSQL adapter splits a script at every one.)
UPDATE "Plan" SET "periodStart" = "year" || '-01-01' WHERE "periodStart" IS NULL;
UPDATE "Task" SET "status" = 'closed' WHERE "status" = 'done';
UPDATE "Task" SET "plannedDeadline" = "deadline" WHERE "plannedDeadline" IS NULL;
