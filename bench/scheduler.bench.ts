// The scheduler of record on PostgreSQL: (a) three instances in child processes drain 1,000
// due slots while one is SIGKILLed mid-run — every slot's effect exactly once; (b) with
// 100,000 schedules stored, how long each tick takes to find and claim what is due.
// `npm run bench:scheduler` (PostgreSQL at BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import type { Database } from '../src/db/database.js';
import { PROJECT_ROOT } from '../src/db/paths.js';
import { createJobRunsPrismaRepository } from '../src/modules/scheduling/job-runs.prisma-repository.js';
import type { JobRunsRepository } from '../src/modules/scheduling/job-runs.repository.js';
import { createScheduler } from '../src/modules/scheduling/scheduler.service.js';
import { fixedClock } from '../tests/fakes/fixed-clock.js';
import { freshPostgres } from './lib/fresh-postgres.js';
import { ms, summarize } from './lib/stats.js';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SLOTS = 1_000;
const INSTANCES = 3;
const LOAD_SCHEDULES = 100_000;
const LOAD_TICKS = 200;
// 'error': dropping the database with FORCE ends idle pooled connections, which pg reports as warnings.
const logger = pino({ level: 'error' });
/** The scheduler's due query without the lock (see job-runs.prisma-repository.ts). */
const DUE_QUERY = `
  SELECT s.id FROM "Schedule" s
  WHERE s.status = 'ACTIVE' AND s."nextRunAt" <= $1::timestamp(3) AND s.kind IN ('bench.load')
    AND NOT EXISTS (SELECT 1 FROM "JobRun" r WHERE r."scheduleId" = s.id AND r.status = 'RUNNING')
  ORDER BY s."nextRunAt" LIMIT 50`;
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

async function freshDatabase(): Promise<{ url: string; db: Database; drop: () => Promise<void> }> {
  const fresh = await freshPostgres(SERVER_URL, { logger });
  return { url: fresh.url, db: fresh.dbs[0] as Database, drop: fresh.drop };
}

