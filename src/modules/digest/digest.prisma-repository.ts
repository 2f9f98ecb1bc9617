import type { PrismaClient } from '../../generated/prisma/client.js';
import { SUPPORTED_LOCALES, type SupportedLocale } from '../../i18n/locales.js';
import type { DigestRepository } from './digest.repository.js';
import type { DigestSubscriptionDto } from './digest.types.js';
import type { DigestSetting } from './digest-schedule.rules.js';

const LADDER_ROLES = ['LEAD', 'HEAD', 'EXECUTIVE'] as const;

type Cadence = 'WEEKLY' | 'DAILY' | 'OFF';

interface SubscriptionRow {
  id: string;
  workspaceId: string;
  personId: string;
  cadence: Cadence;
  weekday: number | null;
  timeOfDay: string;
  nextDueAt: Date | null;
  lastPeriodKey: string | null;
}

function settingOf(row: Pick<SubscriptionRow, 'cadence' | 'weekday' | 'timeOfDay'>): DigestSetting {
  if (row.cadence === 'OFF') return { cadence: 'off' };
  if (row.cadence === 'DAILY') return { cadence: 'daily', timeOfDay: row.timeOfDay };
  return { cadence: 'weekly', weekday: row.weekday ?? 1, timeOfDay: row.timeOfDay };
}

function columnsOf(setting: DigestSetting): Pick<SubscriptionRow, 'cadence' | 'weekday' | 'timeOfDay'> {
  if (setting.cadence === 'off') return { cadence: 'OFF', weekday: null, timeOfDay: '00:00' };
  if (setting.cadence === 'daily') return { cadence: 'DAILY', weekday: null, timeOfDay: setting.timeOfDay };
  return { cadence: 'WEEKLY', weekday: setting.weekday, timeOfDay: setting.timeOfDay };
}

function dtoOf(row: SubscriptionRow): DigestSubscriptionDto {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    personId: row.personId,
    setting: settingOf(row),
    nextDueAt: row.nextDueAt,
    lastPeriodKey: row.lastPeriodKey,
  };
}

function localeOf(value: string): SupportedLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value) ? (value as SupportedLocale) : 'en';
}

const ladderWhere = (workspaceId: string) => ({
  role: { in: [...LADDER_ROLES] },
  department: { workspaceId, archivedAt: null },
});

export function createDigestPrismaRepository(prisma: PrismaClient): DigestRepository {
  return {
    async reader(workspaceId, personId) {
      const person = await prisma.person.findFirst({
        where: { id: personId, workspaceId },
        select: {
          id: true,
          active: true,
          isWorkspaceAdmin: true,
          isLiaisonAdmin: true,
          locale: true,
          timeZone: true,
          workspace: { select: { defaultLocale: true, defaultTimeZone: true } },
          memberships: {
            where: ladderWhere(workspaceId),
            select: {
              departmentId: true,
              role: true,
              department: { select: { nameEn: true, nameZh: true, key: true } },
            },
            orderBy: { department: { key: 'asc' } },
          },
        },
      });
      if (!person) return null;
      return {
        workspaceId,
        personId: person.id,
        active: person.active,
        isAdmin: person.isWorkspaceAdmin || person.isLiaisonAdmin,
        locale: person.locale,
        workspaceLocale: localeOf(person.workspace.defaultLocale),
        timeZone: person.timeZone ?? person.workspace.defaultTimeZone,
        ladder: person.active
          ? person.memberships.map((m) => ({
              departmentId: m.departmentId,
              nameEn: m.department.nameEn,
              nameZh: m.department.nameZh,
              role: m.role,
            }))
          : [],
      };
    },

    async subscription(personId) {
      const row = await prisma.digestSubscription.findUnique({ where: { personId } });
      return row ? dtoOf(row) : null;
    },

    async save({ workspaceId, personId, setting, nextDueAt }) {
      const columns = { ...columnsOf(setting), nextDueAt };
      const row = await prisma.digestSubscription.upsert({
        where: { personId },
        create: { workspaceId, personId, ...columns },
        update: columns,
      });
      return dtoOf(row);
    },

    async eligibleWithoutSubscription(workspaceId) {
      const people = await prisma.person.findMany({
        where: {
          workspaceId,
          active: true,
          isBot: false,
          digestSubscription: null,
          memberships: { some: ladderWhere(workspaceId) },
        },
        select: { id: true, timeZone: true, workspace: { select: { defaultTimeZone: true } } },
      });
      return people.map((p) => ({ personId: p.id, timeZone: p.timeZone ?? p.workspace.defaultTimeZone }));
    },

    async createMany(rows) {
      if (rows.length === 0) return 0;
      const result = await prisma.digestSubscription.createMany({
        data: rows.map(({ workspaceId, personId, setting, nextDueAt }) => ({
          workspaceId,
          personId,
          ...columnsOf(setting),
          nextDueAt,
        })),
        skipDuplicates: true,
      });
      return result.count;
    },

    async due(workspaceId, now, limit) {
      const rows = await prisma.digestSubscription.findMany({
        where: { workspaceId, cadence: { not: 'OFF' }, nextDueAt: { lte: now }, person: { active: true } },
        include: { person: { select: { timeZone: true, workspace: { select: { defaultTimeZone: true } } } } },
        orderBy: { nextDueAt: 'asc' },
        take: limit,
      });
      return rows.map(({ person, ...row }) => ({
        ...dtoOf(row),
        nextDueAt: row.nextDueAt ?? now,
        timeZone: person.timeZone ?? person.workspace.defaultTimeZone,
      }));
    },

    async advance(id, expected, nextDueAt, periodKey) {
      const { count } = await prisma.digestSubscription.updateMany({
        where: { id, nextDueAt: expected },
        data: { nextDueAt, ...(periodKey ? { lastPeriodKey: periodKey } : {}) },
      });
      return count === 1;
    },
  };
}
