import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { resolveLocale } from '../../i18n/catalog.js';
import { writeAuditEntries, writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { AuditEntry } from '../audit/audit.types.js';
import type { SlackProfile } from '../people/person.types.js';
import {
  type AppliedProfiles,
  CANCELLED_ON_DEACTIVATION,
  type DirectoryRepository,
} from './directory.repository.js';
import {
  auditActionOf,
  leadsDepartment,
  leaseExpired,
  planProfileChange,
  type StoredProfile,
} from './directory.rules.js';
import { DirectorySyncLeaseLostError, type SyncRunDto, type SyncStatus } from './directory.types.js';

type Tx = Prisma.TransactionClient;

/** A page is a handful of statements; the bound is for a database under heavy load. */
const PAGE_TRANSACTION = { timeout: 60_000, maxWait: 30_000 } as const;

const runSelect = {
  id: true,
  workspaceId: true,
  status: true,
  cursor: true,
  pages: true,
  seen: true,
  created: true,
  updated: true,
  deactivated: true,
  leaseUntil: true,
  startedBySlackId: true,
  startedAt: true,
  finishedAt: true,
  error: true,
} as const;

type RunRow = Prisma.DirectorySyncRunGetPayload<{ select: typeof runSelect }>;

function toRunDto(row: RunRow): SyncRunDto {
  return { ...row, status: row.status as SyncStatus };
}

const storedSelect = {
  id: true,
  slackUserId: true,
  displayName: true,
  realName: true,
  email: true,
  timeZone: true,
  locale: true,
  isWorkspaceAdmin: true,
  active: true,
  deactivatedAt: true,
} as const;

/**
 * Changed people in ONE statement: the rows travel as a JSON array and are joined to the
 * table. Timestamps are ISO text cast to `timestamp`, which ignores the zone suffix, the
 * way Prisma stores UTC wall time.
 */
const BATCH_UPDATE_SQL = `
UPDATE "Person" AS p SET
  "displayName" = v."displayName",
  "realName" = v."realName",
  "email" = v."email",
  "timeZone" = v."timeZone",
  "locale" = v."locale",
  "isWorkspaceAdmin" = v."isWorkspaceAdmin",
  "active" = v."active",
  "deactivatedAt" = v."deactivatedAt",
  "profileSyncedAt" = v."syncedAt",
  "updatedAt" = v."syncedAt"
FROM jsonb_to_recordset($1::jsonb) AS v(
  "id" text, "displayName" text, "realName" text, "email" text, "timeZone" text, "locale" text,
  "isWorkspaceAdmin" boolean, "active" boolean, "deactivatedAt" timestamp(3), "syncedAt" timestamp(3)
)
WHERE p."id" = v."id"`;

/**
 * New people in ONE statement, the same way. A person someone else created meanwhile (their
 * first request, a team_join) is skipped; RETURNING says who was really inserted.
 */
const BATCH_INSERT_SQL = `
INSERT INTO "Person" (
  "id", "workspaceId", "slackUserId", "displayName", "realName", "email", "timeZone", "locale",
  "isWorkspaceAdmin", "active", "deactivatedAt", "profileSyncedAt", "updatedAt"
)
SELECT
  v."id", v."workspaceId", v."slackUserId", v."displayName", v."realName", v."email", v."timeZone", v."locale",
  v."isWorkspaceAdmin", v."active", v."deactivatedAt", v."syncedAt", v."syncedAt"
FROM jsonb_to_recordset($1::jsonb) AS v(
  "id" text, "workspaceId" text, "slackUserId" text, "displayName" text, "realName" text, "email" text,
  "timeZone" text, "locale" text, "isWorkspaceAdmin" boolean, "active" boolean, "deactivatedAt" timestamp(3),
  "syncedAt" timestamp(3)
)
ON CONFLICT ("workspaceId", "slackUserId") DO NOTHING
RETURNING "id"`;

/**
 * Applies a batch of profiles: one read of who exists, one bulk insert, one batched update,
 * one update of "read from Slack at" for the unchanged, one cancel of the deactivated
 * people's pending messages, one insert of every audit row. Callers pass the transaction.
 */
async function applyProfilesIn(
  tx: Tx,
  workspaceId: string,
  profiles: SlackProfile[],
  now: Date,
  syncRunId: string | null,
): Promise<AppliedProfiles> {
  const applied: AppliedProfiles = {
    created: 0,
    updated: 0,
    deactivated: 0,
    deactivatedIds: [],
    changes: new Map(),
  };
  // Slack pages a list that can change under it: a person listed twice counts once, last wins.
  const bySlackId = new Map(profiles.map((profile) => [profile.slackUserId, profile]));
  if (bySlackId.size === 0) return applied;
  const existing = await tx.person.findMany({
    where: { workspaceId, slackUserId: { in: [...bySlackId.keys()] } },
    select: storedSelect,
  });
  const stored = new Map(existing.map((row) => [row.slackUserId, row]));
  const creates: (StoredProfile & { id: string; slackUserId: string })[] = [];
  const updates: (StoredProfile & { id: string; syncedAt: Date })[] = [];
  const unchangedIds: string[] = [];
  const audits: AuditEntry[] = [];
  const tag = syncRunId ? { syncRunId } : {};

  for (const [slackUserId, profile] of bySlackId) {
    const row = stored.get(slackUserId);
    const plan = planProfileChange(row ?? null, profile, now);
    applied.changes.set(slackUserId, plan.kind);
    if (!row) {
      const id = randomUUID();
      creates.push({ id, slackUserId, ...plan.next });
      audits.push({
        workspaceId,
        action: 'person.created',
        objectType: 'person',
        objectId: id,
        after: { ...plan.after, ...tag },
      });
      continue;
    }
    if (plan.kind === 'unchanged') {
      unchangedIds.push(row.id);
      continue;
    }
    updates.push({ id: row.id, ...plan.next, syncedAt: now });
    if (plan.kind === 'deactivated') applied.deactivatedIds.push(row.id);
    audits.push({
      workspaceId,
      action: auditActionOf(plan.kind),
      objectType: 'person',
      objectId: row.id,
      before: plan.before,
      after: { ...plan.after, ...tag },
    });
  }

  if (creates.length > 0) {
    const inserted = new Set(
      (
        await tx.$queryRawUnsafe<{ id: string }[]>(
          BATCH_INSERT_SQL,
          JSON.stringify(creates.map((person) => ({ ...person, workspaceId, syncedAt: now }))),
        )
      ).map((row) => row.id),
    );
    for (const person of creates) {
      if (inserted.has(person.id)) continue;
      applied.changes.set(person.slackUserId, 'unchanged');
      const at = audits.findIndex((audit) => audit.objectId === person.id);
      if (at >= 0) audits.splice(at, 1);
    }
    applied.created = inserted.size;
  }
  if (updates.length > 0) await tx.$executeRawUnsafe(BATCH_UPDATE_SQL, JSON.stringify(updates));
  if (unchangedIds.length > 0)
    await tx.person.updateMany({ where: { id: { in: unchangedIds } }, data: { profileSyncedAt: now } });
  if (applied.deactivatedIds.length > 0) {
    // Deactivated people stop receiving anything, including what was already waiting.
    await tx.delivery.updateMany({
      where: { recipientPersonId: { in: applied.deactivatedIds }, status: { in: ['QUEUED', 'HELD'] } },
      data: { status: 'CANCELLED', lastError: CANCELLED_ON_DEACTIVATION },
    });
  }
  await writeAuditEntries(tx, audits);
  applied.deactivated = applied.deactivatedIds.length;
  applied.updated = updates.length - applied.deactivated;
  return applied;
}

async function lockedUpdate(
  tx: Tx,
  run: { id: string; heldUntil: Date },
  data: Prisma.DirectorySyncRunUpdateManyMutationInput,
): Promise<void> {
  // The lease doubles as the owner's token: a process that took the run over wrote its own.
  const { count } = await tx.directorySyncRun.updateMany({
    where: { id: run.id, status: 'RUNNING', leaseUntil: run.heldUntil },
    data,
  });
  if (count === 0) throw new DirectorySyncLeaseLostError(run.id);
}

export function createDirectoryPrismaRepository(prisma: PrismaClient): DirectoryRepository {
  return {
    async begin({ workspaceId, startedBySlackId, now, leaseUntil, resumableSince }) {
      return prisma.$transaction(async (tx) => {
        // One sync per workspace: concurrent claims wait for each other on the workspace row.
        await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
        const latest = await tx.directorySyncRun.findFirst({
          where: { workspaceId },
          orderBy: { startedAt: 'desc' },
          select: runSelect,
        });
        const starter = startedBySlackId ? { startedBySlackId } : {};
        if (latest?.status === 'RUNNING' && !leaseExpired(latest.leaseUntil, now))
          return { kind: 'busy' as const, run: toRunDto(latest) };
        const resumable =
          latest &&
          (latest.status === 'RUNNING' ||
            (latest.status === 'FAILED' && latest.cursor !== null && latest.startedAt >= resumableSince));
        if (latest && resumable) {
          const resumed = await tx.directorySyncRun.update({
            where: { id: latest.id },
            data: { status: 'RUNNING', leaseUntil, error: null, finishedAt: null, ...starter },
            select: runSelect,
          });
          await writeAuditEntry(tx, {
            workspaceId,
            actorSlackId: startedBySlackId ?? undefined,
            action: 'directory.sync_resumed',
            objectType: 'directory_sync',
            objectId: latest.id,
            before: { status: latest.status, pages: latest.pages, error: latest.error },
          });
          return { kind: 'resumed' as const, run: toRunDto(resumed) };
        }
        const created = await tx.directorySyncRun.create({
          data: { workspaceId, status: 'RUNNING', leaseUntil, startedAt: now, startedBySlackId },
          select: runSelect,
        });
        await writeAuditEntry(tx, {
          workspaceId,
          actorSlackId: startedBySlackId ?? undefined,
          action: 'directory.sync_started',
          objectType: 'directory_sync',
          objectId: created.id,
        });
        return { kind: 'started' as const, run: toRunDto(created) };
      });
    },

    async applyPage(run, page) {
      return prisma.$transaction(async (tx) => {
        await lockedUpdate(tx, run, {
          cursor: page.nextCursor,
          pages: { increment: 1 },
          leaseUntil: page.leaseUntil,
        });
        const applied = await applyProfilesIn(tx, run.workspaceId, page.profiles, page.now, run.id);
        const row = await tx.directorySyncRun.update({
          where: { id: run.id },
          data: {
            seen: { increment: page.profiles.length },
            created: { increment: applied.created },
            updated: { increment: applied.updated },
            deactivated: { increment: applied.deactivated },
          },
          select: runSelect,
        });
        return toRunDto(row);
      }, PAGE_TRANSACTION);
    },

    applyProfiles(workspaceId, profiles, now) {
      return prisma.$transaction(
        (tx) => applyProfilesIn(tx, workspaceId, profiles, now, null),
        PAGE_TRANSACTION,
      );
    },

    async finish(run, outcome) {
      return prisma.$transaction(async (tx) => {
        await lockedUpdate(tx, run, {
          status: outcome.status,
          error: outcome.error ?? null,
          finishedAt: outcome.finishedAt,
          leaseUntil: null,
        });
        const row = await tx.directorySyncRun.findUniqueOrThrow({ where: { id: run.id }, select: runSelect });
        await writeAuditEntry(tx, {
          workspaceId: row.workspaceId,
          action: outcome.status === 'SUCCEEDED' ? 'directory.sync_finished' : 'directory.sync_failed',
          objectType: 'directory_sync',
          objectId: row.id,
          after: {
            pages: row.pages,
            seen: row.seen,
            created: row.created,
            updated: row.updated,
            deactivated: row.deactivated,
            ...(row.error ? { error: row.error } : {}),
          },
        });
        return toRunDto(row);
      });
    },

    async lastRun(workspaceId) {
      const row = await prisma.directorySyncRun.findFirst({
        where: { workspaceId },
        orderBy: { startedAt: 'desc' },
        select: runSelect,
      });
      return row ? toRunDto(row) : null;
    },

    async deactivatedInRun(workspaceId, runId) {
      const rows = await prisma.auditEvent.findMany({
        where: {
          workspaceId,
          action: auditActionOf('deactivated'),
          objectType: 'person',
          after: { path: ['syncRunId'], equals: runId },
        },
        select: { objectId: true },
        distinct: ['objectId'],
      });
      return rows.map((row) => row.objectId);
    },

    countNotListedSince(workspaceId, since) {
      return prisma.person.count({
        where: {
          workspaceId,
          active: true,
          isBot: false,
          OR: [{ profileSyncedAt: null }, { profileSyncedAt: { lt: since } }],
        },
      });
    },

    async personToFlag(personId) {
      const row = await prisma.person.findUnique({
        where: { id: personId },
        select: {
          id: true,
          workspaceId: true,
          slackUserId: true,
          displayName: true,
          realName: true,
          active: true,
          deactivatedAt: true,
          memberships: {
            where: { department: { archivedAt: null } },
            orderBy: { department: { key: 'asc' } },
            select: {
              role: true,
              department: {
                select: {
                  id: true,
                  nameEn: true,
                  nameZh: true,
                  memberships: {
                    where: {
                      role: { in: ['LEAD', 'HEAD'] },
                      personId: { not: personId },
                      person: { active: true },
                    },
                    select: { personId: true },
                  },
                },
              },
            },
          },
        },
      });
      if (!row) return null;
      const admins = await prisma.person.findMany({
        where: {
          workspaceId: row.workspaceId,
          active: true,
          isBot: false,
          id: { not: personId },
          OR: [{ isWorkspaceAdmin: true }, { isLiaisonAdmin: true }],
        },
        select: { id: true },
        orderBy: { slackUserId: 'asc' },
      });
      return {
        personId: row.id,
        workspaceId: row.workspaceId,
        slackUserId: row.slackUserId,
        name: row.realName ?? row.displayName,
        active: row.active,
        deactivatedAt: row.deactivatedAt,
        memberships: row.memberships.map((m) => ({
          departmentId: m.department.id,
          name: { en: m.department.nameEn, zh: m.department.nameZh },
          role: m.role,
          leaders: m.department.memberships.map((leader) => leader.personId),
        })),
        admins: admins.map((admin) => admin.id),
      };
    },

    async recipients(personIds) {
      if (personIds.length === 0) return [];
      const rows = await prisma.person.findMany({
        where: { id: { in: personIds }, active: true },
        select: { id: true, locale: true, workspace: { select: { defaultLocale: true } } },
        orderBy: { slackUserId: 'asc' },
      });
      return rows.map((row) => ({
        personId: row.id,
        locale: resolveLocale(row.locale, row.workspace.defaultLocale === 'zh-CN' ? 'zh-CN' : 'en'),
      }));
    },

    async findPerson(workspaceId, slackUserId) {
      const row = await prisma.person.findUnique({
        where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
        select: { id: true, locale: true, workspace: { select: { defaultLocale: true } } },
      });
      return row
        ? {
            personId: row.id,
            locale: resolveLocale(row.locale, row.workspace.defaultLocale === 'zh-CN' ? 'zh-CN' : 'en'),
          }
        : null;
    },

    async leadershipOf(personId) {
      const rows = await prisma.membership.findMany({
        where: { personId, role: { in: ['LEAD', 'HEAD'] }, department: { archivedAt: null } },
        select: { role: true, department: { select: { nameEn: true, nameZh: true } } },
        orderBy: { department: { key: 'asc' } },
      });
      return rows
        .filter((row) => leadsDepartment(row.role))
        .map((row) => ({ role: row.role, name: { en: row.department.nameEn, zh: row.department.nameZh } }));
    },

    countCancelledOnDeactivation(personId) {
      return prisma.delivery.count({
        where: { recipientPersonId: personId, status: 'CANCELLED', lastError: CANCELLED_ON_DEACTIVATION },
      });
    },
  };
}
