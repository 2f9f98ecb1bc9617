// Directory sync of N people (default 10,000) from users.list against the Slack stand-in
// enforcing Tier 2 (scaled up to keep the run short), into a real database. See bench/README.md.
// Run: `npm run bench:directory -- [--people 10000] [--scale 5] [--page-size 200]`.
// PostgreSQL instead of the embedded database: LIAISON_BENCH_DATABASE_URL=postgres://…/postgres
// (a fresh database is created there and dropped afterwards).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { pino } from 'pino';
import type { Database } from '../src/db/database.js';
import { applyPendingMigrations } from '../src/db/migrator.js';
import { openDatabase, openInMemoryDatabase } from '../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../src/db/paths.js';
import { systemClock } from '../src/modules/shared/clock.types.js';
import { createBulkClient } from '../src/slack/delivery/slack-clients.js';
import {
  createUsersListPagers,
  USERS_LIST_FLOOR,
  USERS_LIST_PAGE_SIZE,
} from '../src/slack/directory/users-list-pager.js';
import { createWorkspaceSlackClients } from '../src/slack/workspace-clients.js';
import { buildDirectoryDeps } from '../src/wiring/directory.wiring.js';
import { buildNotificationsDeps } from '../src/wiring/notifications.wiring.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: process.env.BENCH_PEOPLE ?? '10000' },
    scale: { type: 'string', default: process.env.BENCH_SCALE ?? '5' },
    'page-size': { type: 'string', default: process.env.BENCH_PAGE_SIZE ?? String(USERS_LIST_PAGE_SIZE) },
  },
});
const N = Number(values.people);
const SCALE = Number(values.scale);
const PAGE_SIZE = Number(values['page-size']);
const PER_MINUTE = USERS_LIST_FLOOR.perMinute * SCALE;
const RATIO_TARGET = 1.1;
const RSS_TARGET_MB = 200;
const MARKER = '@@bench ';
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const silent = pino({ level: process.env.BENCH_LOG ?? 'silent' });
const mb = (bytes: number) => bytes / 1024 / 1024;

/** The stand-in in its own process; resolves with its URL once it listens. */
function startStandIn(): Promise<{
  child: ChildProcess;
  url: string;
  botToken: string;
  report(): Promise<Record<string, unknown>>;
}> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/targets/directory-stand-in.ts',
      '--people',
      String(N),
      '--per-minute',
      String(PER_MINUTE),
      // Slack's buckets allow a small burst; our pacer sends none, so this only absorbs jitter.
      '--burst',
      '3',
    ],
    { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const waiting: ((message: Record<string, unknown>) => void)[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    if (!line.startsWith(MARKER)) return void process.stderr.write(`[stand-in] ${line}\n`);
    waiting.shift()?.(JSON.parse(line.slice(MARKER.length)) as Record<string, unknown>);
  });
  const next = (timeoutMs: number) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`stand-in silent for ${timeoutMs} ms`)), timeoutMs);
      waiting.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
  return next(120_000).then((ready) => ({
    child,
    url: String(ready.url),
    botToken: String(ready.botToken),
    report: () => {
      const answer = next(10_000);
      child.stdin?.write(`${JSON.stringify({ op: 'report' })}\n`);
      return answer;
    },
  }));
}

