-- CreateEnum
CREATE TYPE "EscalationSeverity" AS ENUM ('NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "EscalationStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'PROPOSED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "ActionItemStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED', 'OVERDUE');

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "escalationPolicy" JSONB,
ADD COLUMN     "nextEscalationNumber" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Escalation" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "blocked" TEXT NOT NULL,
    "impact" TEXT NOT NULL,
    "decisionNeeded" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "severity" "EscalationSeverity" NOT NULL,
    "status" "EscalationStatus" NOT NULL DEFAULT 'OPEN',
    "level" INTEGER NOT NULL DEFAULT 1,
    "raisedByPersonId" TEXT NOT NULL,
    "assigneePersonId" TEXT,
    "wantedBy" DATE,
    "slaDueAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "nextPingAt" TIMESTAMP(3),
    "proposal" TEXT,
    "proposedByPersonId" TEXT,
    "markedForMeetingAt" TIMESTAMP(3),
    "markedForMeetingReason" TEXT,
    "sourceChannelId" TEXT,
    "sourceMessageTs" TEXT,
    "sourcePermalink" TEXT,
    "sourceQuote" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationDepartment" (
    "id" TEXT NOT NULL,
    "escalationId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "cardChannelId" TEXT,
    "cardTs" TEXT,
    "cardUpdatedAt" TIMESTAMP(3),

    CONSTRAINT "EscalationDepartment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationEvent" (
    "id" TEXT NOT NULL,
    "escalationId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorPersonId" TEXT,
    "level" INTEGER NOT NULL,
    "fromStatus" "EscalationStatus",
    "toStatus" "EscalationStatus",
    "note" TEXT,
    "slaDueAt" TIMESTAMP(3),
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EscalationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "escalationId" TEXT,
    "text" TEXT NOT NULL,
    "decidedByPersonId" TEXT NOT NULL,
    "optionsConsidered" JSONB,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerPersonId" TEXT NOT NULL,
    "ownerDepartmentId" TEXT,
    "dueOn" DATE NOT NULL,
    "status" "ActionItemStatus" NOT NULL DEFAULT 'OPEN',
    "sourceType" TEXT NOT NULL,
    "sourceId" TEXT,
    "decisionId" TEXT,
    "createdByPersonId" TEXT,
    "remindedAt" TIMESTAMP(3),
    "overdueNotifiedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentSnapshot" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "raised" INTEGER NOT NULL,
    "received" INTEGER NOT NULL,
    "answeredWithinSla" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL,
    "medianMinutesToDecision" INTEGER,
    "actionItemsDue" INTEGER NOT NULL,
    "actionItemsOnTime" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Escalation_status_slaDueAt_idx" ON "Escalation"("status", "slaDueAt");

-- CreateIndex
CREATE INDEX "Escalation_status_nextPingAt_idx" ON "Escalation"("status", "nextPingAt");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_workspaceId_number_key" ON "Escalation"("workspaceId", "number");

-- CreateIndex
CREATE INDEX "EscalationDepartment_departmentId_idx" ON "EscalationDepartment"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "EscalationDepartment_escalationId_departmentId_key" ON "EscalationDepartment"("escalationId", "departmentId");

-- CreateIndex
CREATE INDEX "EscalationEvent_escalationId_at_idx" ON "EscalationEvent"("escalationId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "EscalationEvent_escalationId_type_level_slaDueAt_key" ON "EscalationEvent"("escalationId", "type", "level", "slaDueAt");

-- CreateIndex
CREATE INDEX "Decision_workspaceId_decidedAt_idx" ON "Decision"("workspaceId", "decidedAt");

-- CreateIndex
CREATE INDEX "ActionItem_ownerPersonId_status_idx" ON "ActionItem"("ownerPersonId", "status");

-- CreateIndex
CREATE INDEX "ActionItem_status_dueOn_idx" ON "ActionItem"("status", "dueOn");

-- CreateIndex
CREATE INDEX "ActionItem_sourceType_sourceId_idx" ON "ActionItem"("sourceType", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentSnapshot_workspaceId_departmentId_quarter_key" ON "AssessmentSnapshot"("workspaceId", "departmentId", "quarter");

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_raisedByPersonId_fkey" FOREIGN KEY ("raisedByPersonId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_assigneePersonId_fkey" FOREIGN KEY ("assigneePersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationDepartment" ADD CONSTRAINT "EscalationDepartment_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationDepartment" ADD CONSTRAINT "EscalationDepartment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationEvent" ADD CONSTRAINT "EscalationEvent_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_ownerPersonId_fkey" FOREIGN KEY ("ownerPersonId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_ownerDepartmentId_fkey" FOREIGN KEY ("ownerDepartmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
