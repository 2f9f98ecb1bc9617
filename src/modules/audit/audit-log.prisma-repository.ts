import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { AuditEntryDto, AuditFilter, AuditLogRepository } from './audit-log.repository.js';

function whereOf(workspaceId: string, filter: AuditFilter): Prisma.AuditEventWhereInput {
  switch (filter.kind) {
    case 'all':
      return { workspaceId };
    case 'object':
      return { workspaceId, objectType: filter.objectType, objectId: filter.objectId };
    case 'person': {
      const named = (field: 'before' | 'after') => ({
        [field]: { path: ['slackUserId'], equals: filter.slackUserId },
      });
      return {
        workspaceId,
        OR: [
          { actorSlackId: filter.slackUserId },
          ...(filter.personId ? [{ objectType: 'person', objectId: filter.personId }] : []),
          named('after'),
          named('before'),
        ],
      };
    }
  }
}

export function createAuditLogPrismaRepository(prisma: PrismaClient): AuditLogRepository {
  return {
    async recent(workspaceId, filter, limit) {
      const rows = await prisma.auditEvent.findMany({
        where: whereOf(workspaceId, filter),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: limit,
        select: {
          id: true,
          createdAt: true,
          actorSlackId: true,
          action: true,
          objectType: true,
          objectId: true,
          before: true,
          after: true,
        },
      });
      const idsOf = (type: string) => [
        ...new Set(rows.filter((r) => r.objectType === type).map((r) => r.objectId)),
      ];
      const [departments, people] = await Promise.all([
        prisma.department.findMany({
          where: { workspaceId, id: { in: idsOf('department') } },
          select: { id: true, key: true },
        }),
        prisma.person.findMany({
          where: { workspaceId, id: { in: idsOf('person') } },
          select: { id: true, slackUserId: true },
        }),
      ]);
      const keys = new Map(departments.map((d) => [d.id, d.key]));
      const slackIds = new Map(people.map((p) => [p.id, p.slackUserId]));
      return rows.map((row): AuditEntryDto => {
        const key = row.objectType === 'department' ? keys.get(row.objectId) : undefined;
        const slackUserId = row.objectType === 'person' ? slackIds.get(row.objectId) : undefined;
        return {
          id: row.id,
          at: row.createdAt,
          actorSlackId: row.actorSlackId,
          action: row.action,
          objectType: row.objectType,
          objectId: row.objectId,
          before: row.before,
          after: row.after,
          objectLabel: key
            ? { kind: 'department', key }
            : slackUserId
              ? { kind: 'person', slackUserId }
              : null,
        };
      });
    },

    async departmentIdByKey(workspaceId, key) {
      const row = await prisma.department.findUnique({
        where: { workspaceId_key: { workspaceId, key } },
        select: { id: true },
      });
      return row?.id ?? null;
    },

    async personIdBySlackId(workspaceId, slackUserId) {
      const row = await prisma.person.findUnique({
        where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
        select: { id: true },
      });
      return row?.id ?? null;
    },

    async slackIdsByHandle(workspaceId, handle) {
      const rows = await prisma.person.findMany({
        where: { workspaceId, displayName: { equals: handle, mode: 'insensitive' } },
        select: { slackUserId: true },
        take: 5,
      });
      return rows.map((row) => row.slackUserId);
    },
  };
}
