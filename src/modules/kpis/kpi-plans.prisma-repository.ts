import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { KpiThresholdDto, PlanLevel, ThresholdRule } from './kpi-plan.types.js';
import type { KpiPlansRepository } from './kpi-plans.repository.js';

const BREACH_SELECT = {
  id: true,
  kpiId: true,
  level: true,
  period: true,
  value: true,
  lastPeriod: true,
  lastValue: true,
  alertedLevel: true,
  alertTs: true,
  escalatedLevel: true,
  escalationId: true,
  startedAt: true,
  recoveredAt: true,
  recoveryAnnouncedAt: true,
} as const;

type ThresholdRow = {
  kpiId: string;
  level: number;
  rule: string;
  comparator: string;
  value: number;
  periods: number;
  measures: string[];
  escalateTo: string[];
};

/** The stored (rule, comparator) pair as one rule of the modal. */
function ruleOf(row: Pick<ThresholdRow, 'rule' | 'comparator'>): ThresholdRule {
  if (row.rule === 'absolute') return row.comparator === 'below' ? 'absolute_below' : 'absolute_above';
  if (row.rule === 'relative') return row.comparator === 'down' ? 'relative_down' : 'relative_up';
  return 'below_target';
}

function stored(rule: ThresholdRule): { rule: string; comparator: string } {
  const [kind, comparator] = {
    absolute_above: ['absolute', 'above'],
    absolute_below: ['absolute', 'below'],
    relative_up: ['relative', 'up'],
    relative_down: ['relative', 'down'],
    below_target: ['below_target', ''],
  }[rule];
  return { rule: kind as string, comparator: comparator as string };
}

/** A level as its KpiThreshold row (the demo seeds its plans with this too). */
export function thresholdRow(kpiId: string, t: KpiThresholdDto) {
  return {
    kpiId,
    level: t.level,
    ...stored(t.rule),
    value: t.value,
    periods: t.periods,
    measures: [...t.measures],
    escalateTo: [...t.escalateTo],
  };
}

