-- AlterTable
ALTER TABLE "Escalation" ADD COLUMN     "originKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_workspaceId_originKey_key" ON "Escalation"("workspaceId", "originKey");
