import type { DbClient } from '../../db/database.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import { toWorkspaceDto, workspaceSelect } from '../workspaces/workspaces.prisma-repository.js';
import type {
  InstallationDto,
  RevokedReason,
  SchedulePausedByUninstall,
  StoredInstallation,
} from './installation.types.js';
import type { InstallationsRepository } from './installations.repository.js';

/** Why a schedule is paused when Liaison lost access to its workspace; a reinstall resumes these only. */
export const PAUSED_BY_UNINSTALL = 'uninstalled';

const installationSelect = {
  id: true,
  workspaceId: true,
  slackTeamId: true,
  enterpriseId: true,
  isEnterpriseInstall: true,
  appId: true,
  botUserId: true,
  botId: true,
  botScopes: true,
  botTokenExpiresAt: true,
  installedBySlackId: true,
  revokedAt: true,
  revokedReason: true,
  installationEncrypted: true,
  workspace: { select: workspaceSelect },
} as const;

type InstallationRow = Prisma.InstallationGetPayload<{ select: typeof installationSelect }>;

function toDto(row: InstallationRow): InstallationDto {
  const { installationEncrypted: _secret, workspace: _workspace, ...rest } = row;
  return {
    ...rest,
    botScopes: row.botScopes ? row.botScopes.split(',').filter(Boolean) : [],
    revokedReason: (row.revokedReason as RevokedReason | null) ?? null,
  };
}

