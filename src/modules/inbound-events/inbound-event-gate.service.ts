import type { Clock } from '../shared/clock.types.js';
import type { ClaimOutcome, InboundDelivery } from './inbound-event.types.js';
import type { InboundEventsRepository } from './inbound-events.repository.js';

/** Slack retries an event within minutes; a week later its id is long past any retry. */
export const PROCESSED_EVENT_RETENTION_DAYS = 7;
/** One statement deletes at most this many rows (short locks, a small transaction)… */
export const PROCESSED_EVENT_PURGE_BATCH = 1_000;
/** …and one purge at most this many statements, so a run stays bounded however big the backlog. */
export const PROCESSED_EVENT_PURGE_MAX_BATCHES = 20;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface InboundEventGate {
  /**
   * Runs `handle` once per delivery across retries, duplicates and replicas. A retry is
   * never dropped for being a retry: if the first attempt failed, the claim is released
   * and the retry does the work.
   */
  runOnce(delivery: InboundDelivery, handle: () => Promise<void>): Promise<ClaimOutcome>;
  /**
   * Forgets deliveries first seen more than a week ago, in bounded batches (a backlog larger
   * than one run's bound goes over the next runs); how many went. The rows are keyed by
   * Slack team, not by workspace, so this forgets every team's old rows, those of a team no
   * longer installed too.
   */
  purge(): Promise<number>;
}

export function createInboundEventGate(deps: {
  repo: InboundEventsRepository;
  clock: Clock;
  /** Longer than any handler runs; after it, a stuck claim can be taken over. */
  leaseMs?: number;
  /** Rows per delete statement and statements per purge (tests make them small). */
  purgeBatch?: number;
  purgeMaxBatches?: number;
}): InboundEventGate {
  const leaseMs = deps.leaseMs ?? 60_000;
  const purgeBatch = deps.purgeBatch ?? PROCESSED_EVENT_PURGE_BATCH;
  const purgeMaxBatches = deps.purgeMaxBatches ?? PROCESSED_EVENT_PURGE_MAX_BATCHES;
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

    async purge() {
      const before = new Date(deps.clock.now().getTime() - PROCESSED_EVENT_RETENTION_DAYS * DAY_MS);
      let purged = 0;
      for (let batch = 0; batch < purgeMaxBatches; batch++) {
        const deleted = await deps.repo.purgeBefore(before, purgeBatch);
        purged += deleted;
        if (deleted < purgeBatch) break;
      }
      return purged;
    },
  };
}
