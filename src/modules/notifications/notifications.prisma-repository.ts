import type { DbClient } from '../../db/database.js';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { resolveLocale } from '../../i18n/catalog.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import {
  deliverySelect,
  insertDeliveriesOnce,
  insertDeliveryOnce,
  toDeliveryDto,
} from '../delivery/delivery.prisma-repository.js';
import { DIGEST_KIND } from './notification-kinds.types.js';
import type { BudgetBatch, BudgetScope, NotificationsRepository } from './notifications.repository.js';
import { type BudgetPerson, DEFAULT_DAILY_CAP, DEFAULT_QUIET_HOURS } from './notifications.types.js';

function budgetPersonSelect(now: Date) {
  return {
    id: true,
    workspaceId: true,
    slackUserId: true,
    active: true,
    timeZone: true,
    locale: true,
    quietStartMinute: true,
    quietEndMinute: true,
    dailyNotificationCap: true,
    workspace: { select: { defaultLocale: true, defaultTimeZone: true } },
    mutes: { select: { kind: true }, orderBy: { kind: 'asc' } },
    snoozes: {
      where: { until: { gt: now } },
      select: { kind: true, until: true },
      orderBy: { until: 'asc' },
    },
    // Absences ending yesterday (in any zone) or later; the rules decide which covers today.
    absences: {
      where: { endsOn: { gte: new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000) } },
      select: { startsOn: true, endsOn: true },
    },
  } satisfies Prisma.PersonSelect;
}

type BudgetPersonRow = Prisma.PersonGetPayload<{ select: ReturnType<typeof budgetPersonSelect> }>;

async function loadBudgetPerson(db: DbClient, personId: string, now: Date): Promise<BudgetPerson | null> {
  const row = await db.person.findUnique({ where: { id: personId }, select: budgetPersonSelect(now) });
  return row ? toBudgetPerson(row) : null;
}

function toBudgetPerson(row: BudgetPersonRow): BudgetPerson {
  const fallbackLocale = row.workspace.defaultLocale === 'zh-CN' ? 'zh-CN' : 'en';
  const chose = row.quietStartMinute !== null && row.quietEndMinute !== null;
  // Stored start == end means "off" (null means "never chose": the defaults apply).
  const quietHours = chose
    ? row.quietStartMinute === row.quietEndMinute
      ? null
      : { startMinute: row.quietStartMinute ?? 0, endMinute: row.quietEndMinute ?? 0 }
    : DEFAULT_QUIET_HOURS;
  return {
    personId: row.id,
    workspaceId: row.workspaceId,
    slackUserId: row.slackUserId,
    active: row.active,
    timeZone: row.timeZone ?? row.workspace.defaultTimeZone,
    locale: resolveLocale(row.locale, fallbackLocale),
    quietHours,
    quietHoursAreDefault: !chose,
    dailyCap: row.dailyNotificationCap ?? DEFAULT_DAILY_CAP,
    mutedKinds: row.mutes.map((m) => m.kind),
    snoozes: row.snoozes,
    absences: row.absences.map((a) => ({
      from: a.startsOn.toISOString().slice(0, 10),
      to: a.endsOn.toISOString().slice(0, 10),
    })),
  };
}

/** What counts against the daily cap: non-urgent, non-digest rows planned to go out. */
const plannedWhere = {
  priority: 'NORMAL',
  kind: { not: DIGEST_KIND },
  status: { in: ['QUEUED', 'SENDING', 'SENT'] },
  batchedIntoKey: null,
} satisfies Prisma.DeliveryWhereInput;

const emptyBatch: BudgetBatch = {
  people: new Map(),
  existingKeys: async () => new Set(),
  plannedCounts: async () => new Map(),
  insertMany: async () => 0,
};

function scopeOver(db: DbClient, person: BudgetPerson): BudgetScope {
  return {
    person,
    async findDelivery(key) {
      const row = await db.delivery.findUnique({
        where: { workspaceId_key: { workspaceId: person.workspaceId, key } },
        select: deliverySelect,
      });
      return row ? toDeliveryDto(row) : null;
    },
    countPlanned: (from, to) =>
      db.delivery.count({
        where: { ...plannedWhere, recipientPersonId: person.personId, notBefore: { gte: from, lt: to } },
      }),
    insert: (row) => insertDeliveryOnce(db, row),
    async heldDue(now) {
      const rows = await db.delivery.findMany({
        where: { recipientPersonId: person.personId, status: 'HELD', notBefore: { lte: now } },
        select: deliverySelect,
        orderBy: [{ notBefore: 'asc' }, { createdAt: 'asc' }],
      });
      return rows.map(toDeliveryDto);
    },
    async reschedule(ids, notBefore) {
      await db.delivery.updateMany({ where: { id: { in: ids } }, data: { notBefore } });
    },
    async cancel(ids, reason) {
      await db.delivery.updateMany({
        where: { id: { in: ids } },
        data: { status: 'CANCELLED', lastError: reason },
      });
    },
    async requeue(id, notBefore) {
      await db.delivery.update({
        where: { id },
        data: { status: 'QUEUED', notBefore },
        select: { id: true },
      });
    },
    async markBatched(ids, digestKey, at) {
      await db.delivery.updateMany({
        where: { id: { in: ids } },
        data: { status: 'SENT', batchedIntoKey: digestKey, sentAt: at },
      });
    },
  };
}

