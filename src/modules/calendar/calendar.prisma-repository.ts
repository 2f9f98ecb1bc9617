import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../access/access.types.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { AbsenceDto, CalendarDto, CalendarWithDates, PersonCalendarSettings } from './calendar.dto.js';
import type { CalendarRepository } from './calendar.repository.js';
import type { LocalDate } from './local-date.rules.js';
import { BUILT_IN_CALENDARS } from './region-holidays.rules.js';

const calendarSelect = { id: true, key: true, nameEn: true, nameZh: true, region: true } as const;
const withDates = {
  ...calendarSelect,
  dates: { select: { date: true, kind: true, name: true }, orderBy: { date: 'asc' } },
} as const;
const absenceSelect = { id: true, startsOn: true, endsOn: true, reason: true } as const;

/** @db.Date columns travel as UTC midnights. */
const toDbDate = (date: LocalDate) => new Date(`${date}T00:00:00.000Z`);
const fromDbDate = (date: Date): LocalDate => date.toISOString().slice(0, 10);

function toCalendarWithDates(row: {
  id: string;
  key: string;
  nameEn: string;
  nameZh: string;
  region: string | null;
  dates: { date: Date; kind: 'HOLIDAY' | 'WORKDAY'; name: string | null }[];
}): CalendarWithDates {
  return {
    ...row,
    dates: row.dates.map((d) => ({
      date: fromDbDate(d.date),
      kind: d.kind === 'HOLIDAY' ? 'holiday' : 'workday',
      name: d.name,
    })),
  };
}

function toAbsence(row: { id: string; startsOn: Date; endsOn: Date; reason: string | null }): AbsenceDto {
  return { id: row.id, from: fromDbDate(row.startsOn), to: fromDbDate(row.endsOn), reason: row.reason };
}

const personSettingsSelect = {
  id: true,
  timeZone: true,
  workDays: true,
  workStartMinute: true,
  workEndMinute: true,
  calendar: { select: calendarSelect },
  memberships: {
    where: { department: { archivedAt: null, calendarId: { not: null } } },
    orderBy: [{ createdAt: 'asc' as const }, { department: { key: 'asc' as const } }],
    take: 1,
    select: {
      department: {
        select: { key: true, nameEn: true, nameZh: true, calendar: { select: calendarSelect } },
      },
    },
  },
  workspace: { select: { id: true, defaultTimeZone: true, defaultCalendarKey: true } },
} satisfies Prisma.PersonSelect;

/**
 * Calendar settings of many people in two queries (people with their own and department
 * calendars, then the workspaces' default calendars), in the order asked.
 */
async function settingsOfPeople(
  prisma: PrismaClient,
  personIds: readonly string[],
): Promise<PersonCalendarSettings[]> {
  if (personIds.length === 0) return [];
  const people = await prisma.person.findMany({
    where: { id: { in: [...personIds] } },
    select: personSettingsSelect,
  });
  const defaults = [
    ...new Map(
      people
        .filter((p) => p.workspace.defaultCalendarKey)
        .map((p) => [`${p.workspace.id}:${p.workspace.defaultCalendarKey}`, p.workspace]),
    ).values(),
  ];
  const defaultRows =
    defaults.length === 0
      ? []
      : await prisma.calendar.findMany({
          where: { OR: defaults.map((w) => ({ workspaceId: w.id, key: w.defaultCalendarKey ?? '' })) },
          select: { ...calendarSelect, workspaceId: true },
        });
  const byId = new Map(people.map((p) => [p.id, p]));
  return personIds.flatMap((id) => {
    const person = byId.get(id);
    if (!person) return [];
    const { workspace } = person;
    const found = defaultRows.find(
      (c) => c.workspaceId === workspace.id && c.key === workspace.defaultCalendarKey,
    );
    const workspaceDefault = found ? (({ workspaceId: _w, ...c }) => c)(found) : null;
    const department = person.memberships[0]?.department;
    return [
      {
        personId: person.id,
        timeZone: person.timeZone,
        workDays: person.workDays,
        workStartMinute: person.workStartMinute,
        workEndMinute: person.workEndMinute,
        own: person.calendar,
        department: department?.calendar ? { ...department, calendar: department.calendar } : null,
        workspaceDefault,
        workspaceTimeZone: workspace.defaultTimeZone,
      },
    ];
  });
}

