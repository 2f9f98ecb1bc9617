import type { Database } from '../../../src/db/database.js';
import type { JobContext, JobHandler } from '../../../src/modules/scheduling/job-handler.types.js';
import { createJobRunsPrismaRepository } from '../../../src/modules/scheduling/job-runs.prisma-repository.js';
import { createScheduler } from '../../../src/modules/scheduling/scheduler.service.js';
import { createSchedulesPrismaRepository } from '../../../src/modules/scheduling/schedules.prisma-repository.js';
import { createSchedulesService } from '../../../src/modules/scheduling/schedules.service.js';
import type { Clock } from '../../../src/modules/shared/clock.types.js';
import { memoryLogger } from '../../harness/memory-logger.js';

let teams = 0;

export async function createWorkspace(db: Database): Promise<string> {
  const workspace = await db.prisma.workspace.create({
    data: {
      slackTeamId: `T${Date.now()}${teams++}`,
      name: 'Test',
      defaultLocale: 'en',
      defaultTimeZone: 'UTC',
    },
    select: { id: true },
  });
  return workspace.id;
}

/** A handler that records every context it ran with, and does whatever `behave` says. */
export function recordingHandler(
  kind: string,
  catchUp: JobHandler['catchUp'] = { policy: 'run-once-late' },
  behave: (context: JobContext) => Promise<unknown> | unknown = () => undefined,
) {
  const calls: JobContext[] = [];
  const handler: JobHandler = {
    kind,
    catchUp,
    async run(context) {
      calls.push(context);
      await behave(context);
      return undefined;
    },
  };
  return { handler, calls };
}

export function schedulerOn(
  db: Database,
  clock: Clock,
  handlers: JobHandler[],
  options: {
    instanceId?: string;
    leaseMs?: number;
    batchSize?: number;
    maxAttempts?: number;
    concurrency?: number;
  } = {},
) {
  const { logger, lines } = memoryLogger();
  const scheduler = createScheduler({
    repo: createJobRunsPrismaRepository(db.prisma),
    handlers,
    clock,
    logger,
    instanceId: options.instanceId ?? 'instance-a',
    leaseMs: options.leaseMs ?? 60_000,
    batchSize: options.batchSize,
    maxAttempts: options.maxAttempts,
    concurrency: options.concurrency,
  });
  return { scheduler, logs: lines };
}

export function schedulesOn(db: Database, clock: Clock) {
  return createSchedulesService({ repo: createSchedulesPrismaRepository(db.prisma), clock });
}

/** A promise and the function that settles it, for handlers that wait until the test lets them go. */
export function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

export const HOURLY = { type: 'cron', expression: '0 * * * *' } as const;
