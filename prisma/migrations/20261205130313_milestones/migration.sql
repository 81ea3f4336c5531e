-- CreateTable
CREATE TABLE "Milestone" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "due" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "doneAt" DATETIME,
    CONSTRAINT "Milestone_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Milestone_taskId_idx" ON "Milestone"("taskId");
