-- CreateEnum
CREATE TYPE "ActionItemProposalStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED');

-- CreateTable
CREATE TABLE "LlmRun" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "promptName" TEXT NOT NULL,
    "promptHash" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "tokensIn" INTEGER NOT NULL,
    "tokensOut" INTEGER NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "writtenBy" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LlmRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItemProposal" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerPersonId" TEXT,
    "dueInWorkingDays" INTEGER,
    "refs" JSONB NOT NULL,
    "writtenBy" TEXT NOT NULL,
    "status" "ActionItemProposalStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedByPersonId" TEXT NOT NULL,
    "decidedByPersonId" TEXT,
    "actionItemId" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionItemProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LlmRun_workspaceId_at_idx" ON "LlmRun"("workspaceId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ActionItemProposal_actionItemId_key" ON "ActionItemProposal"("actionItemId");

-- CreateIndex
CREATE INDEX "ActionItemProposal_workspaceId_decisionId_idx" ON "ActionItemProposal"("workspaceId", "decisionId");

-- AddForeignKey
ALTER TABLE "LlmRun" ADD CONSTRAINT "LlmRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItemProposal" ADD CONSTRAINT "ActionItemProposal_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItemProposal" ADD CONSTRAINT "ActionItemProposal_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
