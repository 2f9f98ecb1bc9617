// How long Liaison's background work (scheduler tick, outbox worker) holds the event loop
// when no request arrives: the bench:ack Liaison target's set-up, then `--seconds` of
// nothing but background work, with monitorEventLoopDelay and the SQL statements counted.
// Run: `npx tsx bench/idle-loop.ts [--seconds 20] [--background 0]` (issue 16, bench/README.md).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startSlackStandIn } from '../src/console/slack-stand-in/index.js';
import { applyPendingMigrations } from '../src/db/migrator.js';
import { openInMemoryDatabase } from '../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../src/db/paths.js';
import { startBackgroundWork } from '../src/jobs/start-background-work.js';
import { createLogger } from '../src/logger.js';
import { createDemoPrismaRepository } from '../src/modules/demo/demo.prisma-repository.js';
import { ensureDemoWorkspace } from '../src/modules/demo/demo.service.js';
import { systemClock } from '../src/modules/shared/clock.types.js';
import { singleTokenSource } from '../src/slack/workspace-clients.js';
import { buildSlackDeps } from '../src/wiring/build-slack-deps.js';
import { DEMO_SLACK_USERS } from './targets/child.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '20' }, background: { type: 'string', default: '1' } },
});
const seconds = Number(values.seconds);
const logger = createLogger({ level: 'silent' });
const defaults = { locale: 'en' as const, timeZone: 'UTC' };
const db = await openInMemoryDatabase();
await applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger });
await ensureDemoWorkspace({ repo: createDemoPrismaRepository(db.prisma), defaults });
const standIn = await startSlackStandIn({ users: DEMO_SLACK_USERS });
const deps = buildSlackDeps({ db, clock: systemClock, logger, llm: { mode: 'fallback' }, defaults });
deps.slackClients.connect(singleTokenSource({ token: standIn.botToken, apiUrl: standIn.url }));
const background =
  values.background === '0'
    ? undefined
    : await startBackgroundWork({
        db,
        deps,
        clock: systemClock,
        logger,
        slack: { teamId: standIn.teamId },
      });

let statements = 0;
db.statements.observe((event) => {
  if (event.type === 'statement') statements += 1;
});
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const started = performance.now();
const cpuBefore = process.cpuUsage();
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
const cpu = process.cpuUsage(cpuBefore);
const elapsed = (performance.now() - started) / 1000;
delay.disable();
console.log(
  `idle ${elapsed.toFixed(1)} s ${background ? 'with' : 'without'} background work: ${statements} SQL statements (${(statements / elapsed).toFixed(1)}/s), ` +
    `CPU ${((cpu.user + cpu.system) / 1000 / elapsed).toFixed(1)} ms/s, event-loop delay p50 ${(delay.percentile(50) / 1e6).toFixed(1)} ` +
    `p99 ${(delay.percentile(99) / 1e6).toFixed(1)} max ${(delay.max / 1e6).toFixed(1)} ms`,
);
await background?.stop();
await standIn.close();
await db.close();
process.exit(0);
