-- CreateIndex
CREATE INDEX "Plan_list_idx" ON "Plan"("id", "year", "shortName", "archivedAt", "periodStart", "periodEnd", "title");
