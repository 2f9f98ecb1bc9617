import type { PrismaClient } from '../../generated/prisma/client.js';
import type { ExportRow, ExportSection } from '../export/export.types.js';
import { iso, rowsToRead } from '../export/export-cells.rules.js';
import { slackIdsByPersonId } from '../people/people.export.prisma-repository.js';

const select = {
  id: true,
  personId: true,
  cadence: true,
  weekday: true,
  timeOfDay: true,
  nextDueAt: true,
  lastPeriodKey: true,
  updatedAt: true,
} as const;

const FIELDS = [
  'id',
  'cadence',
  'weekday',
  'time_of_day',
  'next_due_at',
  'last_period',
  'updated_at',
] as const;

function rowOf(row: {
  id: string;
  cadence: string;
  weekday: number | null;
  timeOfDay: string;
  nextDueAt: Date | null;
  lastPeriodKey: string | null;
  updatedAt: Date;
}): ExportRow {
  return {
    id: row.id,
    cadence: row.cadence,
    weekday: row.weekday,
    time_of_day: row.timeOfDay,
    next_due_at: iso(row.nextDueAt),
    last_period: row.lastPeriodKey,
    updated_at: iso(row.updatedAt),
  };
}

/** The managers' digest settings: a person's own, or every one in the workspace (admins). */
export function digestSubscriptionsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['DigestSubscription'],
    person: {
      table: 'digest_subscriptions',
      columns: FIELDS,
      async rows(person) {
        const rows = await prisma.digestSubscription.findMany({
          where: { workspaceId: person.workspaceId, personId: person.id },
          select,
        });
        return { rows: rows.map(rowOf), ownRecordIds: rows.map((row) => row.id) };
      },
    },
    workspace: {
      table: 'digest_subscriptions',
      columns: [...FIELDS, 'person_slack_id'],
      async rows(workspaceId, limits) {
        const [rows, slackId] = await Promise.all([
          prisma.digestSubscription.findMany({
            where: { workspaceId },
            select,
            orderBy: { updatedAt: 'desc' },
            take: rowsToRead(limits),
          }),
          slackIdsByPersonId(prisma, workspaceId),
        ]);
        return { rows: rows.map((row) => ({ ...rowOf(row), person_slack_id: slackId(row.personId) })) };
      },
    },
  };
}
