import { randomUUID } from 'node:crypto';
import type { DbClient } from '../../db/database.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { KpiDto, SamplePoint } from './kpi.types.js';
import type { KpisRepository } from './kpis.repository.js';

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

    async recentSamples(kpiIds, count) {
      const result = new Map<string, SamplePoint[]>();
      if (kpiIds.length === 0) return result;
      // One query for all KPIs: the newest `count` periods of each.
      const rows = await prisma.$queryRaw<{ kpiId: string; period: string; value: number }[]>`
        SELECT "kpiId", period, value FROM (
          SELECT "kpiId", period, value,
                 row_number() OVER (PARTITION BY "kpiId" ORDER BY period DESC) AS n
          FROM "KpiSample" WHERE "kpiId" = ANY(${[...kpiIds]}::text[])
        ) ranked WHERE n <= ${count} ORDER BY "kpiId", period DESC`;
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

async function writeBatch(
  tx: DbClient,
  batch: readonly { kpiId: string; period: string; value: number; note?: string | null }[],
  source: { source: string; personId?: string | null; apiTokenId?: string | null },
  changed: Set<string>,
): Promise<number> {
  const existing = await tx.kpiSample.findMany({
    where: {
      kpiId: { in: [...new Set(batch.map((s) => s.kpiId))] },
      period: { in: [...new Set(batch.map((s) => s.period))] },
    },
    select: { id: true, kpiId: true, period: true, value: true, note: true },
  });
  const found = new Map(existing.map((row) => [`${row.kpiId}\u0000${row.period}`, row]));
  const inserts: { id: string; kpiId: string; period: string; value: number; note: string | null }[] = [];
  const changes: { sampleId: string; previousValue: number | null; value: number }[] = [];
  for (const sample of batch) {
    const row = found.get(`${sample.kpiId}\u0000${sample.period}`);
    if (!row) {
      const id = randomUUID();
      inserts.push({
        id,
        kpiId: sample.kpiId,
        period: sample.period,
        value: sample.value,
        note: sample.note ?? null,
      });
      changes.push({ sampleId: id, previousValue: null, value: sample.value });
      changed.add(sample.kpiId);
      continue;
    }
    if (row.value === sample.value) continue;
    await tx.kpiSample.update({
      where: { id: row.id },
      data: { value: sample.value, ...(sample.note !== undefined ? { note: sample.note } : {}) },
      select: { id: true },
    });
    changes.push({ sampleId: row.id, previousValue: row.value, value: sample.value });
    changed.add(sample.kpiId);
  }
  if (inserts.length > 0) await tx.kpiSample.createMany({ data: inserts });
  if (changes.length > 0)
    await tx.kpiSampleChange.createMany({
      data: changes.map((change) => ({
        ...change,
        source: source.source,
        recordedByPersonId: source.personId ?? null,
        apiTokenId: source.apiTokenId ?? null,
      })),
    });
  return changes.length;
}
