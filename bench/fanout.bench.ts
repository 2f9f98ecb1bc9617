// DM fan-out through the outbox: one DM each to N people against the Slack stand-in
// enforcing Slack's tier floors (scaled up to keep the run short). See bench/README.md.
// Run: `npm run bench:fanout -- [--people 10000] [--cold-scale 150] [--warm-scale 25] [--stand-in child|same]`.
// The stand-in runs in a child process by default (bench/fanout-stand-in.ts), so that this
// process's thread is Liaison's alone and the makespan measures pacing.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { startSlackStandIn } from '../src/console/slack-stand-in/index.js';
import type { RateLimitRule } from '../src/console/slack-stand-in/types.js';
import type { Database } from '../src/db/database.js';
import { applyPendingMigrations } from '../src/db/migrator.js';
import { openInMemoryDatabase } from '../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../src/db/paths.js';
import { systemClock } from '../src/modules/shared/clock.types.js';
import { createPacedSlackSender } from '../src/slack/delivery/paced-slack-sender.js';
import { type BulkRates, SLACK_FLOOR_RATES, scaleRates } from '../src/slack/delivery/rate-floors.js';
import { createBulkClient } from '../src/slack/delivery/slack-clients.js';
import { buildDeliveryWorker, buildNotificationsDeps } from '../src/wiring/notifications.wiring.js';
import type { StandInAsk, StandInReady } from './fanout-stand-in.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: process.env.BENCH_PEOPLE ?? '10000' },
    'cold-scale': { type: 'string', default: process.env.BENCH_COLD_SCALE ?? '150' },
    'warm-scale': { type: 'string', default: process.env.BENCH_WARM_SCALE ?? '25' },
    'stand-in': { type: 'string', default: process.env.BENCH_STAND_IN ?? 'child' },
  },
});
const N = Number(values.people);
const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');

/** What the bench asks of the Slack stand-in, wherever it runs. */
interface StandIn {
  url: string;
  botToken: string;
  setRateLimit(method: string, rule: RateLimitRule): Promise<void>;
  rateLimited(methods: string[]): Promise<number>;
  messageCounts(channelIds: (string | null)[]): Promise<number[]>;
  close(): Promise<void>;
}

async function standInHere(): Promise<StandIn> {
  const slack = await startSlackStandIn({
    users: Array.from({ length: N }, (_, i) => ({ id: `U${String(i).padStart(8, '0')}` })),
  });
  return {
    url: slack.url,
    botToken: slack.botToken,
    setRateLimit: async (method, rule) => slack.setRateLimit(method, rule),
    rateLimited: async (methods) => methods.reduce((sum, method) => sum + slack.rateLimitedCount(method), 0),
    messageCounts: async (ids) => ids.map((id) => (id ? slack.messages(id).length : 0)),
    close: () => slack.close(),
  };
}

