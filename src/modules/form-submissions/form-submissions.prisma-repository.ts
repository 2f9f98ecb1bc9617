import type { PrismaClient } from '../../generated/prisma/client.js';
import type { FormSubmission, SubmissionClaim } from './form-submission.types.js';
import type { FormSubmissionsRepository } from './form-submissions.repository.js';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

const keyOf = (submission: FormSubmission) => ({
  workspaceId: submission.workspaceId,
  key: submission.key,
});

export function createFormSubmissionsPrismaRepository(prisma: PrismaClient): FormSubmissionsRepository {
  return {
    async claim(submission, now, leaseUntil) {
      const existing = await prisma.formSubmission.findUnique({
        where: { workspaceId_key: keyOf(submission) },
        select: { id: true, status: true },
      });
      if (existing?.status === 'DONE') return 'done';
      if (existing) {
        // Take over only an abandoned claim, and only if nobody else took it first.
        const taken = await prisma.formSubmission.updateMany({
          where: { id: existing.id, status: 'PENDING', leaseUntil: { lte: now } },
          data: { leaseUntil },
        });
        return taken.count === 1 ? 'claimed' : 'busy';
      }
      try {
        await prisma.formSubmission.create({
          data: {
            ...keyOf(submission),
            callbackId: submission.callbackId.slice(0, 200),
            leaseUntil,
            createdAt: now,
          },
          select: { id: true },
        });
        return 'claimed' satisfies SubmissionClaim;
      } catch (error) {
        if (isUniqueViolation(error)) return 'busy';
        throw error;
      }
    },

    async markDone(submission, now) {
      await prisma.formSubmission.updateMany({
        where: keyOf(submission),
        data: { status: 'DONE', completedAt: now },
      });
    },

    async release(submission) {
      await prisma.formSubmission.deleteMany({ where: { ...keyOf(submission), status: 'PENDING' } });
    },

    async purgeBefore(workspaceId, before) {
      const { count } = await prisma.formSubmission.deleteMany({
        where: { workspaceId, createdAt: { lt: before } },
      });
      return count;
    },
  };
}
