// The real Liaison in HTTP mode (as tests/harness/liaison-under-test.ts starts it), on an
// in-memory PGlite database with every migration applied and the demo workspace seeded,
// talking to its own Slack stand-in in a process of its own. Prints a `ready` line, then serves
// the protocol in bench/lib/protocol.ts until told to stop.

import { applyPendingMigrations } from '../../src/db/migrator.js';
import { openInMemoryDatabase } from '../../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../../src/db/paths.js';
import { startBackgroundWork } from '../../src/jobs/start-background-work.js';
import { createLogger } from '../../src/logger.js';
import { createDemoPrismaRepository } from '../../src/modules/demo/demo.prisma-repository.js';
import { ensureDemoWorkspace } from '../../src/modules/demo/demo.service.js';
import { systemClock } from '../../src/modules/shared/clock.types.js';
import { startHttpMode } from '../../src/run/http-mode.js';
import { singleTokenSource } from '../../src/slack/workspace-clients.js';
import { buildSlackDeps } from '../../src/wiring/build-slack-deps.js';
import { BENCH_SIGNING_SECRET } from '../lib/protocol.js';
import { DEMO_SLACK_USERS, requestedSlots, send, serveProtocol } from './child.js';
import { startHeapSampling } from './heap-sampling.js';
import { startStallLog } from './stall-log.js';
import { startStandInProcess } from './stand-in-link.js';

const count = requestedSlots(process.argv);
const logger = createLogger({ level: 'silent' });
const clock = systemClock;
const defaults = { locale: 'en' as const, timeZone: 'UTC' };

const db = await openInMemoryDatabase();
await applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger });
await ensureDemoWorkspace({ repo: createDemoPrismaRepository(db.prisma), defaults });
const standIn = await startStandInProcess(count);
const slack = standIn.ready;
const deps = buildSlackDeps({ db, clock, logger, llm: { mode: 'fallback' }, defaults });
const running = await startHttpMode({
  deps,
  signingSecret: BENCH_SIGNING_SECRET,
  port: 0,
  logger,
  clock,
  app: {
    botToken: slack.botToken,
    apiUrl: slack.url,
    bot: {
      botUserId: slack.botUserId,
      botId: slack.botId,
      teamId: slack.teamId,
      isEnterpriseInstall: false,
    },
  },
});

// What runs beside the acknowledgements in production (src/main.ts): the scheduler of
// record and the outbox worker, on the same thread and database. BENCH_BACKGROUND=0 leaves
// them out (the HTTP app alone, as this bench ran before issue 16).
const background =
  process.env.BENCH_BACKGROUND === '0'
    ? undefined
    : await (async () => {
        deps.slackClients.connect(singleTokenSource({ token: slack.botToken, apiUrl: slack.url }));
        return startBackgroundWork({ db, deps, clock, logger, slack: { teamId: slack.teamId } });
      })();

// Diagnostics (bench/README.md): a timeline of event-loop stalls, GCs and SQL statements;
// sampling profiles of the allocations (all, or those that outlive the young generation).
const heapSampling = process.env.BENCH_PROMOTION_PROFILE
  ? startHeapSampling(process.env.BENCH_PROMOTION_PROFILE, 'promoted')
  : process.env.BENCH_ALLOCATION_PROFILE
    ? startHeapSampling(process.env.BENCH_ALLOCATION_PROFILE, 'all')
    : undefined;
const stallLog = process.env.BENCH_STALL_LOG ? startStallLog(process.env.BENCH_STALL_LOG) : undefined;
// Every statement Prisma sends (requests and background work), reported per slice.
let statements = 0;
db.statements.observe((event) => {
  if (event.type !== 'statement') return;
  statements += 1;
  stallLog?.statement(event.sql);
});

const userIds = DEMO_SLACK_USERS.map((user) => user.id);
serveProtocol(
  standIn,
  async () => {
    stallLog?.flush();
    await heapSampling?.flush();
    await background?.stop();
    await running.stop();
    await standIn.close();
    await db.close();
  },
  { statements: () => statements, onCount: () => stallLog?.mark('count') },
);
send({
  type: 'ready',
  target: 'liaison',
  port: running.port,
  teamId: slack.teamId,
  teamDomain: slack.teamDomain,
  appId: slack.appId,
  slots: slack.slots,
  userIds,
  node: process.version,
  pid: process.pid,
});
