import type { PrismaClient } from '../../generated/prisma/client.js';
import type { CheckInDigestRepository } from './okr-check-in-digest.repository.js';

export function createCheckInDigestPrismaRepository(prisma: PrismaClient): CheckInDigestRepository {
  return {
    async roundsClosingBetween(workspaceId, departmentIds, from, to) {
      if (departmentIds.length === 0) return [];
      const windows = await prisma.okrCheckInWindow.findMany({
        where: { workspaceId, departmentId: { in: [...departmentIds] }, closesAt: { gte: from, lt: to } },
        select: {
          departmentId: true,
          cycleOn: true,
          prompts: { select: { personId: true } },
          checkIns: { select: { personId: true } },
        },
        orderBy: { cycleOn: 'asc' },
      });
      const personIds = [...new Set(windows.flatMap((w) => w.prompts.map((p) => p.personId)))];
      const people = new Map(
        (
          await prisma.person.findMany({
            where: { id: { in: personIds } },
            select: { id: true, displayName: true },
          })
        ).map((p) => [p.id, p.displayName]),
      );
      return windows.map((w) => ({
        departmentId: w.departmentId,
        cycleOn: w.cycleOn,
        asked: w.prompts.map((p) => ({ personId: p.personId, displayName: people.get(p.personId) ?? '' })),
        answeredPersonIds: [...new Set(w.checkIns.map((c) => c.personId))],
      }));
    },

    async answersSince(workspaceId, departmentIds, since) {
      if (departmentIds.length === 0) return [];
      const rows = await prisma.okrCheckIn.findMany({
        where: {
          answeredAt: { gte: since },
          window: { workspaceId, departmentId: { in: [...departmentIds] } },
        },
        select: {
          keyResultId: true,
          confidence: true,
          confidenceScore: true,
          comment: true,
          blockers: true,
          answeredAt: true,
          window: { select: { departmentId: true, cycleOn: true } },
          keyResult: {
            select: {
              number: true,
              title: true,
              owner: { select: { id: true, slackUserId: true, displayName: true } },
            },
          },
        },
        orderBy: { answeredAt: 'asc' },
      });
      const earlier = await prisma.okrCheckIn.findMany({
        where: { keyResultId: { in: [...new Set(rows.map((r) => r.keyResultId))] } },
        select: {
          keyResultId: true,
          confidence: true,
          confidenceScore: true,
          window: { select: { cycleOn: true } },
        },
      });
      return rows.map((row) => {
        const before = earlier
          .filter((e) => e.keyResultId === row.keyResultId && e.window.cycleOn < row.window.cycleOn)
          .sort((a, b) => b.window.cycleOn.localeCompare(a.window.cycleOn))[0];
        const { owner } = row.keyResult;
        return {
          keyResultId: row.keyResultId,
          keyResultNumber: row.keyResult.number,
          keyResultTitle: row.keyResult.title,
          departmentId: row.window.departmentId,
          cycleOn: row.window.cycleOn,
          owner: { personId: owner.id, slackUserId: owner.slackUserId, displayName: owner.displayName },
          previousConfidence: before?.confidence ?? null,
          confidence: row.confidence,
          previousConfidenceScore: before?.confidenceScore ?? null,
          confidenceScore: row.confidenceScore,
          comment: row.comment,
          blockers: row.blockers,
          answeredAt: row.answeredAt,
        };
      });
    },
  };
}
