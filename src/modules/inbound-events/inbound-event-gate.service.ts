import type { Clock } from '../shared/clock.types.js';
import type { ClaimOutcome, InboundDelivery } from './inbound-event.types.js';
import type { InboundEventsRepository } from './inbound-events.repository.js';

export interface InboundEventGate {
  /**
   * Runs `handle` once per delivery across retries, duplicates and replicas. A retry is
   * never dropped for being a retry: if the first attempt failed, the claim is released
   * and the retry does the work.
   */
  runOnce(delivery: InboundDelivery, handle: () => Promise<void>): Promise<ClaimOutcome>;
}

export function createInboundEventGate(deps: {
  repo: InboundEventsRepository;
  clock: Clock;
  /** Longer than any handler runs; after it, a stuck claim can be taken over. */
  leaseMs?: number;
}): InboundEventGate {
  const leaseMs = deps.leaseMs ?? 60_000;
  return {
    async runOnce(delivery, handle) {
      const now = deps.clock.now();
      const outcome = await deps.repo.claim(delivery, now, new Date(now.getTime() + leaseMs));
      if (outcome !== 'claimed') return outcome;
      try {
        await handle();
      } catch (error) {
        await deps.repo.release(delivery);
        throw error;
      }
      await deps.repo.markDone(delivery, deps.clock.now());
      return 'claimed';
    },
  };
}
