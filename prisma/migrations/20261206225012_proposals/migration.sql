-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED');

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'action_item',
    "sourceType" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "decisionId" TEXT,
    "agendaItemId" TEXT,
    "title" TEXT NOT NULL,
    "proposedOwnerPersonId" TEXT,
    "ownerDepartmentId" TEXT,
    "dueOn" DATE NOT NULL,
    "refs" JSONB NOT NULL,
    "draftedBy" TEXT NOT NULL,
    "model" TEXT,
    "requestedByPersonId" TEXT,
    "offeredToPersonId" TEXT,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PROPOSED',
    "actedByPersonId" TEXT,
    "actedAt" TIMESTAMP(3),
    "actionItemId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_actionItemId_key" ON "Proposal"("actionItemId");

-- CreateIndex
CREATE INDEX "Proposal_workspaceId_status_idx" ON "Proposal"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "Proposal_sourceType_sourceId_idx" ON "Proposal"("sourceType", "sourceId");

-- CreateIndex
CREATE INDEX "Proposal_offeredToPersonId_status_idx" ON "Proposal"("offeredToPersonId", "status");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