async function workspace(db: Database): Promise<string> {
  const row = await db.prisma.workspace.create({
    data: {
      slackTeamId: `TBENCH${randomBytes(3).toString('hex')}`,
      name: 'Bench',
      defaultLocale: 'en',
      defaultTimeZone: 'UTC',
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * `count` daily schedules of `kind` (i = 1..count) at a time of day spread over the day
 * (`timeSql`), their next run as `nextRunSql` says.
 */
async function insertSchedules(
  db: Database,
  workspaceId: string,
  kind: string,
  count: number,
  nextRunSql: string,
  timeSql = `'09:00'`,
) {
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO "Schedule" (id, "workspaceId", kind, name, recurrence, "timeOfDay", "timeZone", "nextRunAt", "updatedAt")
     SELECT gen_random_uuid()::text, $1, $2, $2 || ' ' || i, '{"type":"weekly","weekdays":[1,2,3,4,5,6,7]}'::jsonb,
            ${timeSql}, 'UTC', ${nextRunSql}, now()
     FROM generate_series(1, $3::int) AS i`,
    workspaceId,
    kind,
    count,
  );
}

function startWorker(url: string, instanceId: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/scheduler-worker.ts', url, instanceId], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (line === 'ready') resolve(child);
    });
    child.once('exit', (code) =>
      reject(new Error(`worker ${instanceId} exited with ${code} before it was ready`)),
    );
  });
}

async function count(db: Database, sql: string): Promise<number> {
  const rows = await db.prisma.$queryRawUnsafe<{ n: bigint | number }[]>(sql);
  return Number(rows[0]?.n ?? 0);
}

async function exactlyOnceUnderKill(): Promise<void> {
  const { url, db, drop } = await freshDatabase();
  try {
    await db.prisma.$executeRawUnsafe(
      'CREATE TABLE "BenchEffect" ("runKey" text PRIMARY KEY, "scheduleId" text NOT NULL, instance text NOT NULL)',
    );
    await db.prisma.$executeRawUnsafe(
      'CREATE TABLE "BenchExecution" ("runKey" text NOT NULL, instance text NOT NULL)',
    );
    const workspaceId = await workspace(db);
    const workers = await Promise.all(
      Array.from({ length: INSTANCES }, (_, i) => startWorker(url, `worker-${i + 1}`)),
    );
    await insertSchedules(
      db,
      workspaceId,
      'bench.effect',
      SLOTS,
      `date_trunc('minute', now() AT TIME ZONE 'UTC')`,
    );
    const started = performance.now();

    // Kill worker-1 while it has runs in flight.
    const victim = workers[0];
    for (;;) {
      const inFlight = await count(
        db,
        `SELECT count(*) AS n FROM "JobRun" WHERE status = 'RUNNING' AND "leaseOwner" = 'worker-1'`,
      );
      if (
        inFlight >= 4 &&
        (await count(db, `SELECT count(*) AS n FROM "BenchEffect" WHERE instance = 'worker-1'`)) >= 50
      )
        break;
      await sleep(5);
    }
    victim?.kill('SIGKILL');
    const killedAt = performance.now() - started;
    const orphaned = await count(
      db,
      `SELECT count(*) AS n FROM "JobRun" WHERE status = 'RUNNING' AND "leaseOwner" = 'worker-1'`,
    );

    while ((await count(db, `SELECT count(*) AS n FROM "JobRun" WHERE status = 'SUCCEEDED'`)) < SLOTS) {
      if (performance.now() - started > 120_000) throw new Error('did not drain within 120 s');
      await sleep(20);
    }
    const drainMs = performance.now() - started;
    for (const worker of workers.slice(1)) worker.kill('SIGTERM');

    const effects = await count(db, 'SELECT count(*) AS n FROM "BenchEffect"');
    const missing = await count(
      db,
      'SELECT count(*) AS n FROM "Schedule" s WHERE NOT EXISTS (SELECT 1 FROM "BenchEffect" e WHERE e."scheduleId" = s.id)',
    );
    const doubled = await count(
      db,
      'SELECT count(*) AS n FROM (SELECT "scheduleId" FROM "BenchEffect" GROUP BY "scheduleId" HAVING count(*) > 1) d',
    );
    const runs = await count(db, 'SELECT count(*) AS n FROM "JobRun"');
    const takenOver = await count(db, 'SELECT count(*) AS n FROM "JobRun" WHERE attempts > 1');
    const executions = await count(db, 'SELECT count(*) AS n FROM "BenchExecution"');
    const perInstance = await db.prisma.$queryRawUnsafe<{ instance: string; n: bigint }[]>(
      'SELECT instance, count(*) AS n FROM "BenchEffect" GROUP BY instance ORDER BY instance',
    );
    console.log('\n(a) exactly once across 3 instances, one SIGKILLed mid-run (PostgreSQL)');
    console.log(`  slots due                 ${SLOTS}`);
    console.log(`  killed worker-1 at        ${ms(killedAt, 0)} ms, with ${orphaned} runs in flight`);
    console.log(`  drained (all SUCCEEDED)   ${ms(drainMs, 0)} ms   (lease ${2_000} ms, ticks every 1 s)`);
    console.log(`  JobRun rows               ${runs}   taken over after the kill: ${takenOver}`);
    console.log(`  effects                   ${effects}   missing: ${missing}   doubled: ${doubled}`);
    console.log(
      `  handler executions        ${executions}   (re-executions absorbed by the idempotent effect: ${executions - SLOTS})`,
    );
    console.log(`  effects per instance      ${perInstance.map((r) => `${r.instance}=${r.n}`).join('  ')}`);
    const ok = runs === SLOTS && effects === SLOTS && missing === 0 && doubled === 0;
    console.log(`  verdict                   ${ok ? 'PASS' : 'FAIL'}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await drop();
  }
}

/** Wraps a repository to time each claim (find due + lock + record + advance) in one transaction. */
function timedClaims(repo: JobRunsRepository, claims: number[]): JobRunsRepository {
  return {
    ...repo,
    async claimDue(input) {
      const start = performance.now();
      try {
        return await repo.claimDue(input);
      } finally {
        claims.push(performance.now() - start);
      }
    },
  };
}

async function dueEvaluationAtScale(): Promise<void> {
  const { db, drop } = await freshDatabase();
  try {
    const workspaceId = await workspace(db);
    const base = new Date('2026-06-01T00:00:00Z');
    // Daily schedules at every minute of the day in turn: ≈ 70 due per minute, every minute.
    await insertSchedules(
      db,
      workspaceId,
      'bench.load',
      LOAD_SCHEDULES,
      `'${base.toISOString()}'::timestamp + ((i % 1440) * interval '1 minute')`,
      `to_char(timestamp '2000-01-01' + (i % 1440) * interval '1 minute', 'HH24:MI')`,
    );
    await db.prisma.$executeRawUnsafe('ANALYZE "Schedule"');
    const clock = fixedClock(base);
    const claims: number[] = [];
    const ticks: number[] = [];
    const scheduler = createScheduler({
      repo: timedClaims(createJobRunsPrismaRepository(db.prisma), claims),
      handlers: [{ kind: 'bench.load', catchUp: { policy: 'run-once-late' }, run: async () => undefined }],
      clock,
      logger,
      instanceId: 'bench',
    });
    let started = 0;
    const findDue: number[] = [];
    for (let i = 0; i < LOAD_TICKS; i++) {
      clock.advance(60_000);
      // The due query alone (what every replica evaluates each tick), timed outside the claim.
      const f0 = performance.now();
      await db.prisma.$queryRawUnsafe(DUE_QUERY, clock.now().toISOString());
      findDue.push(performance.now() - f0);
      const t0 = performance.now();
      started += (await scheduler.tick()).started;
      ticks.push(performance.now() - t0);
    }
    // A tick with nothing due: the cost every replica pays every minute.
    const idle: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await createJobRunsPrismaRepository(db.prisma).claimDue({
        now: new Date('2026-05-01T00:00:00Z'),
        kinds: ['bench.load'],
        limit: 50,
        lease: { owner: 'bench', until: new Date() },
        decide: async () => ({ nextRunAt: null, runs: [] }),
      });
      idle.push(performance.now() - t0);
    }
    const due = summarize(findDue);
    const claim = summarize(claims);
    const tick = summarize(ticks);
    const empty = summarize(idle);
    console.log(
      `\n(b) ${LOAD_SCHEDULES.toLocaleString('en')} schedules stored, ${LOAD_TICKS} ticks (one simulated minute each; ${started} slots run)`,
    );
    console.log('  measure                                         p50      p95      max  (ms)');
    console.log(
      `  find due slots (the tick's evaluation)      ${[due.p50, due.p95, due.max].map((v) => ms(v).padStart(8)).join(' ')}`,
    );
    console.log(
      `  claim: find due + lock + record + advance   ${[claim.p50, claim.p95, claim.max].map((v) => ms(v).padStart(8)).join(' ')}`,
    );
    console.log(
      `  whole tick incl. running ≈70 no-op jobs     ${[tick.p50, tick.p95, tick.max].map((v) => ms(v).padStart(8)).join(' ')}`,
    );
    console.log(
      `  claim with nothing due                      ${[empty.p50, empty.p95, empty.max].map((v) => ms(v).padStart(8)).join(' ')}`,
    );
    const ok = due.p95 < 50 && claim.p95 < 50;
    console.log(`  verdict (find due and claim p95 < 50 ms)    ${ok ? 'PASS' : 'FAIL'}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await drop();
  }
}

// `BENCH_PARTS=b npm run bench:scheduler` runs part (b) alone (it is the one with a latency bound).
const parts = (process.env.BENCH_PARTS ?? 'a,b').split(',');
console.log(
  `scheduler bench ${new Date().toISOString()} | load average ${os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
);
if (parts.includes('a')) await exactlyOnceUnderKill();
if (parts.includes('b')) await dueEvaluationAtScale();
console.log(
  `load average after ${os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
);
