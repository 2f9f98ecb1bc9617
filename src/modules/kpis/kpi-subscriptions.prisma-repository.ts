import type { PrismaClient } from '../../generated/prisma/client.js';
import type { KpiDigestCadence } from './kpi-subscription.rules.js';
import type { KpiSubscriptionRow, KpiSubscriptionsRepository } from './kpi-subscriptions.repository.js';

const include = { department: { select: { id: true, key: true, nameEn: true, nameZh: true } } } as const;

type Stored = Omit<KpiSubscriptionRow, 'cadence'> & { cadence: string };

function rowOf(row: Stored): KpiSubscriptionRow {
  return { ...row, cadence: row.cadence.toLowerCase() as KpiDigestCadence };
}

export function createKpiSubscriptionsPrismaRepository(prisma: PrismaClient): KpiSubscriptionsRepository {
  return {
    async department(workspaceId, key) {
      return prisma.department.findFirst({
        where: { workspaceId, key, archivedAt: null },
        select: { id: true, key: true, locale: true },
      });
    },
    async settingsOf(personId) {
      const person = await prisma.person.findUniqueOrThrow({
        where: { id: personId },
        select: { timeZone: true, workspace: { select: { defaultTimeZone: true, defaultLocale: true } } },
      });
      return {
        timeZone: person.timeZone ?? person.workspace.defaultTimeZone,
        workspaceLocale: person.workspace.defaultLocale,
      };
    },
    async create(input) {
      // The number is the workspace's next; two subscribing at once: the loser retries.
      for (let attempt = 0; ; attempt++) {
        const last = await prisma.kpiDigestSubscription.findFirst({
          where: { workspaceId: input.workspaceId },
          orderBy: { number: 'desc' },
          select: { number: true },
        });
        try {
          const created = await prisma.kpiDigestSubscription.create({
            data: {
              ...input,
              number: (last?.number ?? 0) + 1,
              cadence: input.cadence === 'daily' ? 'DAILY' : 'WEEKLY',
            },
            include,
          });
          return rowOf(created);
        } catch (error) {
          if (attempt >= 3 || (error as { code?: string }).code !== 'P2002') throw error;
        }
      }
    },
    async list(workspaceId) {
      const rows = await prisma.kpiDigestSubscription.findMany({
        where: { workspaceId },
        orderBy: { number: 'asc' },
        include,
      });
      return rows.map(rowOf);
    },
    async byNumber(workspaceId, number) {
      const row = await prisma.kpiDigestSubscription.findUnique({
        where: { workspaceId_number: { workspaceId, number } },
        include,
      });
      return row ? rowOf(row) : null;
    },
    async remove(id) {
      const { count } = await prisma.kpiDigestSubscription.deleteMany({ where: { id } });
      return count === 1;
    },
    async due(workspaceId, now, limit) {
      const rows = await prisma.kpiDigestSubscription.findMany({
        where: { workspaceId, nextDueAt: { lte: now } },
        orderBy: { nextDueAt: 'asc' },
        take: limit,
        include,
      });
      return rows.map(rowOf);
    },
    async claim(row, periodKey, now, staleBefore) {
      const { count } = await prisma.kpiDigestSubscription.updateMany({
        where: {
          id: row.id,
          nextDueAt: row.nextDueAt,
          OR: [{ claimedAt: null }, { claimedAt: { lt: staleBefore } }],
        },
        data: { claimedPeriodKey: periodKey, claimedAt: now },
      });
      return count === 1;
    },
    async posted(id, periodKey, nextDueAt) {
      await prisma.kpiDigestSubscription.update({
        where: { id },
        data: { lastPeriodKey: periodKey, nextDueAt, claimedPeriodKey: null, claimedAt: null },
      });
    },
    async release(id) {
      await prisma.kpiDigestSubscription.updateMany({
        where: { id },
        data: { claimedPeriodKey: null, claimedAt: null },
      });
    },
  };
}
