-- CreateEnum
CREATE TYPE "KpiUnit" AS ENUM ('COUNT', 'PERCENT', 'CURRENCY', 'RATIO');

-- CreateEnum
CREATE TYPE "KpiDirection" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "KpiAggregation" AS ENUM ('SUM', 'MEAN', 'LAST');

-- CreateEnum
CREATE TYPE "KpiPeriod" AS ENUM ('DAILY', 'HOURLY');

-- CreateTable
CREATE TABLE "Kpi" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "unit" "KpiUnit" NOT NULL,
    "currency" TEXT,
    "ownerDepartmentId" TEXT NOT NULL,
    "direction" "KpiDirection" NOT NULL,
    "aggregation" "KpiAggregation" NOT NULL DEFAULT 'LAST',
    "period" "KpiPeriod" NOT NULL DEFAULT 'DAILY',
    "target" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Kpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiSample" (
    "id" TEXT NOT NULL,
    "kpiId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiSampleChange" (
    "id" TEXT NOT NULL,
    "sampleId" TEXT NOT NULL,
    "previousValue" DOUBLE PRECISION,
    "value" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,
    "recordedByPersonId" TEXT,
    "apiTokenId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KpiSampleChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiApiToken" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdByPersonId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "KpiApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiThreshold" (
    "id" TEXT NOT NULL,
    "kpiId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "rule" TEXT NOT NULL,
    "comparator" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "periods" INTEGER NOT NULL DEFAULT 1,
    "measures" TEXT[],
    "escalateTo" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiThreshold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiBreach" (
    "id" TEXT NOT NULL,
    "kpiId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "escalationId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recoveredAt" TIMESTAMP(3),

    CONSTRAINT "KpiBreach_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Kpi_ownerDepartmentId_idx" ON "Kpi"("ownerDepartmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Kpi_workspaceId_key_key" ON "Kpi"("workspaceId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "KpiSample_kpiId_period_key" ON "KpiSample"("kpiId", "period");

-- CreateIndex
CREATE INDEX "KpiSampleChange_sampleId_idx" ON "KpiSampleChange"("sampleId");

-- CreateIndex
CREATE UNIQUE INDEX "KpiApiToken_tokenHash_key" ON "KpiApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "KpiApiToken_workspaceId_name_key" ON "KpiApiToken"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "KpiThreshold_kpiId_level_key" ON "KpiThreshold"("kpiId", "level");

-- CreateIndex
CREATE INDEX "KpiBreach_kpiId_recoveredAt_idx" ON "KpiBreach"("kpiId", "recoveredAt");

-- AddForeignKey
ALTER TABLE "Kpi" ADD CONSTRAINT "Kpi_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kpi" ADD CONSTRAINT "Kpi_ownerDepartmentId_fkey" FOREIGN KEY ("ownerDepartmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiSample" ADD CONSTRAINT "KpiSample_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiSampleChange" ADD CONSTRAINT "KpiSampleChange_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "KpiSample"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiApiToken" ADD CONSTRAINT "KpiApiToken_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiThreshold" ADD CONSTRAINT "KpiThreshold_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiBreach" ADD CONSTRAINT "KpiBreach_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;
