import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { DepartmentsRepository } from './departments.repository.js';
import { byRoleThenName } from './departments.rules.js';
import type { DepartmentPlan, DepartmentWithMembers } from './departments.types.js';

const departmentSelect = {
  id: true,
  workspaceId: true,
  key: true,
  nameEn: true,
  nameZh: true,
  description: true,
  slackChannelId: true,
  locale: true,
  archivedAt: true,
  memberships: {
    select: {
      role: true,
      person: {
        select: { id: true, slackUserId: true, displayName: true, realName: true, email: true },
      },
    },
  },
} as const satisfies Prisma.DepartmentSelect;

type DepartmentRow = Prisma.DepartmentGetPayload<{ select: typeof departmentSelect }>;

function toDto({ memberships, ...department }: DepartmentRow): DepartmentWithMembers {
  return {
    ...department,
    members: memberships
      .map((m) => ({
        personId: m.person.id,
        slackUserId: m.person.slackUserId,
        displayName: m.person.displayName,
        realName: m.person.realName,
        email: m.person.email,
        role: m.role,
      }))
      .sort(byRoleThenName),
  };
}

/** The first key the plans set (a new department's, or a changed one), if any. */
function keySetBy(plans: readonly DepartmentPlan[]): string | undefined {
  return plans
    .map((plan) => (plan.target.kind === 'create' ? plan.target.fields.key : plan.target.set.key))
    .find((key) => key !== undefined);
}

