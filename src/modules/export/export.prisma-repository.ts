import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { ExportRepository } from './export.repository.js';

const workspaceSelect = { id: true, name: true, slackTeamId: true } as const;

export function createExportPrismaRepository(prisma: PrismaClient): ExportRepository {
  return {
    workspace(workspaceId) {
      return prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: workspaceSelect });
    },

    person(personId) {
      return prisma.person.findUnique({
        where: { id: personId },
        select: { id: true, slackUserId: true, workspace: { select: workspaceSelect } },
      });
    },

    async recordExport(entry) {
      await writeAuditEntry(prisma, entry);
    },
  };
}
