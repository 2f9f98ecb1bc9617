-- AlterTable
ALTER TABLE "AssessmentSnapshot" ADD COLUMN     "checkInsAnswered" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "checkInsAsked" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OkrKeyResult" ADD COLUMN     "importKey" TEXT,
ADD COLUMN     "kpiId" TEXT;

-- AlterTable
ALTER TABLE "OkrObjective" ADD COLUMN     "importKey" TEXT;

-- CreateIndex
CREATE INDEX "OkrKeyResult_kpiId_idx" ON "OkrKeyResult"("kpiId");

-- CreateIndex
CREATE UNIQUE INDEX "OkrKeyResult_objectiveId_importKey_key" ON "OkrKeyResult"("objectiveId", "importKey");

-- CreateIndex
CREATE UNIQUE INDEX "OkrObjective_periodId_importKey_key" ON "OkrObjective"("periodId", "importKey");

-- AddForeignKey
ALTER TABLE "OkrKeyResult" ADD CONSTRAINT "OkrKeyResult_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE SET NULL ON UPDATE CASCADE;