function toThreshold(row: ThresholdRow): KpiThresholdDto {
  return {
    level: row.level as PlanLevel,
    rule: ruleOf(row),
    value: row.value,
    periods: row.periods,
    measures: row.measures,
    escalateTo: row.escalateTo,
  };
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';

export function createKpiPlansPrismaRepository(prisma: PrismaClient): KpiPlansRepository {
  return {
    async thresholdsFor(kpiIds) {
      const rows = await prisma.kpiThreshold.findMany({
        where: { kpiId: { in: [...kpiIds] } },
        orderBy: { level: 'asc' },
      });
      const result = new Map<string, KpiThresholdDto[]>();
      for (const row of rows) result.set(row.kpiId, [...(result.get(row.kpiId) ?? []), toThreshold(row)]);
      return result;
    },

    async unfinishedBreaches(workspaceId) {
      return prisma.kpiBreach.findMany({
        where: {
          kpi: { workspaceId },
          OR: [{ recoveredAt: null }, { recoveryAnnouncedAt: null }],
        },
        select: BREACH_SELECT,
      });
    },

    async savePlan(kpi, thresholds, actorSlackId) {
      await prisma.$transaction(async (tx) => {
        const before = await tx.kpiThreshold.findMany({
          where: { kpiId: kpi.id },
          orderBy: { level: 'asc' },
        });
        await tx.kpiThreshold.deleteMany({ where: { kpiId: kpi.id } });
        if (thresholds.length > 0)
          await tx.kpiThreshold.createMany({ data: thresholds.map((t) => thresholdRow(kpi.id, t)) });
        await writeAuditEntry(tx, {
          workspaceId: kpi.workspaceId,
          actorSlackId: actorSlackId ?? undefined,
          action: 'kpi.plan_changed',
          objectType: 'kpi',
          objectId: kpi.id,
          before: before.map(toThreshold),
          after: thresholds,
        });
      });
    },

    async departmentsByKeys(workspaceId, keys) {
      return prisma.department.findMany({
        where: { workspaceId, key: { in: [...keys] }, archivedAt: null },
        select: { id: true, key: true },
      });
    },

    async responsibleOf(departmentId) {
      const rows = await prisma.membership.findMany({
        where: { departmentId, person: { active: true, isBot: false } },
        select: { personId: true, role: true },
        orderBy: { createdAt: 'asc' },
      });
      const rank = { LEAD: 0, HEAD: 1, EXECUTIVE: 2, MEMBER: 3 } as const;
      return [...rows].sort((a, b) => rank[a.role] - rank[b.role])[0]?.personId ?? null;
    },

    async openBreach(kpiId) {
      return prisma.kpiBreach.findFirst({ where: { kpiId, recoveredAt: null }, select: BREACH_SELECT });
    },

    async breachesOf(kpiIds) {
      return prisma.kpiBreach.findMany({
        where: {
          kpiId: { in: [...kpiIds] },
          OR: [{ recoveredAt: null }, { recoveryAnnouncedAt: null }],
        },
        select: BREACH_SELECT,
      });
    },

    async openNew(kpiId, level, point) {
      try {
        return await prisma.kpiBreach.create({
          data: {
            kpiId,
            level,
            period: point.period,
            value: point.value,
            lastPeriod: point.period,
            lastValue: point.value,
          },
          select: BREACH_SELECT,
        });
      } catch (error) {
        // The partial unique index: another evaluation opened this KPI's breach first.
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    async track(breachId, level, point) {
      return prisma.$transaction(async (tx) => {
        const row = await tx.kpiBreach.findUniqueOrThrow({
          where: { id: breachId },
          select: { level: true },
        });
        return tx.kpiBreach.update({
          where: { id: breachId },
          data: {
            lastPeriod: point.period,
            lastValue: point.value,
            ...(level > row.level ? { level } : {}),
          },
          select: BREACH_SELECT,
        });
      });
    },

    async recover(breachId, at, point) {
      await prisma.kpiBreach.updateMany({
        where: { id: breachId, recoveredAt: null },
        data: {
          recoveredAt: at,
          ...(point ? { lastPeriod: point.period, lastValue: point.value } : {}),
        },
      });
    },

    async claimAlert(breachId, now, staleBefore) {
      const row = await prisma.kpiBreach.findUnique({
        where: { id: breachId },
        select: { level: true, alertedLevel: true },
      });
      if (!row || row.alertedLevel >= row.level) return null;
      const claimed = await prisma.kpiBreach.updateMany({
        where: {
          id: breachId,
          level: row.level,
          alertedLevel: { lt: row.level },
          recoveredAt: null,
          OR: [{ alertPostingSince: null }, { alertPostingSince: { lt: staleBefore } }],
        },
        data: { alertPostingSince: now },
      });
      return claimed.count === 1 ? row.level : null;
    },

    async finishAlert(breachId, level, ts, claimedAt) {
      await prisma.kpiBreach.updateMany({
        where: { id: breachId, alertPostingSince: claimedAt },
        data: { alertedLevel: level, alertPostingSince: null, ...(ts ? { alertTs: ts } : {}) },
      });
    },

    async releaseAlert(breachId, claimedAt) {
      await prisma.kpiBreach.updateMany({
        where: { id: breachId, alertPostingSince: claimedAt },
        data: { alertPostingSince: null },
      });
    },

    async claimRecovery(breachId, now, staleBefore) {
      const claimed = await prisma.kpiBreach.updateMany({
        where: {
          id: breachId,
          recoveredAt: { not: null },
          recoveryAnnouncedAt: null,
          OR: [{ recoveryPostingSince: null }, { recoveryPostingSince: { lt: staleBefore } }],
        },
        data: { recoveryPostingSince: now },
      });
      return claimed.count === 1;
    },

    async finishRecovery(breachId, at, claimedAt) {
      await prisma.kpiBreach.updateMany({
        where: { id: breachId, recoveryPostingSince: claimedAt },
        data: { recoveryAnnouncedAt: at, recoveryPostingSince: null },
      });
    },

    async releaseRecovery(breachId, claimedAt) {
      await prisma.kpiBreach.updateMany({
        where: { id: breachId, recoveryPostingSince: claimedAt },
        data: { recoveryPostingSince: null },
      });
    },

    async claimEscalation(breachId, now, staleBefore) {
      const row = await prisma.kpiBreach.findUnique({
        where: { id: breachId },
        select: { level: true, escalatedLevel: true },
      });
      if (!row || row.level < 2 || row.escalatedLevel >= row.level) return null;
      const claimed = await prisma.kpiBreach.updateMany({
        where: {
          id: breachId,
          level: row.level,
          escalatedLevel: { lt: row.level },
          recoveredAt: null,
          OR: [{ escalatingSince: null }, { escalatingSince: { lt: staleBefore } }],
        },
        data: { escalatingSince: now },
      });
      return claimed.count === 1 ? row.level : null;
    },

    async finishEscalation(breachId, level, escalationId, claimedAt, work) {
      await prisma.$transaction(async (tx) => {
        const done = await tx.kpiBreach.updateMany({
          where: { id: breachId, escalatingSince: claimedAt },
          data: {
            escalatedLevel: level,
            escalatingSince: null,
            ...(escalationId ? { escalationId } : {}),
          },
        });
        // Only the holder of the claim records the measures.
        if (done.count === 1) await work(tx);
      });
    },

    async releaseEscalation(breachId, claimedAt) {
      await prisma.kpiBreach.updateMany({
        where: { id: breachId, escalatingSince: claimedAt },
        data: { escalatingSince: null },
      });
    },
  };
}