export function createNotificationsPrismaRepository(prisma: PrismaClient): NotificationsRepository {
  return {
    async withPersonBudget(personId, now, work) {
      return prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Person" WHERE id = ${personId} FOR UPDATE`;
        const person = await loadBudgetPerson(tx, personId, now);
        return person ? work(scopeOver(tx, person)) : null;
      });
    },

    async withPeopleBudgets(personIds, now, work) {
      const ids = [...new Set(personIds)].sort();
      if (ids.length === 0) return work(emptyBatch);
      return prisma.$transaction(
        async (tx) => {
          // The same per-person locks as one notification takes, in one statement, in id order.
          await tx.$queryRaw`SELECT id FROM "Person" WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
          const rows = await tx.person.findMany({
            where: { id: { in: ids } },
            select: budgetPersonSelect(now),
          });
          const people = new Map(rows.map((row) => [row.id, toBudgetPerson(row)]));
          return work({
            people,
            async existingKeys(workspaceId, keys) {
              if (keys.length === 0) return new Set();
              const found = await tx.delivery.findMany({
                where: { workspaceId, key: { in: [...keys] } },
                select: { key: true },
              });
              return new Set(found.map((f) => f.key));
            },
            async plannedCounts(days) {
              if (days.size === 0) return new Map();
              const spans = [...days.values()];
              const from = new Date(Math.min(...spans.map((d) => d.start.getTime())));
              const to = new Date(Math.max(...spans.map((d) => d.end.getTime())));
              const planned = await tx.delivery.findMany({
                where: {
                  ...plannedWhere,
                  recipientPersonId: { in: [...days.keys()] },
                  notBefore: { gte: from, lt: to },
                },
                select: { recipientPersonId: true, notBefore: true },
              });
              const counts = new Map<string, number>();
              for (const row of planned) {
                const day = row.recipientPersonId ? days.get(row.recipientPersonId) : undefined;
                if (!day || row.notBefore < day.start || row.notBefore >= day.end) continue;
                const id = row.recipientPersonId as string;
                counts.set(id, (counts.get(id) ?? 0) + 1);
              }
              return counts;
            },
            insertMany: (deliveries) => insertDeliveriesOnce(tx, deliveries),
          });
        },
        { timeout: 120_000, maxWait: 30_000 },
      );
    },

    settingsOf: (personId, now) => loadBudgetPerson(prisma, personId, now),

    async peopleWithHeldDue(now, limit) {
      const rows = await prisma.delivery.findMany({
        where: { status: 'HELD', notBefore: { lte: now }, recipientPersonId: { not: null } },
        select: { recipientPersonId: true },
        distinct: ['recipientPersonId'],
        take: limit,
      });
      return rows.flatMap((r) => (r.recipientPersonId ? [r.recipientPersonId] : []));
    },

    async setQuietHours(change, quiet) {
      await prisma.$transaction(async (tx) => {
        const data = quiet
          ? { quietStartMinute: quiet.startMinute, quietEndMinute: quiet.endMinute }
          : { quietStartMinute: 0, quietEndMinute: 0 };
        await tx.person.update({ where: { id: change.personId }, data, select: { id: true } });
        await writeAuditEntry(tx, {
          workspaceId: change.workspaceId,
          actorSlackId: change.slackUserId,
          action: quiet ? 'notifications.quiet_hours_set' : 'notifications.quiet_hours_off',
          objectType: 'person',
          objectId: change.personId,
          after: data,
        });
      });
    },

    async mute(change, kind) {
      await prisma.$transaction(async (tx) => {
        await tx.notificationMute.createMany({
          data: [{ personId: change.personId, kind }],
          skipDuplicates: true,
        });
        await writeAuditEntry(tx, {
          workspaceId: change.workspaceId,
          actorSlackId: change.slackUserId,
          action: 'notifications.muted',
          objectType: 'person',
          objectId: change.personId,
          after: { kind },
        });
      });
    },

    async unmute(change, kind) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.notificationMute.deleteMany({
          where: { personId: change.personId, kind },
        });
        if (count === 0) return false;
        await writeAuditEntry(tx, {
          workspaceId: change.workspaceId,
          actorSlackId: change.slackUserId,
          action: 'notifications.unmuted',
          objectType: 'person',
          objectId: change.personId,
          before: { kind },
        });
        return true;
      });
    },

    async snooze(change, { kind, until }) {
      await prisma.$transaction(async (tx) => {
        const created = await tx.notificationSnooze.create({
          data: { personId: change.personId, kind, until },
          select: { id: true },
        });
        await writeAuditEntry(tx, {
          workspaceId: change.workspaceId,
          actorSlackId: change.slackUserId,
          action: 'notifications.snoozed',
          objectType: 'notification_snooze',
          objectId: created.id,
          after: { kind, until },
        });
      });
    },
  };
}
