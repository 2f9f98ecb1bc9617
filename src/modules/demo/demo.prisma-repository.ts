import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import { BUILT_IN_CALENDARS } from '../calendar/region-holidays.rules.js';
import { thresholdRow } from '../kpis/kpi-plans.prisma-repository.js';
import { DEMO_DEFAULT_CALENDAR_KEY, DEMO_DEPARTMENT_LOCALE, demoDepartmentChannel } from './demo.data.js';
import type { DemoRepository } from './demo.repository.js';
import { seedDemoOkrs } from './demo-okrs.prisma-repository.js';

export function createDemoPrismaRepository(prisma: PrismaClient): DemoRepository {
  return {
    seedOkrs: (slackTeamId, quarter) => seedDemoOkrs(prisma, slackTeamId, quarter),

    async timeZoneOf(slackTeamId) {
      const row = await prisma.workspace.findUnique({
        where: { slackTeamId },
        select: { defaultTimeZone: true },
      });
      return row?.defaultTimeZone ?? null;
    },

    async hasKpis(slackTeamId) {
      return (await prisma.kpi.count({ where: { workspace: { slackTeamId } } })) > 0;
    },

    async seedKpis(slackTeamId, kpis) {
      return prisma.$transaction(
        async (tx) => {
          const ws = await tx.workspace.findUniqueOrThrow({ where: { slackTeamId }, select: { id: true } });
          if ((await tx.kpi.count({ where: { workspaceId: ws.id } })) > 0) return 0;
          const departments = await tx.department.findMany({
            where: { workspaceId: ws.id },
            select: { id: true, key: true },
          });
          const departmentId = new Map(departments.map((d) => [d.key, d.id]));
          const rows = kpis.flatMap(({ kpi }) => {
            const ownerDepartmentId = departmentId.get(kpi.owner);
            if (!ownerDepartmentId) return [];
            const { key, nameEn, nameZh, unit, currency, direction, aggregation, target } = kpi;
            return [
              {
                id: randomUUID(),
                workspaceId: ws.id,
                key,
                nameEn,
                nameZh,
                unit,
                currency,
                direction,
                aggregation,
                target,
                ownerDepartmentId,
              },
            ];
          });
          await tx.kpi.createMany({ data: rows });
          const idOf = new Map(rows.map((row) => [row.key, row.id]));
          await tx.kpiThreshold.createMany({
            data: kpis.flatMap(({ kpi, plan }) => {
              const kpiId = idOf.get(kpi.key);
              return kpiId ? plan.map((threshold) => thresholdRow(kpiId, threshold)) : [];
            }),
          });
          // Breaches the history stands at, told and escalated already: nothing is owed.
          await tx.kpiBreach.createMany({
            data: kpis.flatMap(({ kpi, standing }) => {
              const kpiId = idOf.get(kpi.key);
              return kpiId && standing
                ? [
                    {
                      kpiId,
                      level: standing.level,
                      period: standing.period,
                      value: standing.value,
                      lastPeriod: standing.period,
                      lastValue: standing.value,
                      alertedLevel: standing.level,
                      escalatedLevel: standing.level >= 2 ? standing.level : 0,
                    },
                  ]
                : [];
            }),
          });
          const samples = kpis.flatMap(({ kpi, history }) => {
            const kpiId = idOf.get(kpi.key);
            return kpiId ? history.map((point) => ({ kpiId, ...point })) : [];
          });
          // Two statements for ~1,000 rows (arrays unnested by PostgreSQL): every test file
          // that seeds the demo pays this, so no row-by-row inserts.
          await tx.$executeRaw`
            INSERT INTO "KpiSample" (id, "kpiId", period, value, "updatedAt")
            SELECT gen_random_uuid()::text, k, p, v, now()
            FROM unnest(${samples.map((s) => s.kpiId)}::text[], ${samples.map((s) => s.period)}::text[],
                        ${samples.map((s) => s.value)}::float8[]) AS t(k, p, v)`;
          await tx.$executeRaw`
            INSERT INTO "KpiSampleChange" (id, "sampleId", value, source, at)
            SELECT gen_random_uuid()::text, s.id, s.value, 'demo', now()
            FROM "KpiSample" s WHERE s."kpiId" = ANY(${[...idOf.values()]}::text[])`;
          return rows.length;
        },
        { timeout: 30_000 },
      );
    },

    async isSeeded(slackTeamId) {
      const count = await prisma.department.count({ where: { workspace: { slackTeamId } } });
      return count > 0;
    },

    async giveChannels(slackTeamId, channels) {
      for (const { key, channelId } of channels)
        await prisma.department.updateMany({
          where: { key, slackChannelId: null, workspace: { slackTeamId } },
          data: { slackChannelId: channelId },
        });
    },

    async giveMeetingSeries(slackTeamId, series) {
      const workspace = await prisma.workspace.findUnique({
        where: { slackTeamId },
        select: { id: true, defaultTimeZone: true, defaultCalendarKey: true },
      });
      if (!workspace || (await prisma.meetingSeries.count({ where: { workspaceId: workspace.id } })) > 0)
        return;
      const [departments, people, calendar] = await Promise.all([
        prisma.department.findMany({ where: { workspaceId: workspace.id }, select: { id: true, key: true } }),
        prisma.person.findMany({
          where: { workspaceId: workspace.id },
          select: { id: true, slackUserId: true },
        }),
        workspace.defaultCalendarKey
          ? prisma.calendar.findFirst({
              where: { workspaceId: workspace.id, key: workspace.defaultCalendarKey },
              select: { id: true },
            })
          : null,
      ]);
      const departmentId = new Map(departments.map((d) => [d.key, d.id]));
      await prisma.$transaction(async (tx) => {
        for (const [index, s] of series.entries())
          await tx.meetingSeries.create({
            data: {
              workspaceId: workspace.id,
              number: index + 1,
              title: s.title,
              recurrence: s.recurrence as object,
              timeOfDay: s.timeOfDay,
              timeZone: 'Asia/Shanghai',
              channelId: demoDepartmentChannel(s.channelOf).id,
              facilitatorPersonId: people.find((p) => p.slackUserId === s.facilitator)?.id ?? null,
              agendaOpensHoursBefore: 72,
              agendaClosesHoursBefore: 24,
              holidayPolicy: 'NEXT_WORKING_DAY',
              calendarId: calendar?.id ?? null,
              departments: {
                create: s.departments.flatMap((key) => {
                  const id = departmentId.get(key);
                  return id ? [{ departmentId: id }] : [];
                }),
              },
            },
            select: { id: true },
          });
        await writeAuditEntry(tx, {
          workspaceId: workspace.id,
          action: 'workspace.demo_meetings_seeded',
          objectType: 'workspace',
          objectId: workspace.id,
          after: { series: series.length },
        });
      });
    },

    async seed(workspace, departments, people) {
      await prisma.$transaction(
        async (tx) => {
          const ws = await tx.workspace.upsert({
            where: { slackTeamId: workspace.slackTeamId },
            create: { ...workspace, isDemo: true, defaultCalendarKey: DEMO_DEFAULT_CALENDAR_KEY },
            update: {},
            select: { id: true },
          });
          const calendarIds = new Map<string, string>();
          for (const calendar of BUILT_IN_CALENDARS) {
            const row = await tx.calendar.upsert({
              where: { workspaceId_key: { workspaceId: ws.id, key: calendar.key } },
              create: { workspaceId: ws.id, ...calendar },
              update: {},
              select: { id: true },
            });
            calendarIds.set(calendar.key, row.id);
          }
          const departmentIds = new Map<string, string>();
          for (const department of departments) {
            const row = await tx.department.upsert({
              where: { workspaceId_key: { workspaceId: ws.id, key: department.key } },
              create: { workspaceId: ws.id, ...department, locale: DEMO_DEPARTMENT_LOCALE },
              update: {},
              select: { id: true },
            });
            departmentIds.set(department.key, row.id);
          }
          for (const { memberships, slackUserId, deleted, calendarKey, ...profile } of people) {
            const calendarId = calendarKey ? calendarIds.get(calendarKey) : undefined;
            const row = await tx.person.upsert({
              where: { workspaceId_slackUserId: { workspaceId: ws.id, slackUserId } },
              create: { workspaceId: ws.id, slackUserId, ...profile, active: !deleted, calendarId },
              update: {},
              select: { id: true },
            });
            for (const membership of memberships) {
              const departmentId = departmentIds.get(membership.department);
              if (!departmentId)
                throw new Error(
                  `demo person ${slackUserId} names unknown department ${membership.department}`,
                );
              await tx.membership.upsert({
                where: { personId_departmentId: { personId: row.id, departmentId } },
                create: { personId: row.id, departmentId, role: membership.role },
                update: {},
                select: { id: true },
              });
            }
          }
          await writeAuditEntry(tx, {
            workspaceId: ws.id,
            action: 'workspace.demo_seeded',
            objectType: 'workspace',
            objectId: ws.id,
            after: { departments: departments.length, people: people.length },
          });
        },
        // Dozens of upserts: on a loaded machine they outlast Prisma's 5 s default.
        { timeout: 30_000 },
      );
    },
  };
}
