import type { PrismaClient } from '../../generated/prisma/client.js';
import type { ExportRow, ExportSection } from '../export/export.types.js';
import { iso, rowsToRead } from '../export/export-cells.rules.js';
import { slackIdsByPersonId } from '../people/people.export.prisma-repository.js';

const select = {
  id: true,
  number: true,
  channelId: true,
  kpiKeys: true,
  department: { select: { key: true } },
  cadence: true,
  timeOfDay: true,
  timeZone: true,
  locale: true,
  lastPeriodKey: true,
  createdByPersonId: true,
  createdAt: true,
} as const;

const FIELDS = [
  'id',
  'number',
  'channel_id',
  'kpis',
  'department',
  'cadence',
  'time_of_day',
  'time_zone',
  'locale',
  'last_period',
  'created_at',
] as const;

function rowOf(row: {
  id: string;
  number: number;
  channelId: string;
  kpiKeys: string[];
  department: { key: string } | null;
  cadence: string;
  timeOfDay: string;
  timeZone: string;
  locale: string;
  lastPeriodKey: string | null;
  createdAt: Date;
}): ExportRow {
  return {
    id: row.id,
    number: row.number,
    channel_id: row.channelId,
    kpis: row.kpiKeys.join(' '),
    department: row.department?.key ?? null,
    cadence: row.cadence,
    time_of_day: row.timeOfDay,
    time_zone: row.timeZone,
    locale: row.locale,
    last_period: row.lastPeriodKey,
    created_at: iso(row.createdAt),
  };
}

/** Channel KPI digests: the ones a person subscribed, or every one in the workspace (admins). */
export function kpiDigestSubscriptionsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['KpiDigestSubscription'],
    person: {
      table: 'kpi_digest_subscriptions',
      columns: FIELDS,
      async rows(person) {
        const rows = await prisma.kpiDigestSubscription.findMany({
          where: { workspaceId: person.workspaceId, createdByPersonId: person.id },
          select,
        });
        return { rows: rows.map(rowOf), ownRecordIds: rows.map((row) => row.id) };
      },
    },
    workspace: {
      table: 'kpi_digest_subscriptions',
      columns: [...FIELDS, 'created_by_slack_id'],
      async rows(workspaceId, limits) {
        const [rows, slackId] = await Promise.all([
          prisma.kpiDigestSubscription.findMany({
            where: { workspaceId },
            select,
            orderBy: { number: 'asc' },
            take: rowsToRead(limits),
          }),
          slackIdsByPersonId(prisma, workspaceId),
        ]);
        return {
          rows: rows.map((row) => ({ ...rowOf(row), created_by_slack_id: slackId(row.createdByPersonId) })),
        };
      },
    },
  };
}
