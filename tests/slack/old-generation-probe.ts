// Run by young-request-objects.test.ts in a process of its own, with a young generation
// large enough (64 MB) that no garbage collection happens while it measures: whatever the
// old generation gains then was allocated there directly, by the request path. Liaison's
// Bolt app (createSlackApp, the console's receiver, an in-memory database, the Slack
// stand-in) answers `/liaison help` from the demo people; prints one JSON line:
// { requests, oldBytesPerRequest, gcsDuring, answered }.
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import { ConsoleReceiver } from '../../src/console/console-receiver.js';
import { demoSlackUsers } from '../../src/console/demo-slack-users.js';
import { startSlackStandIn } from '../../src/console/slack-stand-in/index.js';
import { applyPendingMigrations } from '../../src/db/migrator.js';
import { openInMemoryDatabase } from '../../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../../src/db/paths.js';
import { createLogger } from '../../src/logger.js';
import { createDemoPrismaRepository } from '../../src/modules/demo/demo.prisma-repository.js';
import { ensureDemoWorkspace } from '../../src/modules/demo/demo.service.js';
import { systemClock } from '../../src/modules/shared/clock.types.js';
import { createSlackApp } from '../../src/slack/app.js';
import { buildSlackDeps } from '../../src/wiring/build-slack-deps.js';

const WARM_UP = 1_500;
const MEASURED = 1_500;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const logger = createLogger({ level: 'silent' });
const defaults = { locale: 'en' as const, timeZone: 'UTC' };
const users = demoSlackUsers();
const db = await openInMemoryDatabase();
await applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger });
await ensureDemoWorkspace({ repo: createDemoPrismaRepository(db.prisma), defaults });
const slack = await startSlackStandIn({ users });
const deps = buildSlackDeps({ db, clock: systemClock, logger, llm: { mode: 'fallback' }, defaults });
const receiver = new ConsoleReceiver();
createSlackApp(deps, {
  receiver,
  botToken: slack.botToken,
  apiUrl: slack.url,
  bot: { botUserId: slack.botUserId, botId: slack.botId, teamId: slack.teamId, isEnterpriseInstall: false },
});

function help(i: number): Record<string, unknown> {
  const user = users[i % users.length];
  return {
    token: 'verification-token',
    team_id: slack.teamId,
    team_domain: slack.teamDomain,
    channel_id: 'C0PROBE',
    channel_name: 'general',
    user_id: user?.id,
    user_name: user?.name,
    command: '/liaison',
    text: 'help',
    api_app_id: slack.appId,
    is_enterprise_install: 'false',
    response_url: `${slack.url}/commands/${i}`,
    trigger_id: `1.${i}.probe`,
  };
}

let answered = 0;
async function request(i: number): Promise<void> {
  const acked = (await receiver.dispatch(help(i))) as { text?: unknown } | undefined;
  if (typeof acked?.text === 'string') answered += 1;
}

for (let i = 0; i < WARM_UP; i += 1) await request(i);
gc();
gc();
let gcsDuring = 0;
const observer = new PerformanceObserver((list) => {
  gcsDuring += list.getEntries().length;
});
observer.observe({ entryTypes: ['gc'] });
answered = 0;
const oldSpace = () =>
  v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')?.space_used_size ?? 0;
const before = oldSpace();
for (let i = 0; i < MEASURED; i += 1) await request(i);
const after = oldSpace();
// Entries reach the observer asynchronously: give them a turn before reading the count.
await new Promise((resolve) => setTimeout(resolve, 20));
observer.disconnect();
await slack.close();
await db.close();
process.stdout.write(
  `${JSON.stringify({ requests: MEASURED, oldBytesPerRequest: (after - before) / MEASURED, gcsDuring, answered })}\n`,
);
