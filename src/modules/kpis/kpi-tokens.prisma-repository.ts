import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import type { KpiTokensRepository } from './kpi-tokens.repository.js';

const SELECT = {
  id: true,
  workspaceId: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

const LAST_USED_PRECISION_MS = 60_000;

export function createKpiTokensPrismaRepository(prisma: PrismaClient): KpiTokensRepository {
  return {
    async create({ actorSlackId, ...input }) {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.kpiApiToken.findUnique({
          where: { workspaceId_name: { workspaceId: input.workspaceId, name: input.name } },
          select: { id: true },
        });
        if (existing) return null;
        const row = await tx.kpiApiToken.create({ data: input, select: SELECT });
        await writeAuditEntry(tx, {
          workspaceId: input.workspaceId,
          actorSlackId,
          action: 'kpi_token.created',
          objectType: 'kpi_api_token',
          objectId: row.id,
          after: { name: row.name, prefix: row.prefix },
        });
        return row;
      });
    },

    async list(workspaceId) {
      return prisma.kpiApiToken.findMany({
        where: { workspaceId },
        select: SELECT,
        orderBy: { createdAt: 'asc' },
      });
    },

    async revoke(workspaceId, name, at, actorSlackId) {
      return prisma.$transaction(async (tx) => {
        const row = await tx.kpiApiToken.findFirst({
          where: { workspaceId, name, revokedAt: null },
          select: SELECT,
        });
        if (!row) return null;
        const revoked = await tx.kpiApiToken.update({
          where: { id: row.id },
          data: { revokedAt: at },
          select: SELECT,
        });
        await writeAuditEntry(tx, {
          workspaceId,
          actorSlackId,
          action: 'kpi_token.revoked',
          objectType: 'kpi_api_token',
          objectId: row.id,
          before: { name: row.name },
          after: { name: row.name, revokedAt: at.toISOString() },
        });
        return revoked;
      });
    },

    async useActive(tokenHash, at) {
      const row = await prisma.kpiApiToken.findUnique({ where: { tokenHash }, select: SELECT });
      if (!row || row.revokedAt) return null;
      // "Last used" to the minute: a busy token is not rewritten (and its row not locked
      // against its own concurrent requests) on every request, nor asked to be.
      const staleBefore = at.getTime() - LAST_USED_PRECISION_MS;
      if (row.lastUsedAt && row.lastUsedAt.getTime() >= staleBefore) return row;
      await prisma.kpiApiToken.updateMany({
        where: {
          id: row.id,
          OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(staleBefore) } }],
        },
        data: { lastUsedAt: at },
      });
      return row;
    },
  };
}
