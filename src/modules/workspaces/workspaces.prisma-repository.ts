import type { PrismaClient } from '../../generated/prisma/client.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { NewWorkspace, WorkspaceDto } from './workspace.types.js';
import type { WorkspacesRepository } from './workspaces.repository.js';

export const workspaceSelect = {
  id: true,
  slackTeamId: true,
  enterpriseId: true,
  name: true,
  defaultLocale: true,
  defaultTimeZone: true,
  isDemo: true,
} as const;

/** Shared with repositories that read a workspace alongside their own rows. */
export function toWorkspaceDto(row: {
  id: string;
  slackTeamId: string;
  enterpriseId: string | null;
  name: string;
  defaultLocale: string;
  defaultTimeZone: string;
  isDemo: boolean;
}): WorkspaceDto {
  return {
    ...row,
    defaultLocale: row.defaultLocale === 'zh-CN' ? 'zh-CN' : ('en' satisfies SupportedLocale),
  };
}

export function createWorkspacesPrismaRepository(prisma: PrismaClient): WorkspacesRepository {
  return {
    async findBySlackTeamId(slackTeamId) {
      const row = await prisma.workspace.findUnique({ where: { slackTeamId }, select: workspaceSelect });
      return row ? toWorkspaceDto(row) : null;
    },

    async ensure(workspace: NewWorkspace) {
      const existing = await prisma.workspace.findUnique({
        where: { slackTeamId: workspace.slackTeamId },
        select: workspaceSelect,
      });
      if (existing) return toWorkspaceDto(existing);
      try {
        const created = await prisma.$transaction(async (tx) => {
          const row = await tx.workspace.create({
            data: {
              slackTeamId: workspace.slackTeamId,
              enterpriseId: workspace.enterpriseId ?? null,
              name: workspace.name,
              defaultLocale: workspace.defaultLocale,
              defaultTimeZone: workspace.defaultTimeZone,
              isDemo: workspace.isDemo ?? false,
            },
            select: workspaceSelect,
          });
          await writeAuditEntry(tx, {
            workspaceId: row.id,
            action: 'workspace.created',
            objectType: 'workspace',
            objectId: row.id,
            after: row,
          });
          return row;
        });
        return toWorkspaceDto(created);
      } catch (error) {
        // Another request created it between our read and our insert: use theirs.
        const winner = await prisma.workspace.findUnique({
          where: { slackTeamId: workspace.slackTeamId },
          select: workspaceSelect,
        });
        if (winner) return toWorkspaceDto(winner);
        throw error;
      }
    },
  };
}
