import { randomUUID } from 'node:crypto';
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

/**
 * Writes many audit rows in one statement (bulk changes such as a directory page), each
 * change still its own row. The rows travel as one JSON parameter: thousands of bound
 * parameters cost more than the insert itself.
 */
export async function writeAuditEntries(db: DbClient, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    id: randomUUID(),
    workspaceId: entry.workspaceId,
    actorSlackId: entry.actorSlackId ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    before: toJson(entry.before) ?? null,
    after: toJson(entry.after) ?? null,
  }));
  await db.$executeRawUnsafe(
    `INSERT INTO "AuditEvent" ("id", "workspaceId", "actorSlackId", "action", "objectType", "objectId", "before", "after")
     SELECT v."id", v."workspaceId", v."actorSlackId", v."action", v."objectType", v."objectId", v."before", v."after"
     FROM jsonb_to_recordset($1::jsonb) AS v(
       "id" text, "workspaceId" text, "actorSlackId" text, "action" text, "objectType" text, "objectId" text,
       "before" jsonb, "after" jsonb
     )`,
    JSON.stringify(rows),
  );
}
