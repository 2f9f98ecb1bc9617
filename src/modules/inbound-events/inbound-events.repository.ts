import type { ClaimOutcome, InboundDelivery } from './inbound-event.types.js';

export interface InboundEventsRepository {
  /**
   * Claims a delivery for processing until `leaseUntil`, unless it (or one with the same
   * business key) is done or held under a live lease. Safe under concurrent callers.
   */
  claim(delivery: InboundDelivery, now: Date, leaseUntil: Date): Promise<ClaimOutcome>;
  markDone(delivery: InboundDelivery, now: Date): Promise<void>;
  /** Gives a failed delivery back, so Slack's retry of it is processed rather than dropped. */
  release(delivery: InboundDelivery): Promise<void>;
  /**
   * Deletes at most `limit` deliveries (of any team) first seen before `before`, oldest first,
   * in one statement; how many went.
   */
  purgeBefore(before: Date, limit: number): Promise<number>;
}
