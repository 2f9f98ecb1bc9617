import { randomUUID } from 'node:crypto';
import type { DbClient } from '../../db/database.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { KpiDto, SamplePoint } from './kpi.types.js';
import type { KpiHealthRow, KpisRepository } from './kpis.repository.js';

const KPI_SELECT = {
  id: true,
  workspaceId: true,
  key: true,
  nameEn: true,
  nameZh: true,
  unit: true,
  currency: true,
  direction: true,
  aggregation: true,
  period: true,
  target: true,
  ownerDepartment: {
    select: { id: true, key: true, nameEn: true, nameZh: true, slackChannelId: true, locale: true },
  },
} as const;

type KpiRow = {
  [K in keyof Omit<KpiDto, 'owner'>]: KpiDto[K];
} & {
  ownerDepartment: {
    id: string;
    key: string;
    nameEn: string;
    nameZh: string;
    slackChannelId: string | null;
    locale: string | null;
  };
};

function toDto({ ownerDepartment, ...row }: KpiRow): KpiDto {
  const { slackChannelId, ...owner } = ownerDepartment;
  return { ...row, owner: { ...owner, channelId: slackChannelId } };
}

interface HealthRow {
  id: string;
  workspaceId: string;
  key: string;
  nameEn: string;
  nameZh: string;
  unit: KpiDto['unit'];
  currency: string | null;
  direction: KpiDto['direction'];
  aggregation: KpiDto['aggregation'];
  period: KpiDto['period'];
  target: number | null;
  latestPeriod: string | null;
  latestValue: number | null;
  previousPeriod: string | null;
  previousValue: number | null;
  ownerId: string;
  ownerKey: string;
  ownerNameEn: string;
  ownerNameZh: string;
  ownerChannelId: string | null;
  ownerLocale: string | null;
  breachLevel: number;
  total: number;
  onTarget: number;
}

function toHealthRow(row: HealthRow): KpiHealthRow {
  const point = (period: string | null, value: number | null) =>
    period === null || value === null ? null : { period, value: Number(value) };
  return {
    kpi: {
      id: row.id,
      workspaceId: row.workspaceId,
      key: row.key,
      nameEn: row.nameEn,
      nameZh: row.nameZh,
      unit: row.unit,
      currency: row.currency,
      direction: row.direction,
      aggregation: row.aggregation,
      period: row.period,
      target: row.target === null ? null : Number(row.target),
      owner: {
        id: row.ownerId,
        key: row.ownerKey,
        nameEn: row.ownerNameEn,
        nameZh: row.ownerNameZh,
        channelId: row.ownerChannelId,
        locale: row.ownerLocale,
      },
    },
    latest: point(row.latestPeriod, row.latestValue),
    previous: point(row.previousPeriod, row.previousValue),
    breachLevel: row.breachLevel,
  };
}

/** Sample writes per statement: keeps parameter lists well under PostgreSQL's limit. */
const BATCH = 1000;

