-- CreateTable
CREATE TABLE "UnitContact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "departmentId" TEXT NOT NULL,
    "departmentName" TEXT NOT NULL,
    "openId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "setBy" TEXT NOT NULL,
    "setAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "UnitContact_departmentId_key" ON "UnitContact"("departmentId");
