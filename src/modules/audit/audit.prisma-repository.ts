import type { DbClient } from '../../db/database.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { AuditEntry } from './audit.types.js';

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  // Dates and other non-JSON values become their JSON form, so before/after compare cleanly.
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/** Writes an audit row with the client it is given, so it lands in the caller's transaction. */
export async function writeAuditEntry(db: DbClient, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      workspaceId: entry.workspaceId,
      actorSlackId: entry.actorSlackId ?? null,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
    select: { id: true },
  });
}