export function createKpisPrismaRepository(prisma: PrismaClient): KpisRepository {
  return {
    async workspaceZone(workspaceId) {
      const row = await prisma.workspace.findUniqueOrThrow({
        where: { id: workspaceId },
        select: { defaultTimeZone: true },
      });
      return row.defaultTimeZone;
    },

    async findDepartment(workspaceId, key) {
      return prisma.department.findFirst({
        where: { workspaceId, key, archivedAt: null },
        select: { id: true, key: true },
      });
    },

    async saveDefinition(workspaceId, definition, actorSlackId) {
      return prisma.$transaction(async (tx) => {
        const before = await tx.kpi.findUnique({
          where: { workspaceId_key: { workspaceId, key: definition.key } },
          select: KPI_SELECT,
        });
        const row = await tx.kpi.upsert({
          where: { workspaceId_key: { workspaceId, key: definition.key } },
          create: { workspaceId, ...definition },
          update: definition,
          select: KPI_SELECT,
        });
        await writeAuditEntry(tx, {
          workspaceId,
          actorSlackId: actorSlackId ?? undefined,
          action: before ? 'kpi.changed' : 'kpi.defined',
          objectType: 'kpi',
          objectId: row.id,
          before: before ? toDto(before) : undefined,
          after: toDto(row),
        });
        return toDto(row);
      });
    },

    async find(workspaceId, key) {
      const row = await prisma.kpi.findUnique({
        where: { workspaceId_key: { workspaceId, key } },
        select: KPI_SELECT,
      });
      return row ? toDto(row) : null;
    },

    async findById(id) {
      const row = await prisma.kpi.findUnique({ where: { id }, select: KPI_SELECT });
      return row ? toDto(row) : null;
    },

    async findByKeys(workspaceId, keys) {
      const rows = await prisma.kpi.findMany({
        where: { workspaceId, key: { in: [...keys] } },
        select: KPI_SELECT,
      });
      return rows.map(toDto);
    },

    async findByIds(ids) {
      const rows = await prisma.kpi.findMany({ where: { id: { in: [...ids] } }, select: KPI_SELECT });
      return rows.map(toDto);
    },

    async list(workspaceId, departmentId) {
      const rows = await prisma.kpi.findMany({
        where: { workspaceId, ...(departmentId ? { ownerDepartmentId: departmentId } : {}) },
        select: KPI_SELECT,
        orderBy: { key: 'asc' },
      });
      return rows.map(toDto);
    },

    async listForDepartments(workspaceId, departmentIds) {
      const rows = await prisma.kpi.findMany({
        where: { workspaceId, ownerDepartmentId: { in: [...departmentIds] } },
        select: KPI_SELECT,
        orderBy: { key: 'asc' },
      });
      return rows.map(toDto);
    },

    async worstOf(workspaceId, departmentIds, limit) {
      if (departmentIds.length === 0) return { rows: [], total: 0, onTarget: 0 };
      // The rank is healthRank (kpi.rules.ts) in SQL: breaches by level, off target, no data,
      // no target, on target; ties by key in code-point order. tests/…/kpi-digest keeps them equal.
      const rows = await prisma.$queryRaw<HealthRow[]>`
        WITH ranked AS (
          SELECT k.id, k."workspaceId", k.key, k."nameEn", k."nameZh", k.unit::text AS unit, k.currency,
                 k.direction::text AS direction, k.aggregation::text AS aggregation,
                 k.period::text AS period, k.target,
                 k."latestPeriod", k."latestValue", k."previousPeriod", k."previousValue",
                 d.id AS "ownerId", d.key AS "ownerKey", d."nameEn" AS "ownerNameEn",
                 d."nameZh" AS "ownerNameZh", d."slackChannelId" AS "ownerChannelId",
                 d.locale AS "ownerLocale", COALESCE(b.level, 0)::int AS "breachLevel",
                 CASE
                   WHEN b.level > 0 THEN 10 - b.level
                   WHEN k."latestPeriod" IS NULL THEN 11
                   WHEN k.target IS NULL THEN 12
                   WHEN (k.direction = 'HIGHER_IS_BETTER' AND k."latestValue" >= k.target)
                     OR (k.direction = 'LOWER_IS_BETTER' AND k."latestValue" <= k.target) THEN 13
                   ELSE 10
                 END AS rank
          FROM "Kpi" k
          JOIN "Department" d ON d.id = k."ownerDepartmentId"
          LEFT JOIN (
            SELECT "kpiId", max(level) AS level FROM "KpiBreach" WHERE "recoveredAt" IS NULL GROUP BY "kpiId"
          ) b ON b."kpiId" = k.id
          WHERE k."workspaceId" = ${workspaceId} AND k."ownerDepartmentId" = ANY(${[...departmentIds]}::text[])
        )
        SELECT *, (count(*) OVER ())::int AS total,
               (count(*) FILTER (WHERE rank = 13) OVER ())::int AS "onTarget"
        FROM ranked
        ORDER BY rank, key COLLATE "C"
        LIMIT ${limit}`;
      const first = rows[0];
      return {
        rows: rows.map(toHealthRow),
        total: first?.total ?? 0,
        onTarget: first?.onTarget ?? 0,
      };
    },

    async recentSamples(kpiIds, count) {
      const result = new Map<string, SamplePoint[]>();
      if (kpiIds.length === 0) return result;
      // One query for all KPIs: the newest `count` periods of each, read backwards from the
      // (kpiId, period) index per KPI (a window over every sample took seconds at 450,000).
      const rows = await prisma.$queryRaw<{ kpiId: string; period: string; value: number }[]>`
        SELECT k.id AS "kpiId", s.period, s.value
        FROM unnest(${[...kpiIds]}::text[]) AS k(id)
        CROSS JOIN LATERAL (
          SELECT period, value FROM "KpiSample" WHERE "kpiId" = k.id
          ORDER BY period DESC LIMIT ${count}
        ) s
        ORDER BY k.id, s.period DESC`;
      for (const row of rows) {
        const list = result.get(row.kpiId) ?? [];
        list.push({ period: row.period, value: Number(row.value) });
        result.set(row.kpiId, list);
      }
      return result;
    },

    async openBreachLevels(kpiIds) {
      const rows = await prisma.kpiBreach.findMany({
        where: { kpiId: { in: [...kpiIds] }, recoveredAt: null },
        select: { kpiId: true, level: true },
      });
      return new Map(rows.map((row) => [row.kpiId, row.level]));
    },

    async writeSamples(samples, source) {
      // The last write of a period in one batch wins, as it would one request at a time.
      const byKey = new Map<string, (typeof samples)[number]>();
      for (const sample of samples) byKey.set(`${sample.kpiId}\u0000${sample.period}`, sample);
      const unique = [...byKey.values()];
      let written = 0;
      const changed = new Set<string>();
      // One batch is one statement, atomic on its own; more share a transaction.
      if (unique.length <= BATCH) {
        written = await writeBatch(prisma, unique, source, changed);
        return { written, unchanged: unique.length - written, changedKpiIds: [...changed] };
      }
      await prisma.$transaction(
        async (tx) => {
          for (let start = 0; start < unique.length; start += BATCH) {
            const batch = unique.slice(start, start + BATCH);
            written += await writeBatch(tx, batch, source, changed);
          }
        },
        { timeout: 60_000 },
      );
      return { written, unchanged: unique.length - written, changedKpiIds: [...changed] };
    },
  };
}

