import { randomUUID } from 'node:crypto';
import type { DbClient } from '../../db/database.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { DeliveryRepository, NewDeliveryRow } from './delivery.repository.js';
import type { ClaimedDelivery, DeliveryDto, DeliveryMessage } from './delivery.types.js';

/** Marks a retry whose previous attempt may have reached Slack (a timeout, a lost answer). */
export const OUTCOME_UNKNOWN_PREFIX = 'outcome_unknown: ';

export const deliverySelect = {
  id: true,
  workspaceId: true,
  key: true,
  kind: true,
  priority: true,
  recipientPersonId: true,
  channelId: true,
  payload: true,
  status: true,
  attempts: true,
  notBefore: true,
  slackChannelId: true,
  slackTs: true,
  batchedIntoKey: true,
  lastError: true,
} as const;

type DeliveryRow = Prisma.DeliveryGetPayload<{ select: typeof deliverySelect }>;

export function toDeliveryDto(row: DeliveryRow): DeliveryDto {
  const { payload, ...rest } = row;
  return { ...rest, message: payload as unknown as DeliveryMessage };
}

/** Idempotent insert, usable inside a caller's transaction (the budget's per-person lock). */
export async function insertDeliveryOnce(
  db: DbClient,
  row: NewDeliveryRow,
): Promise<{ delivery: DeliveryDto; created: boolean }> {
  // ON CONFLICT DO NOTHING: a retried job, or two replicas, enqueue one row per key.
  const { count } = await db.delivery.createMany({
    data: [
      {
        workspaceId: row.workspaceId,
        key: row.key,
        kind: row.kind,
        priority: row.priority,
        recipientPersonId: row.recipientPersonId,
        channelId: row.channelId,
        payload: row.message as unknown as Prisma.InputJsonValue,
        status: row.status,
        notBefore: row.notBefore,
        lastError: row.reason ?? null,
      },
    ],
    skipDuplicates: true,
  });
  const stored = await db.delivery.findUnique({
    where: { workspaceId_key: { workspaceId: row.workspaceId, key: row.key } },
    select: deliverySelect,
  });
  if (!stored) throw new Error(`delivery ${row.key} in workspace ${row.workspaceId} vanished after insert`);
  return { delivery: toDeliveryDto(stored), created: count === 1 };
}

/**
 * Many rows in one INSERT … ON CONFLICT DO NOTHING; returns how many were new. The rows
 * travel as one JSON parameter (jsonb_to_recordset): thousands of rows cost one statement
 * and one parameter, not eleven parameters each. Timestamps go as ISO text cast to
 * `timestamp` (UTC wall time, as Prisma stores them).
 */
export async function insertDeliveriesOnce(db: DbClient, rows: readonly NewDeliveryRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const records = JSON.stringify(
    rows.map((row) => ({
      id: randomUUID(),
      workspaceId: row.workspaceId,
      key: row.key,
      kind: row.kind,
      priority: row.priority,
      recipientPersonId: row.recipientPersonId,
      channelId: row.channelId,
      payload: row.message,
      status: row.status,
      notBefore: row.notBefore.toISOString(),
      lastError: row.reason ?? null,
    })),
  );
  return db.$executeRaw`
    INSERT INTO "Delivery" ("id", "workspaceId", "key", "kind", "priority", "recipientPersonId",
      "channelId", "payload", "status", "notBefore", "lastError")
    SELECT r."id", r."workspaceId", r."key", r."kind", r."priority"::"DeliveryPriority",
      r."recipientPersonId", r."channelId", r."payload", r."status"::"DeliveryStatus",
      r."notBefore"::timestamp, r."lastError"
    FROM jsonb_to_recordset(${records}::jsonb) AS r("id" text, "workspaceId" text, "key" text,
      "kind" text, "priority" text, "recipientPersonId" text, "channelId" text, "payload" jsonb,
      "status" text, "notBefore" text, "lastError" text)
    ON CONFLICT ("workspaceId", "key") DO NOTHING`;
}

