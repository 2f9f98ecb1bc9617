import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { PeopleRepository } from './people.repository.js';
import type { PersonDto, SlackProfile } from './person.types.js';

const personSelect = {
  id: true,
  workspaceId: true,
  slackUserId: true,
  displayName: true,
  realName: true,
  email: true,
  timeZone: true,
  locale: true,
  isWorkspaceAdmin: true,
  isLiaisonAdmin: true,
  isBot: true,
  active: true,
  profileSyncedAt: true,
} as const;

type PersonRow = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(prisma: PrismaClient, workspaceId: string, slackUserId: string) {
  return prisma.person.findUnique({
    where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
    select: personSelect,
  });
}

function toDto(row: PersonRow): PersonDto {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    slackUserId: row.slackUserId,
    displayName: row.displayName,
    realName: row.realName,
    timeZone: row.timeZone,
    locale: row.locale,
    isWorkspaceAdmin: row.isWorkspaceAdmin,
    isAdmin: row.isWorkspaceAdmin || row.isLiaisonAdmin,
    active: row.active,
    profileSyncedAt: row.profileSyncedAt,
  };
}

const profileSelect = {
  id: true,
  displayName: true,
  realName: true,
  email: true,
  timeZone: true,
  locale: true,
  isWorkspaceAdmin: true,
  isBot: true,
  active: true,
} as const;

/** The profile fields we keep, in the shape the audit log compares. */
function profileFields(profile: SlackProfile) {
  return {
    displayName: profile.displayName,
    realName: profile.realName ?? null,
    email: profile.email ?? null,
    timeZone: profile.timeZone ?? null,
    locale: profile.locale ?? null,
    isWorkspaceAdmin: profile.isWorkspaceAdmin,
    isBot: profile.isBot,
    active: !profile.deleted,
  };
}

export function createPeoplePrismaRepository(prisma: PrismaClient): PeopleRepository {
  return {
    async findBySlackUserId(workspaceId, slackUserId) {
      const row = await findRow(prisma, workspaceId, slackUserId);
      return row ? toDto(row) : null;
    },

    async membershipsOf(personId) {
      const rows = await prisma.membership.findMany({
        where: { personId, department: { archivedAt: null } },
        select: { role: true, department: { select: { id: true, key: true, nameEn: true, nameZh: true } } },
        orderBy: { department: { key: 'asc' } },
      });
      return rows.map((m) => ({
        departmentId: m.department.id,
        departmentKey: m.department.key,
        nameEn: m.department.nameEn,
        nameZh: m.department.nameZh,
        role: m.role,
      }));
    },

    async upsertProfile(workspaceId, profile, syncedAt, actorSlackId) {
      const fields = profileFields(profile);
      const writeProfile = () =>
        prisma.$transaction(async (tx) => {
          const before = await tx.person.findUnique({
            where: { workspaceId_slackUserId: { workspaceId, slackUserId: profile.slackUserId } },
            select: profileSelect,
          });
          if (!before) {
            const created = await tx.person.create({
              data: { workspaceId, slackUserId: profile.slackUserId, ...fields, profileSyncedAt: syncedAt },
              select: { id: true },
            });
            await writeAuditEntry(tx, {
              workspaceId,
              actorSlackId,
              action: 'person.created',
              objectType: 'person',
              objectId: created.id,
              after: fields,
            });
            return 'created' as const;
          }
          const { id, ...previous } = before;
          const changed = Object.entries(fields).filter(
            ([key, value]) => previous[key as keyof typeof previous] !== value,
          );
          await tx.person.update({
            where: { id },
            data: { ...fields, ...(syncedAt ? { profileSyncedAt: syncedAt } : {}) },
            select: { id: true },
          });
          if (changed.length === 0) return 'unchanged' as const;
          await writeAuditEntry(tx, {
            workspaceId,
            actorSlackId,
            action: 'person.updated',
            objectType: 'person',
            objectId: id,
            before: Object.fromEntries(changed.map(([key]) => [key, previous[key as keyof typeof previous]])),
            after: Object.fromEntries(changed),
          });
          return 'updated' as const;
        });
      // Two first requests from one new person race to create them: the loser updates instead.
      const change = await writeProfile().catch((error: unknown) => {
        if ((error as { code?: unknown }).code === 'P2002') return writeProfile();
        throw error;
      });
      const row = await findRow(prisma, workspaceId, profile.slackUserId);
      if (!row)
        throw new Error(`person ${profile.slackUserId} in workspace ${workspaceId} vanished after upsert`);
      return { person: toDto(row), change };
    },
  };
}
