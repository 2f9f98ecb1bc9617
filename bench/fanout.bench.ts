// DM fan-out through the outbox: one DM each to N people against the Slack stand-in
// enforcing Slack's tier floors (scaled up to keep the run short). See bench/README.md.
// Run: `npm run bench:fanout -- [--people 10000] [--cold-scale 150] [--warm-scale 25]`.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { type SlackStandIn, startSlackStandIn } from '../src/console/slack-stand-in/index.js';
import type { Database } from '../src/db/database.js';
import { applyPendingMigrations } from '../src/db/migrator.js';
import { openInMemoryDatabase } from '../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../src/db/paths.js';
import { systemClock } from '../src/modules/shared/clock.types.js';
import { createPacedSlackSender } from '../src/slack/delivery/paced-slack-sender.js';
import { type BulkRates, SLACK_FLOOR_RATES, scaleRates } from '../src/slack/delivery/rate-floors.js';
import { createBulkClient } from '../src/slack/delivery/slack-clients.js';
import { buildDeliveryWorker, buildNotificationsDeps } from '../src/wiring/notifications.wiring.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: process.env.BENCH_PEOPLE ?? '10000' },
    'cold-scale': { type: 'string', default: process.env.BENCH_COLD_SCALE ?? '150' },
    'warm-scale': { type: 'string', default: process.env.BENCH_WARM_SCALE ?? '25' },
  },
});
const N = Number(values.people);
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

async function run(label: string, db: Database, slack: SlackStandIn, workspaceId: string, scale: number) {
  const rates = scaleRates(SLACK_FLOOR_RATES, scale);
  for (const [method, rule] of Object.entries(standInLimits(rates))) slack.setRateLimit(method, rule);
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
  const limitedBefore =
    slack.rateLimitedCount('chat.postMessage') + slack.rateLimitedCount('conversations.open');
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
  const limited =
    slack.rateLimitedCount('chat.postMessage') + slack.rateLimitedCount('conversations.open') - limitedBefore;
  const bound = label.startsWith('cold')
    ? { method: 'conversations.open', perMinute: rates.methods['conversations.open']?.perMinute ?? 1 }
    : { method: 'chat.postMessage', perMinute: rates.methods['chat.postMessage']?.perMinute ?? 1 };
  const floorS = N / (bound.perMinute / 60);
  const dmIds = (await db.prisma.person.findMany({ select: { dmChannelId: true } })).map(
    (p) => p.dmChannelId,
  );
  const perChannel = dmIds.map((id) => (id ? slack.messages(id).length : 0));
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
    ].join('\n'),
  );
  return { makespanS, floorS, limited, calls, lost, doubled };
}

async function main() {
  const db = await openInMemoryDatabase();
  await applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger: silent });
  const workspaceId = await seed(db);
  const slack = await startSlackStandIn({
    users: Array.from({ length: N }, (_, i) => ({ id: `U${String(i).padStart(8, '0')}` })),
  });
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
