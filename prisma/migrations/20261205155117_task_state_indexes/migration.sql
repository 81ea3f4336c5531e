-- CreateIndex
CREATE INDEX "Leave_personId_idx" ON "Leave"("personId");

-- CreateIndex
CREATE INDEX "Nudge_taskId_period_idx" ON "Nudge"("taskId", "period");

-- CreateIndex
CREATE INDEX "ReportValue_targetId_idx" ON "ReportValue"("targetId");