/** An import touches many rows; PGlite runs them one by one. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

export function createDepartmentsPrismaRepository(prisma: PrismaClient): DepartmentsRepository {
  return {
    async list(workspaceId, { includeArchived }) {
      const rows = await prisma.department.findMany({
        where: { workspaceId, ...(includeArchived ? {} : { archivedAt: null }) },
        select: departmentSelect,
        orderBy: { key: 'asc' },
      });
      return rows.map(toDto);
    },

    async findByKey(workspaceId, key) {
      const row = await prisma.department.findUnique({
        where: { workspaceId_key: { workspaceId, key } },
        select: departmentSelect,
      });
      return row ? toDto(row) : null;
    },

    async findById(workspaceId, departmentId) {
      const row = await prisma.department.findFirst({
        where: { id: departmentId, workspaceId },
        select: departmentSelect,
      });
      return row ? toDto(row) : null;
    },

    async peopleBySlackIds(workspaceId, slackUserIds) {
      if (slackUserIds.length === 0) return [];
      const rows = await prisma.person.findMany({
        where: { workspaceId, slackUserId: { in: [...slackUserIds] } },
        select: { id: true, slackUserId: true, email: true },
      });
      return rows.map((row) => ({ personId: row.id, slackUserId: row.slackUserId, email: row.email }));
    },

    async peopleByEmails(workspaceId, emails) {
      if (emails.length === 0) return [];
      const rows = await prisma.person.findMany({
        where: {
          workspaceId,
          active: true,
          isBot: false,
          OR: emails.map((email) => ({ email: { equals: email, mode: 'insensitive' as const } })),
        },
        select: { id: true, slackUserId: true, email: true },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((row) => ({ personId: row.id, slackUserId: row.slackUserId, email: row.email }));
    },

    async applyPlans({ workspaceId, actorSlackId, newPeople, plans }) {
      try {
        return await prisma.$transaction(async (tx) => {
          const audit = (entry: {
            action: string;
            objectType?: string;
            objectId: string;
            before?: unknown;
            after?: unknown;
          }) => writeAuditEntry(tx, { workspaceId, actorSlackId, objectType: 'department', ...entry });

          const personIds = new Map<string, string>();
          for (const { slackUserId, deleted, ...profile } of newPeople) {
            const existing = await tx.person.findUnique({
              where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
              select: { id: true },
            });
            if (existing) {
              personIds.set(slackUserId, existing.id);
              continue;
            }
            const fields = {
              displayName: profile.displayName,
              realName: profile.realName ?? null,
              email: profile.email ?? null,
              timeZone: profile.timeZone ?? null,
              locale: profile.locale ?? null,
              isWorkspaceAdmin: profile.isWorkspaceAdmin,
              isBot: profile.isBot,
              active: !deleted,
            };
            const created = await tx.person.create({
              // Not marked synced: their language (which lookups by email omit) is read on first use.
              data: { workspaceId, slackUserId, ...fields },
              select: { id: true },
            });
            personIds.set(slackUserId, created.id);
            await audit({
              action: 'person.created',
              objectType: 'person',
              objectId: created.id,
              after: fields,
            });
          }
          const personIdOf = async (slackUserId: string) => {
            const known = personIds.get(slackUserId);
            if (known) return known;
            const row = await tx.person.findUnique({
              where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
              select: { id: true },
            });
            if (!row) throw new Error(`person ${slackUserId} of workspace ${workspaceId} is unknown`);
            personIds.set(slackUserId, row.id);
            return row.id;
          };

          const departmentIds: string[] = [];
          const changedPersonIds = new Set<string>();
          for (const plan of plans) {
            let departmentId: string;
            if (plan.target.kind === 'create') {
              const { fields } = plan.target;
              const row = await tx.department.create({
                data: { workspaceId, ...fields },
                select: { id: true },
              });
              departmentId = row.id;
              await audit({ action: 'department.created', objectId: departmentId, after: fields });
            } else {
              const { department, set } = plan.target;
              departmentId = department.id;
              if (Object.keys(set).length > 0) {
                await tx.department.update({ where: { id: departmentId }, data: set, select: { id: true } });
                const renamed = (['key', 'nameEn', 'nameZh'] as const).filter(
                  (key) => set[key] !== undefined,
                );
                if (renamed.length > 0)
                  await audit({
                    action: 'department.renamed',
                    objectId: departmentId,
                    before: Object.fromEntries(renamed.map((key) => [key, department[key]])),
                    after: Object.fromEntries(renamed.map((key) => [key, set[key]])),
                  });
                if (set.description !== undefined)
                  await audit({
                    action: 'department.description_changed',
                    objectId: departmentId,
                    before: { description: department.description },
                    after: { description: set.description },
                  });
                if (set.slackChannelId !== undefined)
                  await audit({
                    action: 'department.channel_changed',
                    objectId: departmentId,
                    before: { slackChannelId: department.slackChannelId },
                    after: { slackChannelId: set.slackChannelId },
                  });
                if (set.locale !== undefined)
                  await audit({
                    action: 'department.language_changed',
                    objectId: departmentId,
                    before: { locale: department.locale },
                    after: { locale: set.locale },
                  });
                if (set.archivedAt !== undefined)
                  await audit({
                    action: set.archivedAt ? 'department.archived' : 'department.unarchived',
                    objectId: departmentId,
                    before: { archivedAt: department.archivedAt },
                    after: { archivedAt: set.archivedAt },
                  });
              }
            }
            for (const op of plan.memberships) {
              const personId = op.op === 'add' ? await personIdOf(op.slackUserId) : op.personId;
              if (op.op === 'add') {
                await tx.membership.upsert({
                  where: { personId_departmentId: { personId, departmentId } },
                  create: { personId, departmentId, role: op.role },
                  update: { role: op.role },
                  select: { id: true },
                });
                await audit({
                  action: 'department.member_added',
                  objectId: departmentId,
                  after: { slackUserId: op.slackUserId, role: op.role },
                });
              } else if (op.op === 'role') {
                await tx.membership.updateMany({ where: { personId, departmentId }, data: { role: op.to } });
                await audit({
                  action: 'department.role_changed',
                  objectId: departmentId,
                  before: { slackUserId: op.slackUserId, role: op.from },
                  after: { slackUserId: op.slackUserId, role: op.to },
                });
              } else {
                await tx.membership.deleteMany({ where: { personId, departmentId } });
                await audit({
                  action: 'department.member_removed',
                  objectId: departmentId,
                  before: { slackUserId: op.slackUserId, role: op.role },
                });
              }
              changedPersonIds.add(personId);
            }
            departmentIds.push(departmentId);
          }
          return { departmentIds, changedPersonIds: [...changedPersonIds] };
        }, TRANSACTION_OPTIONS);
      } catch (error) {
        // Someone took the key between our check and this write.
        const key = keySetBy(plans);
        if ((error as { code?: unknown }).code === 'P2002' && key !== undefined)
          throw new DomainError(
            'department.key_taken',
            { key: 'departments.errors.keyTaken', params: { key } },
            { field: 'key', detail: `a key in workspace ${workspaceId} was taken concurrently` },
          );
        throw error;
      }
    },
  };
}