function toStored(row: InstallationRow): StoredInstallation {
  return {
    installation: toDto(row),
    workspace: toWorkspaceDto(row.workspace),
    installationEncrypted: row.installationEncrypted,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

async function findWorkspaceRow(tx: DbClient, slackTeamId: string) {
  return tx.workspace.findUnique({
    where: { slackTeamId },
    select: { ...workspaceSelect, uninstalledAt: true },
  });
}

export function createInstallationsPrismaRepository(prisma: PrismaClient): InstallationsRepository {
  const repo: InstallationsRepository = {
    async store({ target, columns, resume, actorSlackId }) {
      const attempt = () =>
        prisma.$transaction(async (tx) => {
          let workspace = await findWorkspaceRow(tx, target.slackTeamId);
          if (!workspace) {
            workspace = await tx.workspace.create({
              data: {
                slackTeamId: target.slackTeamId,
                enterpriseId: target.enterpriseId,
                name: target.name,
                defaultLocale: target.defaultLocale,
                defaultTimeZone: target.defaultTimeZone,
              },
              select: { ...workspaceSelect, uninstalledAt: true },
            });
            const { uninstalledAt: _u, ...created } = workspace;
            await writeAuditEntry(tx, {
              workspaceId: workspace.id,
              actorSlackId,
              action: 'workspace.created',
              objectType: 'workspace',
              objectId: workspace.id,
              after: created,
            });
          } else {
            // A workspace first met through a request is named after its id until an install names it.
            const named = workspace.name === workspace.slackTeamId && target.name !== target.slackTeamId;
            if (workspace.uninstalledAt || named || (!workspace.enterpriseId && target.enterpriseId)) {
              workspace = await tx.workspace.update({
                where: { id: workspace.id },
                data: {
                  uninstalledAt: null,
                  ...(named ? { name: target.name } : {}),
                  ...(!workspace.enterpriseId && target.enterpriseId
                    ? { enterpriseId: target.enterpriseId }
                    : {}),
                },
                select: { ...workspaceSelect, uninstalledAt: true },
              });
            }
          }

          const before = await tx.installation.findUnique({
            where: { workspaceId: workspace.id },
            select: installationSelect,
          });
          const data = {
            ...columns,
            botScopes: columns.botScopes.join(','),
            revokedAt: null,
            revokedReason: null,
          };
          const row = before
            ? await tx.installation.update({ where: { id: before.id }, data, select: installationSelect })
            : await tx.installation.create({
                data: { ...data, workspaceId: workspace.id },
                select: installationSelect,
              });

          let resumedSchedules = 0;
          for (const { scheduleId, nextRunAt } of resume) {
            const { count } = await tx.schedule.updateMany({
              where: {
                id: scheduleId,
                workspaceId: workspace.id,
                status: 'PAUSED',
                pausedReason: PAUSED_BY_UNINSTALL,
              },
              data: { status: 'ACTIVE', pausedReason: null, nextRunAt },
            });
            resumedSchedules += count;
          }

          const outcome = !before ? 'created' : before.revokedAt ? 'reinstalled' : 'updated';
          await writeAuditEntry(tx, {
            workspaceId: workspace.id,
            actorSlackId,
            action: outcome === 'created' ? 'installation.created' : 'installation.updated',
            objectType: 'installation',
            objectId: row.id,
            ...(before ? { before: toDto(before) } : {}),
            after: { ...toDto(row), ...(resumedSchedules > 0 ? { resumedSchedules } : {}) },
          });
          return { stored: toStored(row), outcome, resumedSchedules } as const;
        });
      try {
        return await attempt();
      } catch (error) {
        // Two installs of a new team at once: the loser finds the winner's rows and updates them.
        if (isUniqueViolation(error)) return attempt();
        throw error;
      }
    },

    async schedulesPausedByUninstall(slackTeamId): Promise<SchedulePausedByUninstall[]> {
      return prisma.schedule.findMany({
        where: { workspace: { slackTeamId }, status: 'PAUSED', pausedReason: PAUSED_BY_UNINSTALL },
        select: {
          id: true,
          recurrence: true,
          timeOfDay: true,
          timeZone: true,
          calendarId: true,
          skipNonWorkingDays: true,
        },
      });
    },

    async findByTeam(teamId) {
      const row = await prisma.installation.findFirst({
        where: { slackTeamId: teamId, isEnterpriseInstall: false },
        select: installationSelect,
      });
      return row ? toStored(row) : null;
    },

    async findOrgInstall(enterpriseId) {
      const row = await prisma.installation.findFirst({
        where: { enterpriseId, isEnterpriseInstall: true },
        select: installationSelect,
      });
      return row ? toStored(row) : null;
    },

    async findByWorkspace(workspaceId) {
      const row = await prisma.installation.findUnique({
        where: { workspaceId },
        select: installationSelect,
      });
      return row ? toStored(row) : null;
    },

    async listActive() {
      const rows = await prisma.installation.findMany({
        where: { revokedAt: null, installationEncrypted: { not: null } },
        select: installationSelect,
        orderBy: { createdAt: 'asc' },
      });
      return rows.map(toStored);
    },

    async replaceEncrypted(installationId, installationEncrypted) {
      await prisma.installation.update({
        where: { id: installationId },
        data: { installationEncrypted },
        select: { id: true },
      });
    },

    revoke({ installationId, reason, actorSlackId, now }) {
      return prisma.$transaction(async (tx) => {
        const before = await tx.installation.findUnique({
          where: { id: installationId },
          select: installationSelect,
        });
        if (!before || before.revokedAt) return null;
        // The tokens are dead; nothing worth keeping encrypted remains.
        const row = await tx.installation.update({
          where: { id: installationId },
          data: { revokedAt: now, revokedReason: reason, installationEncrypted: null },
          select: installationSelect,
        });
        await tx.workspace.update({
          where: { id: before.workspaceId },
          data: { uninstalledAt: now },
          select: { id: true },
        });
        const paused = await tx.schedule.updateMany({
          where: { workspaceId: before.workspaceId, status: 'ACTIVE' },
          data: { status: 'PAUSED', pausedReason: PAUSED_BY_UNINSTALL },
        });
        const cancelled = await tx.delivery.updateMany({
          where: { workspaceId: before.workspaceId, status: { in: ['QUEUED', 'HELD'] } },
          data: { status: 'CANCELLED', leaseUntil: null, lastError: `not_installed: ${reason}` },
        });
        await writeAuditEntry(tx, {
          workspaceId: before.workspaceId,
          actorSlackId,
          action: 'installation.revoked',
          objectType: 'installation',
          objectId: before.id,
          before: toDto(before),
          after: { ...toDto(row), pausedSchedules: paused.count, cancelledDeliveries: cancelled.count },
        });
        return {
          installation: toDto(row),
          workspace: toWorkspaceDto(row.workspace),
          pausedSchedules: paused.count,
          cancelledDeliveries: cancelled.count,
        };
      });
    },
  };
  return repo;
}