export function createDeliveryPrismaRepository(prisma: PrismaClient): DeliveryRepository {
  return {
    enqueue: (row) => insertDeliveryOnce(prisma, row),

    async findByKey(workspaceId, key) {
      const row = await prisma.delivery.findUnique({
        where: { workspaceId_key: { workspaceId, key } },
        select: deliverySelect,
      });
      return row ? toDeliveryDto(row) : null;
    },

    async claimDue({ now, leaseMs, limit }) {
      // Timestamps travel as ISO text cast to `timestamp`: Prisma stores UTC wall time
      // without a zone, and this cast ignores the session's TimeZone setting.
      const nowText = now.toISOString();
      const leaseText = new Date(now.getTime() + leaseMs).toISOString();
      // Index order (status, notBefore) and no sort: URGENT rows carry an earlier notBefore
      // (see queuedNotBefore) so they come first without ordering by priority.
      const claimed = await prisma.$queryRaw<{ id: string; previousError: string | null }[]>`
        WITH due AS (
          SELECT id, "lastError" AS "previousError"
          FROM "Delivery"
          WHERE status = 'QUEUED' AND "notBefore" <= ${nowText}::timestamp
          ORDER BY "notBefore"
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        )
        UPDATE "Delivery" d
        SET status = 'SENDING', "leaseUntil" = ${leaseText}::timestamp, attempts = d.attempts + 1
        FROM due WHERE d.id = due.id
        RETURNING d.id, due."previousError"`;
      if (claimed.length === 0) return [];
      const rows = await prisma.delivery.findMany({
        where: { id: { in: claimed.map((c) => c.id) } },
        select: {
          id: true,
          workspaceId: true,
          key: true,
          payload: true,
          attempts: true,
          channelId: true,
          recipientPersonId: true,
          createdAt: true,
        },
        orderBy: [{ priority: 'desc' }, { notBefore: 'asc' }],
      });
      const personIds = [...new Set(rows.flatMap((r) => (r.recipientPersonId ? [r.recipientPersonId] : [])))];
      const people = await prisma.person.findMany({
        where: { id: { in: personIds } },
        select: { id: true, slackUserId: true, dmChannelId: true },
      });
      const personById = new Map(people.map((p) => [p.id, p]));
      const previous = new Map(claimed.map((c) => [c.id, c]));
      return rows.map((row): ClaimedDelivery => {
        const before = previous.get(row.id);
        const person = row.recipientPersonId ? personById.get(row.recipientPersonId) : undefined;
        return {
          id: row.id,
          workspaceId: row.workspaceId,
          key: row.key,
          message: row.payload as unknown as DeliveryMessage,
          attempts: row.attempts,
          channelId: row.channelId,
          recipient: person
            ? { personId: person.id, slackUserId: person.slackUserId, dmChannelId: person.dmChannelId }
            : null,
          outcomeUnknown: before?.previousError?.startsWith(OUTCOME_UNKNOWN_PREFIX) ?? false,
          previousAttemptAt: row.createdAt,
        };
      });
    },

    async recoverExpiredLeases(now) {
      // The worker holding these died or lost the database mid-send: Slack may have the
      // message, so the next attempt looks for it before posting again.
      const { count } = await prisma.delivery.updateMany({
        where: { status: 'SENDING', leaseUntil: { lt: now } },
        data: { status: 'QUEUED', leaseUntil: null, lastError: `${OUTCOME_UNKNOWN_PREFIX}lease expired` },
      });
      return count;
    },

    async markSent(id, { slackChannelId, ts, at }) {
      await prisma.delivery.update({
        where: { id },
        data: { status: 'SENT', slackChannelId, slackTs: ts, sentAt: at, leaseUntil: null, lastError: null },
        select: { id: true },
      });
    },

    async retryLater(id, { notBefore, error, outcomeUnknown }) {
      await prisma.delivery.update({
        where: { id },
        data: {
          status: 'QUEUED',
          notBefore,
          leaseUntil: null,
          lastError: outcomeUnknown ? `${OUTCOME_UNKNOWN_PREFIX}${error}` : error,
        },
        select: { id: true },
      });
    },

    async markFailed(id, error) {
      await prisma.delivery.update({
        where: { id },
        data: { status: 'FAILED', leaseUntil: null, lastError: error },
        select: { id: true },
      });
    },

    async nextDueAt() {
      // One minimum per status, each the first entry of the (status, notBefore) index: cheap
      // however many rows wait. LEAST skips the NULLs of statuses with no rows. The instant
      // travels as epoch milliseconds: a zoneless `timestamp` read back raw would be taken
      // as the process's local time (Prisma stores UTC wall time).
      const [row] = await prisma.$queryRaw<{ next: number | null }[]>`
        SELECT (extract(epoch FROM LEAST(
          (SELECT min("notBefore") FROM "Delivery" WHERE status = 'QUEUED'),
          (SELECT min("notBefore") FROM "Delivery" WHERE status = 'HELD'),
          (SELECT min("leaseUntil") FROM "Delivery" WHERE status = 'SENDING')
        )) * 1000)::float8 AS next`;
      return row?.next == null ? null : new Date(row.next);
    },

    async cacheDmChannel(personId, channelId) {
      await prisma.person.update({
        where: { id: personId },
        data: { dmChannelId: channelId },
        select: { id: true },
      });
    },
  };
}