export function createCalendarPrismaRepository(prisma: PrismaClient): CalendarRepository {
  return {
    async ensureBuiltIns(workspaceId) {
      const existing = await prisma.calendar.findMany({
        where: { workspaceId, key: { in: BUILT_IN_CALENDARS.map((c) => c.key) } },
        select: { key: true },
      });
      const missing = BUILT_IN_CALENDARS.filter((c) => !existing.some((row) => row.key === c.key));
      for (const builtIn of missing) {
        try {
          await prisma.$transaction(async (tx) => {
            const row = await tx.calendar.create({
              data: { workspaceId, ...builtIn },
              select: calendarSelect,
            });
            await writeAuditEntry(tx, {
              workspaceId,
              action: 'calendar.created',
              objectType: 'calendar',
              objectId: row.id,
              after: row,
            });
          });
        } catch (error) {
          // Another request created it first: that is the outcome we wanted.
          if ((error as { code?: unknown }).code !== 'P2002') throw error;
        }
      }
    },

    async findByKey(workspaceId, key) {
      const row = await prisma.calendar.findUnique({
        where: { workspaceId_key: { workspaceId, key } },
        select: withDates,
      });
      return row ? toCalendarWithDates(row) : null;
    },

    async findById(calendarId) {
      const row = await prisma.calendar.findUnique({ where: { id: calendarId }, select: withDates });
      return row ? toCalendarWithDates(row) : null;
    },

    async settingsOf(personId) {
      const [settings] = await settingsOfPeople(prisma, [personId]);
      if (!settings) throw new Error(`no person ${personId}`);
      return settings;
    },

    settingsOfMany: (personIds) => settingsOfPeople(prisma, personIds),

    async findByIds(calendarIds) {
      if (calendarIds.length === 0) return [];
      const rows = await prisma.calendar.findMany({
        where: { id: { in: [...calendarIds] } },
        select: withDates,
      });
      return rows.map(toCalendarWithDates);
    },

    async absencesOfMany(personIds, endingOnOrAfter) {
      if (personIds.length === 0) return new Map();
      const rows = await prisma.absence.findMany({
        where: { personId: { in: [...personIds] }, endsOn: { gte: toDbDate(endingOnOrAfter) } },
        select: { ...absenceSelect, personId: true },
        orderBy: { startsOn: 'asc' },
      });
      const byPerson = new Map<string, AbsenceDto[]>();
      for (const row of rows)
        byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), toAbsence(row)]);
      return byPerson;
    },

    async setPersonCalendar(actor, calendar) {
      await prisma.$transaction(async (tx) => {
        const before = await tx.person.findUniqueOrThrow({
          where: { id: actor.personId },
          select: { calendar: { select: { key: true } } },
        });
        await tx.person.update({ where: { id: actor.personId }, data: { calendarId: calendar?.id ?? null } });
        await audit(tx, actor, 'person.calendar_changed', 'person', actor.personId, {
          before: { calendar: before.calendar?.key ?? null },
          after: { calendar: calendar?.key ?? null },
        });
      });
    },

    async setWorkingHours(actor, hours) {
      await prisma.$transaction(async (tx) => {
        const before = await tx.person.findUniqueOrThrow({
          where: { id: actor.personId },
          select: { workDays: true, workStartMinute: true, workEndMinute: true },
        });
        const after = {
          workDays: hours.workDays,
          workStartMinute: hours.startMinute,
          workEndMinute: hours.endMinute,
        };
        await tx.person.update({ where: { id: actor.personId }, data: after });
        await audit(tx, actor, 'person.working_hours_changed', 'person', actor.personId, { before, after });
      });
    },

    async putDate(actor, { key, createWithRegion }, { date, kind, name }) {
      return prisma.$transaction(async (tx) => {
        let calendar: CalendarDto | null = await tx.calendar.findUnique({
          where: { workspaceId_key: { workspaceId: actor.workspaceId, key } },
          select: calendarSelect,
        });
        const created = !calendar;
        if (!calendar) {
          calendar = await tx.calendar.create({
            data: { workspaceId: actor.workspaceId, key, nameEn: key, nameZh: key, region: createWithRegion },
            select: calendarSelect,
          });
          await audit(tx, actor, 'calendar.created', 'calendar', calendar.id, { after: calendar });
        }
        const where = { calendarId_date: { calendarId: calendar.id, date: toDbDate(date) } };
        const previous = await tx.calendarDate.findUnique({ where, select: { kind: true, name: true } });
        const dbKind = kind === 'holiday' ? 'HOLIDAY' : 'WORKDAY';
        await tx.calendarDate.upsert({
          where,
          create: { calendarId: calendar.id, date: toDbDate(date), kind: dbKind, name },
          update: { kind: dbKind, name },
          select: { id: true },
        });
        await audit(tx, actor, 'calendar.date_set', 'calendar', calendar.id, {
          before: previous ? { date, ...previous } : undefined,
          after: { date, kind: dbKind, name },
        });
        return { calendar, created };
      });
    },

    async applyNotice(actor, calendar, { year, dates }) {
      await prisma.$transaction(async (tx) => {
        const days = dates.map((d) => toDbDate(d.date));
        const previous = await tx.calendarDate.findMany({
          where: { calendarId: calendar.id, date: { in: days } },
          select: { date: true, kind: true, name: true },
          orderBy: { date: 'asc' },
        });
        await tx.calendarDate.deleteMany({ where: { calendarId: calendar.id, date: { in: days } } });
        await tx.calendarDate.createMany({
          data: dates.map((d) => ({
            calendarId: calendar.id,
            date: toDbDate(d.date),
            kind: d.kind === 'holiday' ? ('HOLIDAY' as const) : ('WORKDAY' as const),
            name: d.name,
          })),
        });
        await audit(tx, actor, 'calendar.notice_applied', 'calendar', calendar.id, {
          before:
            previous.length > 0
              ? { replaced: previous.map((p) => ({ date: fromDbDate(p.date), kind: p.kind, name: p.name })) }
              : undefined,
          after: {
            year,
            daysOff: dates.filter((d) => d.kind === 'holiday').map((d) => d.date),
            workdays: dates.filter((d) => d.kind === 'workday').map((d) => d.date),
          },
        });
      });
    },

    async removeDate(actor, calendar, date) {
      return prisma.$transaction(async (tx) => {
        const where = { calendarId_date: { calendarId: calendar.id, date: toDbDate(date) } };
        const previous = await tx.calendarDate.findUnique({ where, select: { kind: true, name: true } });
        if (!previous) return false;
        await tx.calendarDate.delete({ where, select: { id: true } });
        await audit(tx, actor, 'calendar.date_removed', 'calendar', calendar.id, {
          before: { date, ...previous },
        });
        return true;
      });
    },

    async setWorkspaceDefault(actor, calendar) {
      await prisma.$transaction(async (tx) => {
        const before = await tx.workspace.findUniqueOrThrow({
          where: { id: actor.workspaceId },
          select: { defaultCalendarKey: true },
        });
        await tx.workspace.update({
          where: { id: actor.workspaceId },
          data: { defaultCalendarKey: calendar.key },
          select: { id: true },
        });
        await audit(tx, actor, 'workspace.default_calendar_changed', 'workspace', actor.workspaceId, {
          before: { defaultCalendarKey: before.defaultCalendarKey },
          after: { defaultCalendarKey: calendar.key },
        });
      });
    },

    async setDepartmentCalendar(actor, departmentKey, calendar) {
      return prisma.$transaction(async (tx) => {
        const department = await tx.department.findUnique({
          where: { workspaceId_key: { workspaceId: actor.workspaceId, key: departmentKey } },
          select: { id: true, key: true, nameEn: true, nameZh: true, calendar: { select: { key: true } } },
        });
        if (!department) return null;
        await tx.department.update({
          where: { id: department.id },
          data: { calendarId: calendar.id },
          select: { id: true },
        });
        await audit(tx, actor, 'department.calendar_changed', 'department', department.id, {
          before: { calendar: department.calendar?.key ?? null },
          after: { calendar: calendar.key },
        });
        return { key: department.key, nameEn: department.nameEn, nameZh: department.nameZh };
      });
    },

    async recordRefusal(actor, attempted) {
      await audit(prisma, actor, 'authorization.refused', 'person', actor.personId, {
        after: { attempted, reason: 'not a workspace admin' },
      });
    },

    async absencesOf(personId, endingOnOrAfter) {
      const rows = await prisma.absence.findMany({
        where: { personId, endsOn: { gte: toDbDate(endingOnOrAfter) } },
        select: absenceSelect,
        orderBy: { startsOn: 'asc' },
      });
      return rows.map(toAbsence);
    },

    async replaceAbsences(actor, { from, to, reason }) {
      return prisma.$transaction(async (tx) => {
        const overlapping = await tx.absence.findMany({
          where: {
            personId: actor.personId,
            startsOn: { lte: toDbDate(to) },
            endsOn: { gte: toDbDate(from) },
          },
          select: absenceSelect,
          orderBy: { startsOn: 'asc' },
        });
        if (overlapping.length > 0)
          await tx.absence.deleteMany({ where: { id: { in: overlapping.map((row) => row.id) } } });
        const created = toAbsence(
          await tx.absence.create({
            data: { personId: actor.personId, startsOn: toDbDate(from), endsOn: toDbDate(to), reason },
            select: absenceSelect,
          }),
        );
        const replaced = overlapping.map(toAbsence);
        await audit(tx, actor, 'absence.recorded', 'absence', created.id, {
          before: replaced.length > 0 ? { replaced } : undefined,
          after: created,
        });
        return { created, replaced };
      });
    },

    async endAbsence(actor, absence, lastDay, endedAt) {
      await prisma.$transaction(async (tx) => {
        const withdrawn = lastDay < absence.from;
        if (withdrawn) await tx.absence.delete({ where: { id: absence.id }, select: { id: true } });
        else
          await tx.absence.update({
            where: { id: absence.id },
            data: { endsOn: toDbDate(lastDay), endedAt },
            select: { id: true },
          });
        await audit(tx, actor, withdrawn ? 'absence.withdrawn' : 'absence.ended', 'absence', absence.id, {
          before: absence,
          after: withdrawn ? undefined : { ...absence, to: lastDay },
        });
      });
    },
  };
}

type AuditClient = Parameters<typeof writeAuditEntry>[0];

function audit(
  db: AuditClient,
  actor: Actor,
  action: string,
  objectType: string,
  objectId: string,
  change: { before?: unknown; after?: unknown },
) {
  return writeAuditEntry(db, {
    workspaceId: actor.workspaceId,
    actorSlackId: actor.slackUserId,
    action,
    objectType,
    objectId,
    ...change,
  });
}
