import type { CatchUpPolicy } from './job-handler.types.js';

/** Enumerating missed slots stops here (a minutely cron after a week's outage); the rest count as one. */
const MAX_MISSED_SLOTS = 5_000;

export interface DueSlotPlan {
  /** The slot to run now, if any. */
  run: { slot: Date; late: boolean; result: { missedSlots: number } } | null;
  /** Slots too old to run, recorded as one SKIPPED run at the latest of them. */
  skipped: { slot: Date; result: { skippedSlots: number; oldest: string } } | null;
  /** The first slot after now (null: the rule never fires again). */
  nextRunAt: Date | null;
}

/**
 * Decides what a due schedule does now, given its first due slot. Slots that are due
 * together are never all run: they collapse into the latest one (no burst of stale
 * digests after an outage, and never two runs of one schedule at once).
 *
 * A run is late when its slot is more than `lateAfterMs` old, or when it stands for more
 * than one missed slot.
 */
export function planDueSlots(input: {
  firstDue: Date;
  now: Date;
  nextAfter: (instant: Date) => Date | null;
  policy: CatchUpPolicy;
  lateAfterMs: number;
}): DueSlotPlan {
  const { firstDue, now, nextAfter, policy } = input;
  let latest = firstDue;
  let count = 1;
  for (
    let next = nextAfter(latest);
    next && next <= now && count < MAX_MISSED_SLOTS;
    next = nextAfter(next)
  ) {
    latest = next;
    count++;
  }
  const nextRunAt = nextAfter(now);
  const age = now.getTime() - latest.getTime();
  const late = count > 1 || age > input.lateAfterMs;
  const run = { slot: latest, late, result: { missedSlots: count - 1 } };
  if (policy.policy === 'run-once-late') return { run, skipped: null, nextRunAt };
  if (age <= policy.windowMs) return { run, skipped: null, nextRunAt };
  return {
    run: null,
    skipped: { slot: latest, result: { skippedSlots: count, oldest: firstDue.toISOString() } },
    nextRunAt,
  };
}
