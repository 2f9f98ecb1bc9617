import type { PrismaClient } from '../../generated/prisma/client.js';
import type { CoverageRepository } from './coverage.repository.js';

const fromDbDate = (date: Date) => date.toISOString().slice(0, 10);

export function createCoveragePrismaRepository(prisma: PrismaClient): CoverageRepository {
  return {
    workspaceOf(workspaceId) {
      return prisma.workspace.findUnique({
        where: { id: workspaceId },
        select: { defaultTimeZone: true, defaultLocale: true },
      });
    },

    async calendarsOf(workspaceId) {
      const [workspace, calendars] = await Promise.all([
        prisma.workspace.findUnique({ where: { id: workspaceId }, select: { defaultCalendarKey: true } }),
        prisma.calendar.findMany({
          where: { workspaceId },
          orderBy: { key: 'asc' },
          select: {
            id: true,
            key: true,
            nameEn: true,
            nameZh: true,
            region: true,
            dates: { select: { date: true, kind: true, name: true }, orderBy: { date: 'asc' } },
            departments: {
              where: { archivedAt: null },
              orderBy: { key: 'asc' },
              select: { key: true, nameEn: true, nameZh: true },
            },
            _count: {
              select: {
                people: { where: { active: true, isBot: false } },
                schedules: { where: { status: 'ACTIVE' } },
              },
            },
          },
        }),
      ]);
      return calendars.map(({ departments, _count, dates, ...calendar }) => ({
        calendar: {
          ...calendar,
          dates: dates.map((d) => ({
            date: fromDbDate(d.date),
            kind: d.kind === 'HOLIDAY' ? ('holiday' as const) : ('workday' as const),
            name: d.name,
          })),
        },
        workspaceDefault: workspace?.defaultCalendarKey === calendar.key,
        departments,
        people: _count.people,
        schedules: _count.schedules,
      }));
    },

    async admins(workspaceId) {
      const rows = await prisma.person.findMany({
        where: {
          workspaceId,
          active: true,
          isBot: false,
          OR: [{ isWorkspaceAdmin: true }, { isLiaisonAdmin: true }],
        },
        orderBy: { slackUserId: 'asc' },
        select: { id: true, locale: true, timeZone: true },
      });
      return rows.map((row) => ({ personId: row.id, locale: row.locale, timeZone: row.timeZone }));
    },

    async openDeadlines(workspaceId) {
      const rows = await prisma.escalation.findMany({
        where: { workspaceId, status: { not: 'RESOLVED' }, slaDueAt: { not: null } },
        orderBy: { number: 'asc' },
        select: {
          number: true,
          title: true,
          slaDueAt: true,
          departments: { select: { department: { select: { calendarId: true } } } },
        },
      });
      return rows.flatMap((row) =>
        row.slaDueAt
          ? [
              {
                number: row.number,
                title: row.title,
                dueAt: row.slaDueAt,
                calendarIds: row.departments.map((d) => d.department.calendarId),
              },
            ]
          : [],
      );
    },

    async scheduledRuns(workspaceId) {
      const rows = await prisma.schedule.findMany({
        where: { workspaceId, status: 'ACTIVE', calendarId: { not: null }, nextRunAt: { not: null } },
        orderBy: { name: 'asc' },
        select: { id: true, name: true, nextRunAt: true, timeZone: true, calendarId: true },
      });
      return rows.flatMap(({ nextRunAt, calendarId, ...row }) =>
        nextRunAt && calendarId ? [{ ...row, nextRunAt, calendarId }] : [],
      );
    },
  };
}
