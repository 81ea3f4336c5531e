-- CreateTable
CREATE TABLE "SentCard" (
    "id" SERIAL NOT NULL,
    "subject" TEXT NOT NULL,
    "openId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SentCard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SentCard_subject_openId_key" ON "SentCard"("subject", "openId");
