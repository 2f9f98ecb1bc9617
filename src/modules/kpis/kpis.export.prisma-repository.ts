import type { PrismaClient } from '../../generated/prisma/client.js';
import type { ExportRow, ExportSection } from '../export/export.types.js';
import { iso, rowsToRead } from '../export/export-cells.rules.js';
import { slackIdsByPersonId } from '../people/people.export.prisma-repository.js';

const FIELDS = ['kpi', 'period', 'previous_value', 'value', 'source', 'at'] as const;

const select = {
  id: true,
  previousValue: true,
  value: true,
  source: true,
  recordedByPersonId: true,
  at: true,
  sample: { select: { period: true, kpi: { select: { key: true } } } },
} as const;

function rowOf(change: {
  previousValue: number | null;
  value: number;
  source: string;
  at: Date;
  sample: { period: string; kpi: { key: string } };
}): ExportRow {
  return {
    kpi: change.sample.kpi.key,
    period: change.sample.period,
    previous_value: change.previousValue,
    value: change.value,
    source: change.source,
    at: iso(change.at),
  };
}

/** KPI values a person recorded (command or CSV); the whole history for admins. */
export function kpiSampleChangesExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['KpiSampleChange'],
    person: {
      table: 'kpi_values_recorded',
      columns: FIELDS,
      async rows(person) {
        const rows = await prisma.kpiSampleChange.findMany({
          where: { recordedByPersonId: person.id, sample: { kpi: { workspaceId: person.workspaceId } } },
          select,
          orderBy: { at: 'asc' },
        });
        return { rows: rows.map(rowOf), ownRecordIds: rows.map((row) => row.id) };
      },
    },
    workspace: {
      table: 'kpi_values_recorded',
      columns: [...FIELDS, 'recorded_by_slack_id'],
      async rows(workspaceId, limits) {
        const [rows, slackId] = await Promise.all([
          prisma.kpiSampleChange.findMany({
            where: { sample: { kpi: { workspaceId } } },
            select,
            orderBy: { at: 'desc' },
            take: rowsToRead(limits),
          }),
          slackIdsByPersonId(prisma, workspaceId),
        ]);
        return {
          rows: rows.map((row) => ({ ...rowOf(row), recorded_by_slack_id: slackId(row.recordedByPersonId) })),
        };
      },
    },
  };
}
