-- AlterTable
ALTER TABLE "EscalationDepartment" ADD COLUMN     "cardError" TEXT;

-- AlterTable
ALTER TABLE "EscalationEvent" ADD COLUMN     "noticePending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pendingNotice" JSONB;

-- CreateIndex
CREATE INDEX "EscalationEvent_noticePending_at_idx" ON "EscalationEvent"("noticePending", "at");
