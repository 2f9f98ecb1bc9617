import type { PrismaClient } from '../../generated/prisma/client.js';
import type { ExportRow, ExportSection } from '../export/export.types.js';
import { iso, rowsToRead } from '../export/export-cells.rules.js';
import { slackIdsByPersonId } from '../people/people.export.prisma-repository.js';

const SERIES_FIELDS = [
  'series',
  'title',
  'time_of_day',
  'time_zone',
  'channel_id',
  'role',
  'cancelled_at',
  'created_at',
] as const;

const seriesSelect = {
  id: true,
  number: true,
  title: true,
  timeOfDay: true,
  timeZone: true,
  channelId: true,
  facilitatorPersonId: true,
  createdByPersonId: true,
  cancelledAt: true,
  createdAt: true,
} as const;

function seriesRow(
  s: {
    number: number;
    title: string;
    timeOfDay: string;
    timeZone: string;
    channelId: string;
    cancelledAt: Date | null;
    createdAt: Date;
  },
  role: string | null,
): ExportRow {
  return {
    series: `MTG-${s.number}`,
    title: s.title,
    time_of_day: s.timeOfDay,
    time_zone: s.timeZone,
    channel_id: s.channelId,
    role,
    cancelled_at: iso(s.cancelledAt),
    created_at: iso(s.createdAt),
  };
}

const ITEM_FIELDS = [
  'meeting',
  'planned_on',
  'title',
  'description',
  'urgency',
  'link',
  'status',
  'late',
  'created_at',
] as const;

const itemSelect = {
  id: true,
  title: true,
  description: true,
  urgency: true,
  link: true,
  status: true,
  late: true,
  createdAt: true,
  submittedByPersonId: true,
  meeting: { select: { plannedOn: true, series: { select: { number: true } } } },
} as const;

function itemRow(item: {
  title: string;
  description: string | null;
  urgency: string;
  link: string | null;
  status: string;
  late: boolean;
  createdAt: Date;
  meeting: { plannedOn: string; series: { number: number } };
}): ExportRow {
  return {
    meeting: `MTG-${item.meeting.series.number}`,
    planned_on: item.meeting.plannedOn,
    title: item.title,
    description: item.description,
    urgency: item.urgency,
    link: item.link,
    status: item.status,
    late: item.late,
    created_at: iso(item.createdAt),
  };
}

/** Meeting series a person facilitates or created; every series for admins. */
export function meetingSeriesExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['MeetingSeries'],
    person: {
      table: 'meeting_series',
      columns: SERIES_FIELDS,
      async rows(person) {
        const rows = await prisma.meetingSeries.findMany({
          where: {
            workspaceId: person.workspaceId,
            OR: [{ facilitatorPersonId: person.id }, { createdByPersonId: person.id }],
          },
          select: seriesSelect,
          orderBy: { number: 'asc' },
        });
        const role = (s: (typeof rows)[number]) =>
          [
            s.facilitatorPersonId === person.id ? 'facilitator' : null,
            s.createdByPersonId === person.id ? 'creator' : null,
          ]
            .filter(Boolean)
            .join(',');
        return { rows: rows.map((s) => seriesRow(s, role(s))), ownRecordIds: rows.map((s) => s.id) };
      },
    },
    workspace: {
      table: 'meeting_series',
      columns: [...SERIES_FIELDS, 'facilitator_slack_id', 'created_by_slack_id'],
      async rows(workspaceId, limits) {
        const [rows, slackId] = await Promise.all([
          prisma.meetingSeries.findMany({
            where: { workspaceId },
            select: seriesSelect,
            orderBy: { number: 'desc' },
            take: rowsToRead(limits),
          }),
          slackIdsByPersonId(prisma, workspaceId),
        ]);
        return {
          rows: rows.map((s) => ({
            ...seriesRow(s, null),
            facilitator_slack_id: slackId(s.facilitatorPersonId),
            created_by_slack_id: slackId(s.createdByPersonId),
          })),
        };
      },
    },
  };
}

/** Agenda items a person submitted; every agenda item for admins. */
export function agendaItemsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['AgendaItem'],
    person: {
      table: 'agenda_items',
      columns: ITEM_FIELDS,
      async rows(person) {
        const rows = await prisma.agendaItem.findMany({
          where: { workspaceId: person.workspaceId, submittedByPersonId: person.id },
          select: itemSelect,
          orderBy: { createdAt: 'asc' },
        });
        return { rows: rows.map(itemRow), ownRecordIds: rows.map((item) => item.id) };
      },
    },
    workspace: {
      table: 'agenda_items',
      columns: [...ITEM_FIELDS, 'submitted_by_slack_id'],
      async rows(workspaceId, limits) {
        const [rows, slackId] = await Promise.all([
          prisma.agendaItem.findMany({
            where: { workspaceId },
            select: itemSelect,
            orderBy: { createdAt: 'desc' },
            take: rowsToRead(limits),
          }),
          slackIdsByPersonId(prisma, workspaceId),
        ]);
        return {
          rows: rows.map((item) => ({
            ...itemRow(item),
            submitted_by_slack_id: slackId(item.submittedByPersonId),
          })),
        };
      },
    },
  };
}

const DELEGATE_FIELDS = ['series', 'department', 'role', 'created_at'] as const;

/** Where a person is a department's delegate in a series (or named one); every delegate for admins. */
export function meetingDelegatesExportSection(prisma: PrismaClient): ExportSection {
  const select = {
    personId: true,
    namedByPersonId: true,
    createdAt: true,
    series: { select: { number: true } },
    department: { select: { key: true } },
  } as const;
  return {
    models: ['MeetingDelegate'],
    person: {
      table: 'meeting_delegates',
      columns: DELEGATE_FIELDS,
      async rows(person) {
        const rows = await prisma.meetingDelegate.findMany({
          where: {
            series: { workspaceId: person.workspaceId },
            OR: [{ personId: person.id }, { namedByPersonId: person.id }],
          },
          select,
          orderBy: { createdAt: 'asc' },
        });
        return {
          rows: rows.map((d) => ({
            series: `MTG-${d.series.number}`,
            department: d.department.key,
            role: d.personId === person.id ? 'delegate' : 'named_by',
            created_at: iso(d.createdAt),
          })),
        };
      },
    },
    workspace: {
      table: 'meeting_delegates',
      columns: ['series', 'department', 'delegate_slack_id', 'named_by_slack_id', 'created_at'],
      async rows(workspaceId, limits) {
        const [rows, slackId] = await Promise.all([
          prisma.meetingDelegate.findMany({
            where: { series: { workspaceId } },
            select,
            orderBy: { createdAt: 'desc' },
            take: rowsToRead(limits),
          }),
          slackIdsByPersonId(prisma, workspaceId),
        ]);
        return {
          rows: rows.map((d) => ({
            series: `MTG-${d.series.number}`,
            department: d.department.key,
            delegate_slack_id: slackId(d.personId),
            named_by_slack_id: slackId(d.namedByPersonId),
            created_at: iso(d.createdAt),
          })),
        };
      },
    },
  };
}
