import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { ExportRow, ExportSection } from '../export/export.types.js';
import { iso, json, rowsToRead } from '../export/export-cells.rules.js';

const auditSelect = {
  createdAt: true,
  actorSlackId: true,
  action: true,
  objectType: true,
  objectId: true,
  before: true,
  after: true,
} satisfies Prisma.AuditEventSelect;
const AUDIT_COLUMNS = [
  'created_at',
  'actor_slack_id',
  'action',
  'object_type',
  'object_id',
  'before',
  'after',
];

function auditRow(
  e: Prisma.AuditEventGetPayload<{ select: typeof auditSelect }>,
  withValues: boolean,
): ExportRow {
  return {
    created_at: iso(e.createdAt),
    actor_slack_id: e.actorSlackId,
    action: e.action,
    object_type: e.objectType,
    object_id: e.objectId,
    before: withValues ? json(e.before) : null,
    after: withValues ? json(e.after) : null,
  };
}

/**
 * The audit log, newest first: for a person, the entries they acted in or about their own
 * records (which is why it runs after the other sections); for the workspace, every entry
 * since `limits.since`.
 */
export function auditExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['AuditEvent'],
    person: {
      table: 'audit_events',
      columns: AUDIT_COLUMNS,
      readsOwnRecords: true,
      async rows(person, limits) {
        const since = limits.since ?? undefined;
        const own = person.ownRecordIds;
        const events = await prisma.auditEvent.findMany({
          where: {
            workspaceId: person.workspaceId,
            OR: [{ actorSlackId: person.slackUserId }, { objectId: { in: [...own] } }],
            ...(since ? { createdAt: { gte: since } } : {}),
          },
          select: auditSelect,
          orderBy: { createdAt: 'desc' },
          take: rowsToRead(limits),
        });
        // What they did to someone else's record is theirs to know, the record's contents are not.
        return { rows: events.map((e) => auditRow(e, own.has(e.objectId))) };
      },
    },
    workspace: {
      table: 'audit_events',
      columns: AUDIT_COLUMNS,
      async rows(workspaceId, limits) {
        const since = limits.since ?? undefined;
        const events = await prisma.auditEvent.findMany({
          where: { workspaceId, ...(since ? { createdAt: { gte: since } } : {}) },
          select: auditSelect,
          orderBy: { createdAt: 'desc' },
          take: rowsToRead(limits),
        });
        return { rows: events.map((e) => auditRow(e, true)) };
      },
    },
  };
}
