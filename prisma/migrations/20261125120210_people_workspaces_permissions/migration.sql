-- DropIndex
DROP INDEX "Installation_workspaceId_idx";

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "description" TEXT;

-- AlterTable
ALTER TABLE "Installation" DROP COLUMN "botTokenEncrypted",
ADD COLUMN     "appId" TEXT,
ADD COLUMN     "botTokenExpiresAt" TIMESTAMP(3),
ADD COLUMN     "installationEncrypted" TEXT,
ADD COLUMN     "revokedReason" TEXT,
ADD COLUMN     "slackTeamId" TEXT;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "isLiaisonAdmin" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Schedule" ADD COLUMN     "pausedReason" TEXT;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "uninstalledAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DirectorySyncRun" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "cursor" TEXT,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "seen" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "deactivated" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMP(3),
    "startedBySlackId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "DirectorySyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DirectorySyncRun_workspaceId_startedAt_idx" ON "DirectorySyncRun"("workspaceId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Installation_workspaceId_key" ON "Installation"("workspaceId");

-- CreateIndex
CREATE INDEX "Installation_slackTeamId_idx" ON "Installation"("slackTeamId");

-- CreateIndex
CREATE INDEX "Installation_enterpriseId_idx" ON "Installation"("enterpriseId");

-- AddForeignKey
ALTER TABLE "DirectorySyncRun" ADD CONSTRAINT "DirectorySyncRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
