import type { PrismaClient } from '../../generated/prisma/client.js';
import type { LlmRunsRepository } from './llm-runs.repository.js';
import type { LlmRunRecord, WrittenBy } from './llm-runs.types.js';

export function createLlmRunsPrismaRepository(prisma: PrismaClient): LlmRunsRepository {
  return {
    async record(run) {
      await prisma.llmRun.create({ data: run });
    },
    async tokensSince(workspaceId, since) {
      const sum = await prisma.llmRun.aggregate({
        where: { workspaceId, at: { gte: since } },
        _sum: { tokensIn: true, tokensOut: true },
      });
      return (sum._sum.tokensIn ?? 0) + (sum._sum.tokensOut ?? 0);
    },
    async usage(workspaceId, since, failures) {
      const [sum, count, recent] = await Promise.all([
        prisma.llmRun.aggregate({
          where: { workspaceId, at: { gte: since } },
          _sum: { tokensIn: true, tokensOut: true },
        }),
        prisma.llmRun.count({ where: { workspaceId, at: { gte: since }, NOT: { outcome: 'over_budget' } } }),
        prisma.llmRun.findMany({
          where: { workspaceId, NOT: { outcome: 'ok' } },
          orderBy: { at: 'desc' },
          take: failures,
        }),
      ]);
      return {
        tokensToday: (sum._sum.tokensIn ?? 0) + (sum._sum.tokensOut ?? 0),
        callsToday: count,
        recentFailures: recent.map(
          ({ id: _id, ...run }): LlmRunRecord => ({ ...run, writtenBy: run.writtenBy as WrittenBy }),
        ),
      };
    },
  };
}
