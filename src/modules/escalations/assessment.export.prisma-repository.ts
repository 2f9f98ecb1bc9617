import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { ExportRow, ExportSection } from '../export/export.types.js';
import { iso, rowsToRead } from '../export/export-cells.rules.js';

const snapshotSelect = {
  departmentId: true,
  quarter: true,
  raised: true,
  received: true,
  answeredWithinSla: true,
  answered: true,
  medianMinutesToDecision: true,
  actionItemsDue: true,
  actionItemsOnTime: true,
  checkInsAsked: true,
  checkInsAnswered: true,
  agendaItemsRaised: true,
  agendaItemsResolved: true,
  agendaCycleMinutes: true,
  agendaCyclePrevMinutes: true,
  computedAt: true,
} satisfies Prisma.AssessmentSnapshotSelect;
type SnapshotRow = Prisma.AssessmentSnapshotGetPayload<{ select: typeof snapshotSelect }>;

const COLUMNS = [
  'quarter',
  'department_key',
  'raised',
  'received',
  'answered',
  'answered_within_sla',
  'median_minutes_to_decision',
  'action_items_due',
  'action_items_on_time',
  'computed_at',
] as const;

function snapshotRow(s: SnapshotRow, departmentKey: string | null): ExportRow {
  return {
    quarter: s.quarter,
    department_key: departmentKey,
    raised: s.raised,
    received: s.received,
    answered: s.answered,
    answered_within_sla: s.answeredWithinSla,
    median_minutes_to_decision: s.medianMinutesToDecision,
    action_items_due: s.actionItemsDue,
    action_items_on_time: s.actionItemsOnTime,
    check_ins_asked: s.checkInsAsked,
    check_ins_answered: s.checkInsAnswered,
    agenda_items_raised: s.agendaItemsRaised,
    agenda_items_resolved: s.agendaItemsResolved,
    agenda_cycle_minutes: s.agendaCycleMinutes,
    agenda_cycle_prev_minutes: s.agendaCyclePrevMinutes,
    computed_at: iso(s.computedAt),
  };
}

async function snapshots(
  prisma: PrismaClient,
  where: Prisma.AssessmentSnapshotWhereInput,
  take: number,
): Promise<SnapshotRow[]> {
  return prisma.assessmentSnapshot.findMany({
    where,
    select: snapshotSelect,
    orderBy: [{ quarter: 'desc' }, { departmentId: 'asc' }],
    take,
  });
}

/**
 * The quarterly joint assessments, newest quarter first. They are figures about departments,
 * not people; a person gets those of the departments they are a member of.
 */
export function assessmentsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['AssessmentSnapshot'],
    person: {
      table: 'assessments',
      columns: COLUMNS,
      async rows(person, limits) {
        const memberships = await prisma.membership.findMany({
          where: { personId: person.id, department: { workspaceId: person.workspaceId } },
          select: { department: { select: { id: true, key: true } } },
        });
        const keys = new Map(memberships.map((m) => [m.department.id, m.department.key]));
        const rows = await snapshots(
          prisma,
          { workspaceId: person.workspaceId, departmentId: { in: [...keys.keys()] } },
          rowsToRead(limits),
        );
        return { rows: rows.map((s) => snapshotRow(s, keys.get(s.departmentId) ?? null)) };
      },
    },
    workspace: {
      table: 'assessments',
      columns: COLUMNS,
      async rows(workspaceId, limits) {
        const [rows, departments] = await Promise.all([
          snapshots(prisma, { workspaceId }, rowsToRead(limits)),
          prisma.department.findMany({ where: { workspaceId }, select: { id: true, key: true } }),
        ]);
        const keys = new Map(departments.map((d) => [d.id, d.key]));
        return { rows: rows.map((s) => snapshotRow(s, keys.get(s.departmentId) ?? null)) };
      },
    },
  };
}
