import type { Logger } from '../../logger.js';
import type { DeliveryWorker } from './delivery-worker.service.js';

export interface RunningDeliveryWorker {
  /** Finishes the pass in progress (rows it claimed are sent or released), then stops. */
  stop(): Promise<void>;
}

/**
 * Runs `drain()` again and again: at once while there was work, otherwise every
 * `idleMs`. One loop per process is enough; several replicas share rows safely.
 */
export function startDeliveryWorker(input: {
  worker: DeliveryWorker;
  logger: Logger;
  idleMs?: number;
}): RunningDeliveryWorker {
  const idleMs = input.idleMs ?? 1_000;
  let stopping = false;
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopping) {
      let busy = false;
      try {
        const report = await input.worker.drain();
        busy = report.sent + report.retried + report.failed + report.released > 0;
      } catch (error) {
        input.logger.error({ err: error }, 'delivery pass failed; trying again shortly');
      }
      if (!stopping && !busy) await pause(idleMs);
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
