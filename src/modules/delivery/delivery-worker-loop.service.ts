import type { Logger } from '../../logger.js';
import type { Clock } from '../shared/clock.types.js';
import type { DeliveryWake } from './delivery-wake.js';
import type { DeliveryWorker } from './delivery-worker.service.js';

export interface RunningDeliveryWorker {
  /** Finishes the pass in progress (rows it claimed are sent or released), then stops. */
  stop(): Promise<void>;
}

export interface DeliveryLoopTiming {
  /**
   * The longest an idle loop sleeps: how late it notices rows another process (a replica)
   * queued without ringing this one's wake. Its own rows and due times wake it sooner.
   */
  idleMs?: number;
  /** The pause after a failed pass, or when a row due now was still there after a pass (another worker holds it). */
  retryMs?: number;
}

const DEFAULTS = { idleMs: 30_000, retryMs: 1_000 } as const;
/** Wake a little after the due instant: a timer may fire a millisecond early, and a pass then finds nothing. */
const DUE_MARGIN_MS = 5;

/** How long an idle loop sleeps: until the next due row, within [1 ms, idleMs]. */
export function idleSleepMs(next: Date | null, now: Date, timing: Required<DeliveryLoopTiming>): number {
  if (!next) return timing.idleMs;
  const untilDue = next.getTime() - now.getTime();
  if (untilDue <= 0) return Math.min(timing.retryMs, timing.idleMs);
  return Math.min(timing.idleMs, untilDue + DUE_MARGIN_MS);
}

/**
 * Runs `drain()` again and again: at once while there was work; when idle, sleeps until
 * the earliest due row (a retry's backoff, a held notification's release, a lease running
 * out), at most `idleMs`, and wakes at once when this process queues a row (`wake`). One
 * loop per process is enough; several replicas share rows safely.
 */
export function startDeliveryWorker(input: {
  worker: DeliveryWorker;
  wake: DeliveryWake;
  clock: Clock;
  logger: Logger;
  timing?: DeliveryLoopTiming;
}): RunningDeliveryWorker {
  const timing = { ...DEFAULTS, ...input.timing };
  const { worker, wake, clock, logger } = input;
  let stopping = false;

  const loop = (async () => {
    while (!stopping) {
      // Rings before this line are for rows committed before the pass starts: it sees them.
      wake.reset();
      let sleepMs: number = timing.retryMs;
      try {
        const report = await worker.drain();
        if (report.sent + report.retried + report.failed + report.released > 0) continue;
        sleepMs = idleSleepMs(await worker.nextDueAt(), clock.now(), timing);
      } catch (error) {
        logger.error({ err: error }, 'delivery pass failed; trying again shortly');
      }
      if (!stopping) await wake.wait(sleepMs);
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake.ring();
      await loop;
    },
  };
}