/**
 * One batch in one statement: the samples are upserted (a new period inserted, a different
 * value updated, the same value left alone) and every sample that changed gets its change row
 * with the value it held before (every part of the statement reads the table as it was before
 * it, so `before` holds the previous values). Returns how many samples changed.
 */
async function writeBatch(
  tx: DbClient,
  batch: readonly { kpiId: string; period: string; value: number; note?: string | null }[],
  source: { source: string; personId?: string | null; apiTokenId?: string | null },
  changed: Set<string>,
): Promise<number> {
  const ids = batch.map(() => randomUUID());
  const kpiIds = batch.map((s) => s.kpiId);
  const periods = batch.map((s) => s.period);
  const values = batch.map((s) => s.value);
  const notes = batch.map((s) => s.note ?? null);
  // A sample without a note keeps the note its period has; one with `note: null` clears it.
  const hasNote = batch.map((s) => s.note !== undefined);
  const rows = await tx.$queryRaw<{ kpiId: string }[]>`
    WITH input AS (
      SELECT * FROM unnest(${ids}::text[], ${kpiIds}::text[], ${periods}::text[],
                           ${values}::float8[], ${notes}::text[], ${hasNote}::boolean[])
        AS i(id, "kpiId", period, value, note, "hasNote")
    ),
    before AS (
      SELECT s."kpiId", s.period, s.value FROM "KpiSample" s
      JOIN input i ON s."kpiId" = i."kpiId" AND s.period = i.period
    ),
    written AS (
      INSERT INTO "KpiSample" (id, "kpiId", period, value, note, "updatedAt")
      SELECT id, "kpiId", period, value, note, now() FROM input
      ON CONFLICT ("kpiId", period) DO UPDATE
        SET value = EXCLUDED.value,
            note = CASE WHEN (SELECT i."hasNote" FROM input i
                              WHERE i."kpiId" = EXCLUDED."kpiId" AND i.period = EXCLUDED.period)
                        THEN EXCLUDED.note ELSE "KpiSample".note END,
            "updatedAt" = now()
        WHERE "KpiSample".value IS DISTINCT FROM EXCLUDED.value
      RETURNING id, "kpiId", period, value
    ),
    changes AS (
      INSERT INTO "KpiSampleChange"
        (id, "sampleId", "previousValue", value, source, "recordedByPersonId", "apiTokenId", at)
      SELECT gen_random_uuid()::text, w.id, b.value, w.value, ${source.source},
             ${source.personId ?? null}, ${source.apiTokenId ?? null}, now()
      FROM written w LEFT JOIN before b ON b."kpiId" = w."kpiId" AND b.period = w.period
    )
    SELECT "kpiId" FROM written`;
  for (const row of rows) changed.add(row.kpiId);
  return rows.length;
}
