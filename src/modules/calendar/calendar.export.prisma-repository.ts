import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { ExportRow, ExportSection } from '../export/export.types.js';
import { day, iso, rowsToRead } from '../export/export-cells.rules.js';

/** The workspace's calendars (workspace export). */
export function calendarsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['Calendar'],
    workspace: {
      table: 'calendars',
      columns: ['key', 'name_en', 'name_zh', 'region', 'created_at'],
      async rows(workspaceId, limits) {
        const calendars = await prisma.calendar.findMany({
          where: { workspaceId },
          select: { key: true, nameEn: true, nameZh: true, region: true, createdAt: true },
          orderBy: { key: 'asc' },
          take: rowsToRead(limits),
        });
        return {
          rows: calendars.map((c) => ({
            key: c.key,
            name_en: c.nameEn,
            name_zh: c.nameZh,
            region: c.region,
            created_at: iso(c.createdAt),
          })),
        };
      },
    },
  };
}

/** Holidays and working days admins added to the calendars (workspace export). */
export function calendarDatesExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['CalendarDate'],
    workspace: {
      table: 'calendar_dates',
      columns: ['calendar_key', 'date', 'kind', 'name'],
      async rows(workspaceId, limits) {
        const dates = await prisma.calendarDate.findMany({
          where: { calendar: { workspaceId } },
          select: { date: true, kind: true, name: true, calendar: { select: { key: true } } },
          orderBy: [{ calendar: { key: 'asc' } }, { date: 'asc' }],
          take: rowsToRead(limits),
        });
        return {
          rows: dates.map((d) => ({
            calendar_key: d.calendar.key,
            date: day(d.date),
            kind: d.kind,
            name: d.name,
          })),
        };
      },
    },
  };
}

const absenceSelect = {
  id: true,
  startsOn: true,
  endsOn: true,
  reason: true,
  endedAt: true,
  createdAt: true,
  person: { select: { slackUserId: true } },
} satisfies Prisma.AbsenceSelect;
const ABSENCE_COLUMNS = ['id', 'slack_user_id', 'starts_on', 'ends_on', 'reason', 'ended_at', 'created_at'];

function absenceRow(a: Prisma.AbsenceGetPayload<{ select: typeof absenceSelect }>): ExportRow {
  return {
    id: a.id,
    slack_user_id: a.person.slackUserId,
    starts_on: day(a.startsOn),
    ends_on: day(a.endsOn),
    reason: a.reason,
    ended_at: iso(a.endedAt),
    created_at: iso(a.createdAt),
  };
}

/** Time off, newest first: the person's own, or everyone's. */
export function absencesExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['Absence'],
    person: {
      table: 'absences',
      columns: ABSENCE_COLUMNS,
      async rows(person, limits) {
        const absences = await prisma.absence.findMany({
          where: { personId: person.id, person: { workspaceId: person.workspaceId } },
          select: absenceSelect,
          orderBy: { startsOn: 'desc' },
          take: rowsToRead(limits),
        });
        return { rows: absences.map(absenceRow), ownRecordIds: absences.map((a) => a.id) };
      },
    },
    workspace: {
      table: 'absences',
      columns: ABSENCE_COLUMNS,
      async rows(workspaceId, limits) {
        const absences = await prisma.absence.findMany({
          where: { person: { workspaceId } },
          select: absenceSelect,
          orderBy: { startsOn: 'desc' },
          take: rowsToRead(limits),
        });
        return { rows: absences.map(absenceRow) };
      },
    },
  };
}
