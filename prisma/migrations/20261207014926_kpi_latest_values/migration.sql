-- AlterTable
ALTER TABLE "Kpi" ADD COLUMN     "latestPeriod" TEXT,
ADD COLUMN     "latestValue" DOUBLE PRECISION,
ADD COLUMN     "previousPeriod" TEXT,
ADD COLUMN     "previousValue" DOUBLE PRECISION;

-- Each KPI's latest two values, kept on the KPI by one pass per statement that writes samples
-- (statement triggers with transition tables: a batch of 1,000 samples refreshes each KPI it
-- touched once). The KPIs are locked first, in id order, so that two writers of the same KPI
-- refresh one after the other and the second reads what the first committed. NO KEY UPDATE:
-- the sample inserts' foreign-key checks hold KEY SHARE locks on the same KPIs, which FOR
-- UPDATE would wait for (two concurrent batches deadlocked); the UPDATE below takes the same.
CREATE FUNCTION "kpi_refresh_latest"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Kpi" WHERE id IN (SELECT DISTINCT "kpiId" FROM changed_rows) ORDER BY id FOR NO KEY UPDATE;
  UPDATE "Kpi" k
     SET "latestPeriod" = l.p1, "latestValue" = l.v1, "previousPeriod" = l.p2, "previousValue" = l.v2
    FROM (
      SELECT t."kpiId",
             (array_agg(s.period ORDER BY s.period DESC))[1] AS p1,
             (array_agg(s.value ORDER BY s.period DESC))[1] AS v1,
             (array_agg(s.period ORDER BY s.period DESC))[2] AS p2,
             (array_agg(s.value ORDER BY s.period DESC))[2] AS v2
        FROM (SELECT DISTINCT "kpiId" FROM changed_rows) t
        LEFT JOIN LATERAL (
          SELECT period, value FROM "KpiSample" WHERE "kpiId" = t."kpiId" ORDER BY period DESC LIMIT 2
        ) s ON true
       GROUP BY t."kpiId"
    ) l
   WHERE k.id = l."kpiId";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "KpiSample_latest_insert" AFTER INSERT ON "KpiSample"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "kpi_refresh_latest"();
CREATE TRIGGER "KpiSample_latest_update" AFTER UPDATE ON "KpiSample"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "kpi_refresh_latest"();
CREATE TRIGGER "KpiSample_latest_delete" AFTER DELETE ON "KpiSample"
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "kpi_refresh_latest"();

-- The KPIs that already have samples.
UPDATE "Kpi" k
   SET "latestPeriod" = l.p1, "latestValue" = l.v1, "previousPeriod" = l.p2, "previousValue" = l.v2
  FROM (
    SELECT s."kpiId",
           (array_agg(s.period ORDER BY s.period DESC))[1] AS p1,
           (array_agg(s.value ORDER BY s.period DESC))[1] AS v1,
           (array_agg(s.period ORDER BY s.period DESC))[2] AS p2,
           (array_agg(s.value ORDER BY s.period DESC))[2] AS v2
      FROM "Kpi" x CROSS JOIN LATERAL (
        SELECT "kpiId", period, value FROM "KpiSample" WHERE "kpiId" = x.id ORDER BY period DESC LIMIT 2
      ) s
     GROUP BY s."kpiId"
  ) l
 WHERE k.id = l."kpiId";
