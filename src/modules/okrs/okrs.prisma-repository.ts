import type { DbClient } from '../../db/database.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { ObjectiveFilter, OkrsRepository } from './okrs.repository.js';
import type { KeyResultDto, NewKeyResultInput, ObjectiveDto } from './okrs.types.js';

/** What a key result's DTO reads (the check-ins repository reads the same columns in one SQL join, plus the owner's language). */
export const KEY_RESULT = {
  id: true,
  number: true,
  objectiveId: true,
  title: true,
  kind: true,
  unit: true,
  direction: true,
  startValue: true,
  targetValue: true,
  currentValue: true,
  done: true,
  weight: true,
  lastConfidence: true,
  lastConfidenceScore: true,
  owner: { select: { id: true, slackUserId: true, displayName: true } },
  // A KR following a KPI reads its latest sample with it (the value comes from data when read).
  kpi: {
    select: {
      key: true,
      samples: { select: { value: true, period: true }, orderBy: { period: 'desc' }, take: 1 },
    },
  },
} as const satisfies Prisma.OkrKeyResultSelect;

const OBJECTIVE = {
  id: true,
  number: true,
  title: true,
  weight: true,
  period: { select: { key: true } },
  department: { select: { id: true, key: true, nameEn: true, nameZh: true, slackChannelId: true } },
  parent: { select: { id: true, number: true, title: true } },
  keyResults: { select: KEY_RESULT, orderBy: { number: 'asc' } },
} as const satisfies Prisma.OkrObjectiveSelect;

type KeyResultRow = Prisma.OkrKeyResultGetPayload<{ select: typeof KEY_RESULT }>;
type ObjectiveRow = Prisma.OkrObjectiveGetPayload<{ select: typeof OBJECTIVE }>;

export function toKeyResultDto(row: KeyResultRow): KeyResultDto {
  const { owner, kpi, ...rest } = row;
  const latest = kpi?.samples[0] ?? null;
  return {
    ...rest,
    currentValue: latest ? latest.value : rest.currentValue,
    owner: { personId: owner.id, slackUserId: owner.slackUserId, displayName: owner.displayName },
    kpi: kpi ? { key: kpi.key, period: latest?.period ?? null } : null,
  };
}

function toObjectiveDto(row: ObjectiveRow): ObjectiveDto {
  return {
    id: row.id,
    number: row.number,
    periodKey: row.period.key,
    title: row.title,
    weight: row.weight,
    department: row.department,
    parent: row.parent,
    keyResults: row.keyResults.map(toKeyResultDto),
  };
}

async function nextNumber(
  tx: DbClient,
  workspaceId: string,
  table: 'objective' | 'keyResult',
): Promise<number> {
  const max =
    table === 'objective'
      ? await tx.okrObjective.aggregate({ where: { workspaceId }, _max: { number: true } })
      : await tx.okrKeyResult.aggregate({ where: { workspaceId }, _max: { number: true } });
  return (max._max.number ?? 0) + 1;
}

export function keyResultData(workspaceId: string, number: number, kr: NewKeyResultInput) {
  return {
    workspaceId,
    number,
    title: kr.title,
    kind: kr.kind,
    unit: kr.unit ?? null,
    direction: kr.direction ?? 'INCREASE',
    startValue: kr.kind === 'METRIC' ? (kr.startValue ?? null) : null,
    targetValue: kr.kind === 'METRIC' ? (kr.targetValue ?? null) : null,
    currentValue: kr.kind === 'METRIC' ? (kr.startValue ?? null) : null,
    weight: kr.weight ?? 1,
    ownerPersonId: kr.ownerPersonId,
    kpiId: kr.kind === 'METRIC' ? (kr.kpiId ?? null) : null,
  };
}

/** Numbers are max + 1 under a unique index: two creators at once clash, and the loser retries. */
async function withNumberRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'P2002' || attempt >= 4) throw error;
    }
  }
}

