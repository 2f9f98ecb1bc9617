import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { ExportRow, ExportSection } from '../export/export.types.js';
import { day, iso, rowsToRead } from '../export/export-cells.rules.js';
import { slackIdsByPersonId } from '../people/people.export.prisma-repository.js';

const itemSelect = {
  id: true,
  title: true,
  dueOn: true,
  status: true,
  sourceType: true,
  sourceId: true,
  decisionId: true,
  remindedAt: true,
  overdueNotifiedAt: true,
  completedAt: true,
  createdAt: true,
  ownerPersonId: true,
  createdByPersonId: true,
  ownerDepartment: { select: { key: true } },
} satisfies Prisma.ActionItemSelect;
type ItemRow = Prisma.ActionItemGetPayload<{ select: typeof itemSelect }>;

const ITEM_FIELDS = ['id', 'title', 'department_key', 'due_on', 'status'] as const;
const ITEM_DETAILS = [
  'source_type',
  'source_id',
  'decision_id',
  'reminded_at',
  'overdue_notified_at',
  'completed_at',
  'created_at',
] as const;

function itemRow(item: ItemRow): ExportRow {
  return {
    id: item.id,
    title: item.title,
    department_key: item.ownerDepartment?.key ?? null,
    due_on: day(item.dueOn),
    status: item.status,
    source_type: item.sourceType,
    source_id: item.sourceId,
    decision_id: item.decisionId,
    reminded_at: iso(item.remindedAt),
    overdue_notified_at: iso(item.overdueNotifiedAt),
    completed_at: iso(item.completedAt),
    created_at: iso(item.createdAt),
  };
}

/**
 * Action items, newest first. A person gets those they own or created, with their part in
 * it (`your_roles`) instead of the other person's id.
 */
export function actionItemsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['ActionItem'],
    person: {
      table: 'action_items',
      columns: [...ITEM_FIELDS, 'your_roles', ...ITEM_DETAILS],
      async rows(person, limits) {
        const items = await prisma.actionItem.findMany({
          where: {
            workspaceId: person.workspaceId,
            OR: [{ ownerPersonId: person.id }, { createdByPersonId: person.id }],
          },
          select: itemSelect,
          orderBy: { createdAt: 'desc' },
          take: rowsToRead(limits),
        });
        const owned = items.filter((item) => item.ownerPersonId === person.id);
        return {
          rows: items.map((item) => ({
            ...itemRow(item),
            your_roles: [
              item.ownerPersonId === person.id ? 'owner' : null,
              item.createdByPersonId === person.id ? 'creator' : null,
            ]
              .filter((role) => role !== null)
              .join(','),
          })),
          // One they created for someone else is that person's record: its audit entries show no contents.
          ownRecordIds: owned.map((item) => item.id),
        };
      },
    },
    workspace: {
      table: 'action_items',
      columns: [...ITEM_FIELDS, 'owner_slack_id', 'created_by_slack_id', ...ITEM_DETAILS],
      async rows(workspaceId, limits) {
        const [items, slackId] = await Promise.all([
          prisma.actionItem.findMany({
            where: { workspaceId },
            select: itemSelect,
            orderBy: { createdAt: 'desc' },
            take: rowsToRead(limits),
          }),
          slackIdsByPersonId(prisma, workspaceId),
        ]);
        return {
          rows: items.map((item) => ({
            ...itemRow(item),
            owner_slack_id: slackId(item.ownerPersonId),
            created_by_slack_id: slackId(item.createdByPersonId),
          })),
        };
      },
    },
  };
}
