import { hostname } from 'node:os';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { JobHandler } from '../modules/scheduling/job-handler.types.js';
import { createJobRunsPrismaRepository } from '../modules/scheduling/job-runs.prisma-repository.js';
import { createScheduler, type Scheduler } from '../modules/scheduling/scheduler.service.js';
import type { ScheduleCalendars } from '../modules/scheduling/working-calendar.types.js';
import type { Clock } from '../modules/shared/clock.types.js';
import { startSchedulerTicker } from './scheduler-ticker.js';

export interface RunningScheduling {
  scheduler: Scheduler;
  instanceId: string;
  stop(): Promise<void>;
}

/**
 * The scheduler of record for this process: the features' jobs (`handlers`, from the job
 * registry in src/features), ticked every minute. Every replica may run it; the database
 * hands each slot to one of them.
 */
export function startScheduling(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** The job registry's handlers for this instance (src/features: `jobs`). */
  handlers: (runtime: { instanceId: string }) => readonly JobHandler[];
  calendars?: ScheduleCalendars;
  instanceId?: string;
  leaseMs?: number;
}): RunningScheduling {
  const instanceId = deps.instanceId ?? `${hostname()}:${process.pid}`;
  const logger = deps.logger.child({ component: 'scheduler', instanceId });
  const scheduler = createScheduler({
    repo: createJobRunsPrismaRepository(deps.db.prisma),
    handlers: deps.handlers({ instanceId }),
    clock: deps.clock,
    logger,
    instanceId,
    leaseMs: deps.leaseMs,
    calendars: deps.calendars,
    // The embedded database has one connection and runs one statement at a time (in its own
    // thread): jobs run at once would only interleave their statements and queue a
    // request's statements behind all of them (bench/README.md, issue 16). One after the
    // other, with a turn of the event loop between them.
    ...(deps.db.kind === 'embedded' ? { concurrency: 1 } : {}),
  });
  const ticker = startSchedulerTicker({ scheduler, logger });
  return { scheduler, instanceId, stop: () => ticker.stop() };
}
