import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { AccessRepository } from './access.repository.js';

export function createAccessPrismaRepository(prisma: PrismaClient): AccessRepository {
  return {
    async subjectOf(personId) {
      const row = await prisma.person.findUnique({
        where: { id: personId },
        select: {
          id: true,
          workspaceId: true,
          slackUserId: true,
          isWorkspaceAdmin: true,
          isLiaisonAdmin: true,
          memberships: {
            where: { department: { archivedAt: null } },
            select: { departmentId: true, role: true },
          },
        },
      });
      if (!row) return null;
      return {
        workspaceId: row.workspaceId,
        personId: row.id,
        slackUserId: row.slackUserId,
        isAdmin: row.isWorkspaceAdmin || row.isLiaisonAdmin,
        memberships: row.memberships,
      };
    },

    async recordRefusal(subject, permission, objectId) {
      await writeAuditEntry(prisma, {
        workspaceId: subject.workspaceId,
        actorSlackId: subject.slackUserId,
        action: 'authorization.refused',
        objectType: objectId ? 'department' : 'person',
        objectId: objectId ?? subject.personId,
        after: { attempted: permission },
      });
    },
  };
}
