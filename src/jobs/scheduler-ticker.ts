import { schedule } from 'node-cron';
import type { Logger } from '../logger.js';
import type { Scheduler } from '../modules/scheduling/scheduler.service.js';

/** Once a minute, on the minute: the finest a schedule can be. */
export const EVERY_MINUTE = '* * * * *';

export interface SchedulerTicker {
  /** Stops ticking and waits for a tick in progress (its runs finish and are recorded). */
  stop(): Promise<void>;
}

/**
 * node-cron as a pure timer. It knows nothing of schedules: each tick asks the database
 * what is due (scheduler.tick), so restarts, replicas and DST are the database's business.
 * `noOverlap` keeps one tick at a time in this process; other processes are kept apart by
 * row locks and the unique (schedule, slot) key.
 */
export function startSchedulerTicker(options: {
  scheduler: Scheduler;
  logger: Logger;
  cronExpression?: string;
  /** Tick once at start too, so slots missed while down are caught up without waiting a minute. */
  tickOnStart?: boolean;
}): SchedulerTicker {
  const { scheduler, logger } = options;
  let inFlight: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      const summary = await scheduler.tick();
      const didWork = Object.values(summary).some((count) => count > 0);
      if (didWork) logger.info({ ...summary }, 'scheduler tick');
    } catch (error) {
      // A failed tick (database down) is retried by the next one; nothing is lost, slots stay due.
      logger.error({ err: error }, 'scheduler tick failed');
    }
  };
  let busy = false;
  // node-cron's noOverlap does not cover the tick at start, which runs outside node-cron.
  const run = () => {
    if (busy) return inFlight;
    busy = true;
    inFlight = tick().finally(() => {
      busy = false;
    });
    return inFlight;
  };

  const task = schedule(options.cronExpression ?? EVERY_MINUTE, run, {
    name: 'liaison.scheduler.tick',
    noOverlap: true,
    // Missed ticks need no replay: the next tick finds everything still due in the database.
    suppressMissedWarning: true,
    // node-cron prints to the console by default; a blocked overlapping tick is expected, not news.
    logger: {
      info: (message) => logger.debug({ source: 'node-cron' }, message),
      warn: (message) => logger.debug({ source: 'node-cron' }, message),
      error: (message) => logger.error({ source: 'node-cron', err: message }, 'node-cron error'),
      debug: () => undefined,
    },
  });
  if (options.tickOnStart ?? true) void run();

  return {
    async stop() {
      await task.stop();
      await task.destroy();
      await inFlight;
    },
  };
}
