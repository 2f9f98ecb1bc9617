// One scheduler instance for bench/scheduler.bench.ts: `tsx bench/scheduler-worker.ts <url> <instanceId>`.
// Its handler's effect is a row in "BenchEffect" (unique run key), inserted idempotently, so a
// slot re-run after a takeover cannot double it; re-runs are counted in "BenchExecution".
import { pino } from 'pino';
import { openDatabase } from '../src/db/open-database.js';
import { startSchedulerTicker } from '../src/jobs/scheduler-ticker.js';
import { createJobRunsPrismaRepository } from '../src/modules/scheduling/job-runs.prisma-repository.js';
import { createScheduler } from '../src/modules/scheduling/scheduler.service.js';
import { systemClock } from '../src/modules/shared/clock.types.js';

export const BENCH_KIND = 'bench.effect';
export const LEASE_MS = 2_000;
const [url, instanceId] = process.argv.slice(2);
if (!url || !instanceId) throw new Error('usage: scheduler-worker.ts <database url> <instance id>');

const logger = pino({ level: 'warn' });
const db = await openDatabase({
  url,
  embeddedDataDir: 'unused',
  poolMax: 6,
  acquireTimeoutMs: 10_000,
  logger,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const scheduler = createScheduler({
  repo: createJobRunsPrismaRepository(db.prisma),
  handlers: [
    {
      kind: BENCH_KIND,
      catchUp: { policy: 'run-once-late' },
      async run({ runKey, scheduleId }) {
        await db.prisma.$executeRawUnsafe(
          'INSERT INTO "BenchExecution" ("runKey", instance) VALUES ($1, $2)',
          runKey,
          instanceId,
        );
        await sleep(15); // work before the effect…
        await db.prisma.$executeRawUnsafe(
          'INSERT INTO "BenchEffect" ("runKey", "scheduleId", instance) VALUES ($1, $2, $3) ON CONFLICT ("runKey") DO NOTHING',
          runKey,
          scheduleId,
          instanceId,
        );
        await sleep(15); // …and after it, so a kill lands on both sides of it
        return undefined;
      },
    },
  ],
  clock: systemClock,
  logger,
  instanceId,
  leaseMs: LEASE_MS,
  batchSize: 25,
  concurrency: 8,
});
// Every second rather than every minute, so the drain time measures the scheduler, not the timer.
const ticker = startSchedulerTicker({ scheduler, logger, cronExpression: '* * * * * *' });
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await ticker.stop();
  await db.close();
  process.exit(0);
});
