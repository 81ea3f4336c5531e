-- CreateIndex
CREATE INDEX "ReportValue_targetId_idx" ON "ReportValue"("targetId");
