import type { App } from '@slack/bolt';
import { afterAll, beforeAll } from 'vitest';
import { demoSlackUsers } from '../../src/console/demo-slack-users.js';
import type { Database } from '../../src/db/database.js';
import type { LlmClient } from '../../src/llm/llm-client.js';
import { createDemoPrismaRepository } from '../../src/modules/demo/demo.prisma-repository.js';
import { ensureDemoWorkspace } from '../../src/modules/demo/demo.service.js';
import type { Clock } from '../../src/modules/shared/clock.types.js';
import { systemClock } from '../../src/modules/shared/clock.types.js';
import { startHttpMode } from '../../src/run/http-mode.js';
import type { SlackAppOptions } from '../../src/slack/app.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { singleTokenSource } from '../../src/slack/workspace-clients.js';
import { buildSlackDeps } from '../../src/wiring/build-slack-deps.js';
import { connectDriver, type SlackStandIn, type StandInUser, startFakeSlack } from './fake-slack.js';
import { memoryLogger } from './memory-logger.js';
import type { SlackDriver } from './slack-driver.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** The demo people as Slack's directory knows them, so users.info answers for them. */
export const DEMO_SLACK_USERS: StandInUser[] = demoSlackUsers();

export interface LiaisonUnderTest {
  slack: SlackStandIn;
  driver: SlackDriver;
  app: App;
  deps: SlackDeps;
  baseUrl: string;
  logs: () => Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * The real Liaison in HTTP mode on a free port, on the given database, talking to a fake
 * Slack on loopback; requests come from a driver that signs them as Slack does.
 */
export async function startLiaisonUnderTest(options: {
  db: Database;
  seedDemo?: boolean;
  clock?: Clock;
  extend?: (app: App) => void;
  /** The token's Enterprise Grid org, as auth.test would report it for a team of an org. */
  enterpriseId?: string;
  /** A model (e.g. createLlmClient against the fake OpenAI server); rules only when absent. */
  llm?: LlmClient;
  llmDailyTokenBudget?: number;
  /** How many requests are processed at once (src/slack/request-admission.ts); the defaults otherwise. */
  admission?: SlackAppOptions['admission'];
}): Promise<LiaisonUnderTest> {
  const clock = options.clock ?? systemClock;
  const slack = await startFakeSlack({ users: DEMO_SLACK_USERS });
  const { logger, lines } = memoryLogger();
  const defaults = { locale: 'en' as const, timeZone: 'UTC' };
  if (options.seedDemo)
    await ensureDemoWorkspace({ repo: createDemoPrismaRepository(options.db.prisma), defaults });
  const deps = buildSlackDeps({
    db: options.db,
    clock,
    logger,
    llm: options.llm ?? { mode: 'fallback' },
    ...(options.llmDailyTokenBudget !== undefined
      ? { llmDailyTokenBudget: options.llmDailyTokenBudget }
      : {}),
    defaults,
  });
  deps.slackClients.connect(singleTokenSource({ token: slack.botToken, apiUrl: slack.url }));
  const running = await startHttpMode({
    deps,
    signingSecret: SIGNING_SECRET,
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
        ...(options.enterpriseId ? { enterpriseId: options.enterpriseId } : {}),
      },
      extend: options.extend,
      ...(options.admission ? { admission: options.admission } : {}),
    },
  });
  const baseUrl = `http://127.0.0.1:${running.port}`;
  return {
    slack,
    driver: connectDriver(slack, { baseUrl, signingSecret: SIGNING_SECRET }),
    app: running.app,
    deps,
    baseUrl,
    logs: lines,
    async stop() {
      await running.stop();
      await slack.close();
    },
  };
}

/**
 * One database and one running Liaison for a whole test file: opened before the first
 * test, stopped and dropped after the last. Read `.db` and `.liaison` inside tests.
 */
export function liaisonForThisFile(
  options: {
    seedDemo?: boolean;
    /** The app's clock (the driver still signs with the real time: keep within Slack's 5 minutes). */
    clock?: Clock;
    extend?: (app: App) => void;
    admission?: SlackAppOptions['admission'];
    /** Called before Liaison starts, e.g. to start a fake OpenAI server and give its client. */
    llm?: () => Promise<LlmClient> | LlmClient;
  } = {},
) {
  const state = {} as { db: TestDatabase; liaison: LiaisonUnderTest };
  beforeAll(async () => {
    state.db = await openTestDatabase();
    const { llm, ...rest } = options;
    state.liaison = await startLiaisonUnderTest({
      db: state.db,
      ...rest,
      ...(llm ? { llm: await llm() } : {}),
    });
  });
  afterAll(async () => {
    await state.liaison?.stop();
    await state.db?.close();
  });
  return state;
}
