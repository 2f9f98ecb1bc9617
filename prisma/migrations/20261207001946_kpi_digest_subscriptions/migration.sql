-- CreateTable
CREATE TABLE "KpiDigestSubscription" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "channelId" TEXT NOT NULL,
    "departmentId" TEXT,
    "kpiKeys" TEXT[],
    "cadence" "DigestCadence" NOT NULL,
    "timeOfDay" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "createdByPersonId" TEXT NOT NULL,
    "nextDueAt" TIMESTAMP(3) NOT NULL,
    "lastPeriodKey" TEXT,
    "claimedPeriodKey" TEXT,
    "claimedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KpiDigestSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KpiDigestSubscription_workspaceId_nextDueAt_idx" ON "KpiDigestSubscription"("workspaceId", "nextDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "KpiDigestSubscription_workspaceId_number_key" ON "KpiDigestSubscription"("workspaceId", "number");

-- AddForeignKey
ALTER TABLE "KpiDigestSubscription" ADD CONSTRAINT "KpiDigestSubscription_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiDigestSubscription" ADD CONSTRAINT "KpiDigestSubscription_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiDigestSubscription" ADD CONSTRAINT "KpiDigestSubscription_createdByPersonId_fkey" FOREIGN KEY ("createdByPersonId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
