-- CreateEnum
CREATE TYPE "DigestCadence" AS ENUM ('WEEKLY', 'DAILY', 'OFF');

-- CreateTable
CREATE TABLE "DigestSubscription" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "cadence" "DigestCadence" NOT NULL DEFAULT 'WEEKLY',
    "weekday" INTEGER,
    "timeOfDay" TEXT NOT NULL,
    "nextDueAt" TIMESTAMP(3),
    "lastPeriodKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DigestSubscription_personId_key" ON "DigestSubscription"("personId");

-- CreateIndex
CREATE INDEX "DigestSubscription_workspaceId_nextDueAt_idx" ON "DigestSubscription"("workspaceId", "nextDueAt");

-- AddForeignKey
ALTER TABLE "DigestSubscription" ADD CONSTRAINT "DigestSubscription_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestSubscription" ADD CONSTRAINT "DigestSubscription_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