/** The stand-in in its own Node process (bench/fanout-stand-in.ts), asked over IPC. */
async function standInChild(): Promise<StandIn> {
  const child = fork('bench/fanout-stand-in.ts', [String(N)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 0;
  const ready = new Promise<StandInReady>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the stand-in exited (${code}) before it was ready`)));
    child.on('message', (message: StandInReady | { id: number; result: unknown }) => {
      if ('type' in message) resolve(message);
      else pending.get(message.id)?.(message.result);
    });
  });
  const ask = <T>(request: StandInAsk) =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      pending.set(id, (result) => {
        pending.delete(id);
        resolve(result as T);
      });
      child.send({ ...request, id });
    });
  const { url, botToken } = await ready;
  return {
    url,
    botToken,
    setRateLimit: (method, rule) => ask({ op: 'setRateLimit', method, rule }),
    rateLimited: (methods) => ask({ op: 'rateLimited', methods }),
    messageCounts: (channelIds) => ask({ op: 'messageCounts', channelIds }),
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await ask({ op: 'close' });
      await exited;
    },
  };
}
const silent = pino({ level: process.env.BENCH_LOG ?? 'silent' });

async function seed(db: Database): Promise<string> {
  const workspace = await db.prisma.workspace.create({
    data: { slackTeamId: 'T0LIAISON', name: 'Bench', defaultLocale: 'en', defaultTimeZone: 'UTC' },
    select: { id: true },
  });
  const people = Array.from({ length: N }, (_, i) => ({
    id: randomUUID(),
    workspaceId: workspace.id,
    slackUserId: `U${String(i).padStart(8, '0')}`,
    displayName: `person ${i}`,
    timeZone: 'UTC',
    // Fan-out is about Slack's limits, not the budget: no quiet hours, no cap in the way.
    quietStartMinute: 0,
    quietEndMinute: 0,
    dailyNotificationCap: N,
  }));
  for (let i = 0; i < people.length; i += 2_000)
    await db.prisma.person.createMany({ data: people.slice(i, i + 2_000) });
  return workspace.id;
}

/** Slack's limits as the stand-in enforces them: the same floors and scale, with a small burst as Slack allows. */
function standInLimits(rates: BulkRates) {
  return Object.fromEntries(
    Object.entries(rates.methods).map(([method, rule]) => [method, { perMinute: rule.perMinute, burst: 3 }]),
  );
}

async function run(label: string, db: Database, slack: StandIn, workspaceId: string, scale: number) {
  const rates = scaleRates(SLACK_FLOOR_RATES, scale);
  for (const [method, rule] of Object.entries(standInLimits(rates))) await slack.setRateLimit(method, rule);
  const notifications = buildNotificationsDeps({ db, clock: systemClock });
  const people = await db.prisma.person.findMany({ select: { id: true } });
  const round = label.startsWith('cold') ? 1 : 2;
  // Enqueue (not measured): the notify path with its budget, as features use it.
  for (let i = 0; i < people.length; i += 200) {
    await Promise.all(
      people.slice(i, i + 200).map((p) =>
        notifications.notify({
          workspaceId,
          personId: p.id,
          kind: 'checkin.prompt',
          key: `bench:${round}:${p.id}`,
          message: { text: `Check-in round ${round}` },
        }),
      ),
    );
  }
  const sender = createPacedSlackSender({
    client: createBulkClient({ token: slack.botToken, apiUrl: slack.url }),
    rates,
  });
  const worker = buildDeliveryWorker({
    db,
    clock: systemClock,
    logger: silent,
    sender,
    notifications,
    options: { concurrency: 32 },
  });
  const limitedMethods = ['chat.postMessage', 'conversations.open'];
  const limitedBefore = await slack.rateLimited(limitedMethods);
  const loadBefore = load();
  const started = performance.now();
  let left = N;
  while (left > 0) {
    await worker.drain();
    left = await db.prisma.delivery.count({ where: { status: { in: ['QUEUED', 'SENDING'] } } });
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const makespanS = (performance.now() - started) / 1000;
  const stats = sender.stats();
  const calls = Object.values(stats.calls).reduce((a, b) => a + b, 0);
  const loadAfter = load();
  const limited = (await slack.rateLimited(limitedMethods)) - limitedBefore;
  const bound = label.startsWith('cold')
    ? { method: 'conversations.open', perMinute: rates.methods['conversations.open']?.perMinute ?? 1 }
    : { method: 'chat.postMessage', perMinute: rates.methods['chat.postMessage']?.perMinute ?? 1 };
  const floorS = N / (bound.perMinute / 60);
  const dmIds = (await db.prisma.person.findMany({ select: { dmChannelId: true } })).map(
    (p) => p.dmChannelId,
  );
  const perChannel = await slack.messageCounts(dmIds);
  const lost = perChannel.filter((count) => count < round).length;
  const doubled = perChannel.filter((count) => count > round).length;
  const failed = await db.prisma.delivery.count({ where: { status: 'FAILED' } });
  console.log(
    [
      `${label}: ${N} DMs, limits ×${scale} (${bound.method} ${bound.perMinute}/min binds)`,
      `  makespan ${makespanS.toFixed(1)} s, floor ${floorS.toFixed(1)} s → ${(makespanS / floorS).toFixed(3)}× (target ≤ 1.05×)`,
      `  Web API calls ${calls} (${JSON.stringify(stats.calls)}), answered 429: ${limited} (${((100 * limited) / Math.max(1, calls)).toFixed(2)} %, target ≤ 1 %)`,
      `  lost ${lost}, doubled ${doubled}, failed ${failed}`,
      `  = ${((makespanS * scale) / 60).toFixed(1)} min at Slack's real floors`,
      `  load average before ${loadBefore}, after ${loadAfter}; stand-in: ${values['stand-in'] === 'same' ? "this process's thread" : 'its own process'}`,
    ].join('\n'),
  );
  return { makespanS, floorS, limited, calls, lost, doubled };
}

async function main() {
  const db = await openInMemoryDatabase();
  await applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger: silent });
  const workspaceId = await seed(db);
  const slack = values['stand-in'] === 'same' ? await standInHere() : await standInChild();
  try {
    await run('cold (no DM channel cached)', db, slack, workspaceId, Number(values['cold-scale']));
    await run('warm (DM channels cached)', db, slack, workspaceId, Number(values['warm-scale']));
  } finally {
    await slack.close();
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
