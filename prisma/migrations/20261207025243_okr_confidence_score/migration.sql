-- AlterTable
ALTER TABLE "OkrCheckIn" ADD COLUMN     "confidenceScore" INTEGER;

-- AlterTable
ALTER TABLE "OkrKeyResult" ADD COLUMN     "lastConfidenceScore" INTEGER;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "okrConfidenceScale" TEXT NOT NULL DEFAULT 'three-step';
