-- CreateTable
CREATE TABLE "SentCard" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "subject" TEXT NOT NULL,
    "openId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "SentCard_subject_openId_key" ON "SentCard"("subject", "openId");
