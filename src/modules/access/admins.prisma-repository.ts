import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { AdminDto, AdminsRepository } from './admins.repository.js';

const adminSelect = {
  id: true,
  slackUserId: true,
  displayName: true,
  realName: true,
  isWorkspaceAdmin: true,
  isLiaisonAdmin: true,
  active: true,
  isBot: true,
} as const;

function toDto({ id, ...row }: { id: string } & Omit<AdminDto, 'personId'>): AdminDto {
  return { personId: id, ...row };
}

const isAdmin = { OR: [{ isWorkspaceAdmin: true }, { isLiaisonAdmin: true }] };

export function createAdminsPrismaRepository(prisma: PrismaClient): AdminsRepository {
  return {
    async listAdmins(workspaceId) {
      const rows = await prisma.person.findMany({
        where: { workspaceId, active: true, isBot: false, ...isAdmin },
        select: adminSelect,
        orderBy: { displayName: 'asc' },
      });
      return rows.map(toDto);
    },

    async findPerson(workspaceId, slackUserId) {
      const row = await prisma.person.findUnique({
        where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
        select: adminSelect,
      });
      return row ? toDto(row) : null;
    },

    async findByHandle(workspaceId, handle) {
      const rows = await prisma.person.findMany({
        where: { workspaceId, displayName: { equals: handle, mode: 'insensitive' } },
        select: adminSelect,
        take: 5,
      });
      return rows.map(toDto);
    },

    async setLiaisonAdmin({ workspaceId, actorSlackId, personId, value }) {
      return prisma.$transaction(
        async (tx) => {
          const person = await tx.person.findFirst({
            where: { id: personId, workspaceId },
            select: { isLiaisonAdmin: true },
          });
          if (!person || person.isLiaisonAdmin === value) return 'unchanged' as const;
          if (!value) {
            const others = await tx.person.count({
              where: { workspaceId, active: true, isBot: false, id: { not: personId }, ...isAdmin },
            });
            if (others === 0) return 'last_admin' as const;
          }
          await tx.person.update({
            where: { id: personId },
            data: { isLiaisonAdmin: value },
            select: { id: true },
          });
          await writeAuditEntry(tx, {
            workspaceId,
            actorSlackId,
            action: value ? 'person.admin_granted' : 'person.admin_revoked',
            objectType: 'person',
            objectId: personId,
            before: { isLiaisonAdmin: !value },
            after: { isLiaisonAdmin: value },
          });
          return 'changed' as const;
          // Serializable: two admins revoking each other at once must not leave nobody.
        },
        { isolationLevel: 'Serializable' },
      );
    },
  };
}