async function openBenchDatabase(): Promise<{ db: Database; label: string; drop(): Promise<void> }> {
  const serverUrl = process.env.LIAISON_BENCH_DATABASE_URL;
  if (!serverUrl)
    return { db: await openInMemoryDatabase(), label: 'embedded PGlite (in memory)', drop: async () => {} };
  const name = `liaison_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({
    url: url.toString(),
    embeddedDataDir: 'unused',
    poolMax: 4,
    acquireTimeoutMs: 10_000,
    logger: silent,
  });
  return {
    db,
    label: `PostgreSQL (${url.host})`,
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function main() {
  const standIn = await startStandIn();
  const { db, label, drop } = await openBenchDatabase();
  try {
    await applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger: silent });
    const workspace = await db.prisma.workspace.create({
      data: { slackTeamId: 'T0LIAISON', name: 'Bench', defaultLocale: 'en', defaultTimeZone: 'UTC' },
      select: { id: true },
    });
    const notifications = buildNotificationsDeps({ db, clock: systemClock });
    const { service } = buildDirectoryDeps({
      db,
      clock: systemClock,
      logger: silent,
      notifications,
      slackClients: createWorkspaceSlackClients(),
    });
    const pager = createUsersListPagers({
      rule: { perMinute: PER_MINUTE, burst: 1 },
      pageSize: PAGE_SIZE,
    }).pagerFor(workspace.id, createBulkClient({ token: standIn.botToken, apiUrl: standIn.url }));

    global.gc?.();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    let atPeak = baseline;
    const sample = () => {
      const now = process.memoryUsage();
      if (now.rss > peakRss) atPeak = now;
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    };
    const sampler = setInterval(sample, 20);
    const pageGaps: number[] = [];
    let lastPageAt = 0;
    const timedPager = {
      async page(cursor: string | null, signal?: AbortSignal) {
        const page = await pager.page(cursor, signal);
        const at = performance.now();
        if (lastPageAt > 0) pageGaps.push(at - lastPageAt);
        lastPageAt = at;
        sample();
        return page;
      },
    };

    const started = performance.now();
    const claim = await service.begin(workspace.id);
    const outcome = await service.run(claim.run, timedPager);
    const elapsedS = (performance.now() - started) / 1000;
    clearInterval(sampler);
    sample();

    const { run } = outcome;
    const intervalS = 60 / PER_MINUTE;
    // The first call goes at once (a full bucket); every further page waits its turn.
    const floorS = (run.pages - 1) * intervalS;
    const stored = await db.prisma.person.count({ where: { workspaceId: workspace.id } });
    const audited = await db.prisma.auditEvent.count({
      where: { workspaceId: workspace.id, action: 'person.created' },
    });
    const report = await standIn.report();
    const ratio = elapsedS / floorS;
    const sortedGaps = [...pageGaps].sort((a, b) => a - b);
    const gap = (q: number) =>
      sortedGaps[Math.min(sortedGaps.length - 1, Math.floor(q * sortedGaps.length))] ?? 0;
    console.log(
      [
        `directory sync: ${N} people, users.list limit ${PAGE_SIZE}, Tier 2 ×${SCALE} = ${PER_MINUTE}/min (one page every ${(intervalS * 1000).toFixed(0)} ms), ${label}`,
        `  outcome ${outcome.kind}: pages ${run.pages}, seen ${run.seen}, created ${run.created}, updated ${run.updated}`,
        `  elapsed ${elapsedS.toFixed(2)} s, floor ${floorS.toFixed(2)} s ((pages − 1) × interval) → ${ratio.toFixed(3)}× (target ≤ ${RATIO_TARGET}×) ${ratio <= RATIO_TARGET ? 'PASS' : 'MISS'}`,
        `  page gap p50 ${gap(0.5).toFixed(0)} ms, p99 ${gap(0.99).toFixed(0)} ms, max ${(sortedGaps.at(-1) ?? 0).toFixed(0)} ms`,
        `  users.list calls ${String(report.calls)}, answered 429: ${String(report.limited)}`,
        `  memory of the sync: peak RSS − RSS before it = ${mb(peakRss - baseline.rss).toFixed(1)} MB (target < ${RSS_TARGET_MB} MB) ${mb(peakRss - baseline.rss) < RSS_TARGET_MB ? 'PASS' : 'MISS'}; peak heap used ${mb(peakHeap).toFixed(1)} MB`,
        `  process peak RSS ${mb(peakRss).toFixed(1)} MB, of which ${mb(baseline.rss).toFixed(1)} MB before the sync started (tsx, Prisma, the database driver${process.env.LIAISON_BENCH_DATABASE_URL ? '' : ' and the whole embedded PGlite database'})`,
        `  memory before → at peak RSS: heap used ${mb(baseline.heapUsed).toFixed(0)} → ${mb(atPeak.heapUsed).toFixed(0)} MB, heap total ${mb(baseline.heapTotal).toFixed(0)} → ${mb(atPeak.heapTotal).toFixed(0)} MB, external ${mb(baseline.external).toFixed(0)} → ${mb(atPeak.external).toFixed(0)} MB, array buffers ${mb(baseline.arrayBuffers).toFixed(0)} → ${mb(atPeak.arrayBuffers).toFixed(0)} MB`,
        `  people stored ${stored} (expected ${N}) ${stored === N ? 'PASS' : 'FAIL'}, person.created audit rows ${audited}`,
        `  = ${((floorS * SCALE) / 60).toFixed(1)} min floor at Slack's real Tier 2`,
      ].join('\n'),
    );
    if (stored !== N || outcome.kind !== 'finished') process.exitCode = 1;
  } finally {
    standIn.child.stdin?.end();
    const exited = new Promise((resolve) => standIn.child.once('exit', resolve));
    const killer = setTimeout(() => standIn.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
    await db.close();
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