export function createOkrsPrismaRepository(prisma: PrismaClient): OkrsRepository {
  const readObjective = async (db: DbClient, id: string) =>
    toObjectiveDto(await db.okrObjective.findUniqueOrThrow({ where: { id }, select: OBJECTIVE }));

  return {
    async ensurePeriod(workspaceId, period) {
      return prisma.okrPeriod.upsert({
        where: { workspaceId_key: { workspaceId, key: period.key } },
        create: { workspaceId, ...period },
        update: {},
        select: { id: true, key: true, startsOn: true, endsOn: true },
      });
    },

    async findPeriod(workspaceId, key) {
      return prisma.okrPeriod.findUnique({
        where: { workspaceId_key: { workspaceId, key } },
        select: { id: true, key: true, startsOn: true, endsOn: true },
      });
    },

    async personIdOf(workspaceId, slackUserId) {
      const person = await prisma.person.findUnique({
        where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
        select: { id: true, active: true },
      });
      return person?.active ? person.id : null;
    },

    async departmentExists(workspaceId, departmentId) {
      return (
        (await prisma.department.count({ where: { id: departmentId, workspaceId, archivedAt: null } })) > 0
      );
    },

    async kpiIdsByKey(workspaceId, keys) {
      if (keys.length === 0) return new Map();
      const rows = await prisma.kpi.findMany({
        where: { workspaceId, key: { in: [...keys] } },
        select: { id: true, key: true },
      });
      return new Map(rows.map((r) => [r.key, r.id]));
    },

    async createObjective(actor, input) {
      return withNumberRetry(() =>
        prisma.$transaction(async (tx) => {
          const number = await nextNumber(tx, actor.workspaceId, 'objective');
          const created = await tx.okrObjective.create({
            data: {
              workspaceId: actor.workspaceId,
              number,
              periodId: input.periodId,
              departmentId: input.departmentId,
              parentId: input.parentId,
              title: input.title,
            },
            select: { id: true },
          });
          let krNumber = await nextNumber(tx, actor.workspaceId, 'keyResult');
          for (const kr of input.keyResults)
            await tx.okrKeyResult.create({
              data: { ...keyResultData(actor.workspaceId, krNumber++, kr), objectiveId: created.id },
            });
          const objective = await readObjective(tx, created.id);
          await writeAuditEntry(tx, {
            workspaceId: actor.workspaceId,
            actorSlackId: actor.slackUserId,
            action: 'okr.objective_created',
            objectType: 'okr_objective',
            objectId: created.id,
            after: {
              number,
              title: input.title,
              departmentId: input.departmentId,
              parentId: input.parentId,
              keyResults: input.keyResults,
            },
          });
          return objective;
        }),
      );
    },

    async addKeyResult(actor, objectiveId, kr) {
      return withNumberRetry(() =>
        prisma.$transaction(async (tx) => {
          const number = await nextNumber(tx, actor.workspaceId, 'keyResult');
          const row = await tx.okrKeyResult.create({
            data: { ...keyResultData(actor.workspaceId, number, kr), objectiveId },
            select: KEY_RESULT,
          });
          await writeAuditEntry(tx, {
            workspaceId: actor.workspaceId,
            actorSlackId: actor.slackUserId,
            action: 'okr.key_result_created',
            objectType: 'okr_key_result',
            objectId: row.id,
            after: { number, objectiveId, ...kr },
          });
          return toKeyResultDto(row);
        }),
      );
    },

    async findObjective(workspaceId, number) {
      const row = await prisma.okrObjective.findUnique({
        where: { workspaceId_number: { workspaceId, number } },
        select: OBJECTIVE,
      });
      return row ? toObjectiveDto(row) : null;
    },

    async listObjectives(workspaceId, periodId, filter: ObjectiveFilter) {
      const or: Prisma.OkrObjectiveWhereInput[] = [];
      if (filter.company) or.push({ departmentId: null });
      if (filter.departmentIds?.length) or.push({ departmentId: { in: [...filter.departmentIds] } });
      if (filter.ownerPersonId) or.push({ keyResults: { some: { ownerPersonId: filter.ownerPersonId } } });
      if (or.length === 0) return [];
      const rows = await prisma.okrObjective.findMany({
        where: { workspaceId, periodId, OR: or },
        select: OBJECTIVE,
        orderBy: { number: 'asc' },
      });
      return rows.map(toObjectiveDto);
    },

    async listPeriod(workspaceId, periodId) {
      const rows = await prisma.okrObjective.findMany({
        where: { workspaceId, periodId },
        select: OBJECTIVE,
        orderBy: { number: 'asc' },
      });
      return rows.map(toObjectiveDto);
    },

    async applyToKeyResult(keyResultId, change) {
      await prisma.okrKeyResult.update({ where: { id: keyResultId }, data: change, select: { id: true } });
    },
  };
}
