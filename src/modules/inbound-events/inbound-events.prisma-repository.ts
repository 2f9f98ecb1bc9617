import type { PrismaClient } from '../../generated/prisma/client.js';
import type { ClaimOutcome, InboundDelivery } from './inbound-event.types.js';
import type { InboundEventsRepository } from './inbound-events.repository.js';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

export function createInboundEventsPrismaRepository(prisma: PrismaClient): InboundEventsRepository {
  function matching(delivery: InboundDelivery) {
    return {
      teamId: delivery.teamId,
      OR: [
        { eventId: delivery.eventId },
        ...(delivery.businessKey ? [{ businessKey: delivery.businessKey }] : []),
      ],
    };
  }

  return {
    async claim(delivery, now, leaseUntil) {
      const existing = await prisma.processedEvent.findFirst({
        where: matching(delivery),
        select: { id: true, status: true, leaseUntil: true },
      });
      if (existing?.status === 'DONE') return 'done';
      if (existing) {
        // Take over only an expired lease, and only if nobody else took it first.
        const taken = await prisma.processedEvent.updateMany({
          where: { id: existing.id, status: 'PROCESSING', leaseUntil: { lte: now } },
          data: { leaseUntil },
        });
        return taken.count === 1 ? 'claimed' : 'busy';
      }
      try {
        await prisma.processedEvent.create({
          data: {
            teamId: delivery.teamId,
            eventId: delivery.eventId,
            businessKey: delivery.businessKey ?? null,
            eventType: delivery.eventType,
            leaseUntil,
          },
          select: { id: true },
        });
        return 'claimed' satisfies ClaimOutcome;
      } catch (error) {
        if (isUniqueViolation(error)) return 'busy';
        throw error;
      }
    },

    async markDone(delivery, now) {
      await prisma.processedEvent.updateMany({
        where: matching(delivery),
        data: { status: 'DONE', completedAt: now },
      });
    },

    async release(delivery) {
      await prisma.processedEvent.deleteMany({
        where: { ...matching(delivery), status: 'PROCESSING' },
      });
    },

    async purgeBefore(before, limit) {
      // deleteMany has no LIMIT: the oldest rows by the createdAt index, then those ids.
      return prisma.$executeRaw`
        DELETE FROM "ProcessedEvent" WHERE "id" IN (
          SELECT "id" FROM "ProcessedEvent" WHERE "createdAt" < ${before}
          ORDER BY "createdAt" ASC LIMIT ${limit})`;
    },
  };
}
