-- AlterTable
ALTER TABLE "KpiBreach" ADD COLUMN     "alertPostingSince" TIMESTAMP(3),
ADD COLUMN     "alertTs" TEXT,
ADD COLUMN     "alertedLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "escalatedLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "escalatingSince" TIMESTAMP(3),
ADD COLUMN     "lastPeriod" TEXT,
ADD COLUMN     "lastValue" DOUBLE PRECISION,
ADD COLUMN     "recoveryAnnouncedAt" TIMESTAMP(3),
ADD COLUMN     "recoveryPostingSince" TIMESTAMP(3);

-- At most one open breach per KPI: two evaluations racing (replicas, retries) cannot both open one.
CREATE UNIQUE INDEX "KpiBreach_one_open_per_kpi" ON "KpiBreach"("kpiId") WHERE "recoveredAt" IS NULL;
