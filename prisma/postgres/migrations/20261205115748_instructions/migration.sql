-- CreateTable
CREATE TABLE "Instruction" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "messageId" TEXT,
    "eventId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Instruction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstructionNotice" (
    "id" SERIAL NOT NULL,
    "instructionId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "messageId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InstructionNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Instruction_messageId_key" ON "Instruction"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "Instruction_eventId_key" ON "Instruction"("eventId");

-- CreateIndex
CREATE INDEX "Instruction_taskId_createdAt_idx" ON "Instruction"("taskId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "InstructionNotice_messageId_key" ON "InstructionNotice"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "InstructionNotice_instructionId_personId_key" ON "InstructionNotice"("instructionId", "personId");

-- AddForeignKey
ALTER TABLE "Instruction" ADD CONSTRAINT "Instruction_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Instruction" ADD CONSTRAINT "Instruction_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstructionNotice" ADD CONSTRAINT "InstructionNotice_instructionId_fkey" FOREIGN KEY ("instructionId") REFERENCES "Instruction"("id") ON DELETE CASCADE ON UPDATE CASCADE;
