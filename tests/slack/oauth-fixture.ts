import { randomBytes } from 'node:crypto';
import type { StandInInstall } from '../../src/console/slack-stand-in/index.js';
import type { Database } from '../../src/db/database.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { systemClock } from '../../src/modules/shared/clock.types.js';
import { type RunningHttpApp, startHttpMode } from '../../src/run/http-mode.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { COMMANDS } from '../../src/slack/ids.js';
import { buildSlackDeps } from '../../src/wiring/build-slack-deps.js';
import { type SlackStandIn, startFakeSlack } from '../harness/fake-slack.js';
import { DEMO_SLACK_USERS, SIGNING_SECRET } from '../harness/liaison-under-test.js';
import { memoryLogger } from '../harness/memory-logger.js';
import { createSlackDriver, type SlackDriver } from '../harness/slack-driver.js';

export const OAUTH_CLIENT = { clientId: '1111.2222', clientSecret: 'oauth-test-client-secret' };
export const STATE_SECRET = 'oauth-test-state-secret-0123456789';
export const STATE_COOKIE = 'slack-app-oauth-state';

/**
 * The database as Liaison sees it, counting every query on the Installation table, so a
 * test can prove a request was authorized from memory.
 */
export function countingInstallationQueries(db: Database): { db: Database; count: () => number } {
  let count = 0;
  const prisma = db.prisma.$extends({
    query: {
      installation: {
        async $allOperations({ args, query }) {
          count += 1;
          return query(args);
        },
      },
    },
  }) as unknown as PrismaClient;
  return { db: { ...db, prisma }, count: () => count };
}

export interface OAuthLiaison {
  slack: SlackStandIn;
  deps: SlackDeps;
  running: RunningHttpApp;
  baseUrl: string;
  installationQueries: () => number;
  logs: () => Record<string, unknown>[];
  /** A driver signing requests as Slack does for this team (or a team of an org). */
  driverFor(teamId: string, bot?: { botUserId?: string }): SlackDriver;
  stop(): Promise<void>;
}

/** Liaison in OAuth mode (no bot token) on a free port, as main.ts starts it. */
export async function startOAuthLiaison(input: {
  db: Database;
  key: Buffer;
  previousKey?: Buffer;
  slack?: SlackStandIn;
}): Promise<OAuthLiaison> {
  const slack = input.slack ?? (await startFakeSlack({ users: DEMO_SLACK_USERS }));
  slack.setOAuthClient(OAUTH_CLIENT);
  const { logger, lines } = memoryLogger();
  const counted = countingInstallationQueries(input.db);
  const deps = buildSlackDeps({
    db: counted.db,
    clock: systemClock,
    logger,
    llm: { mode: 'fallback' },
    defaults: { locale: 'en', timeZone: 'UTC' },
    encryption: { key: input.key, ...(input.previousKey ? { previousKey: input.previousKey } : {}) },
  });
  const running = await startHttpMode({
    deps,
    signingSecret: SIGNING_SECRET,
    port: 0,
    logger,
    clock: systemClock,
    app: { apiUrl: slack.url },
    oauth: { ...OAUTH_CLIENT, stateSecret: STATE_SECRET },
  });
  if (!running.tokenSource) throw new Error('OAuth mode without a token source');
  deps.slackClients.connect(running.tokenSource);
  const baseUrl = `http://127.0.0.1:${running.port}`;
  return {
    slack,
    deps,
    running,
    baseUrl,
    installationQueries: counted.count,
    logs: lines,
    driverFor: (teamId, bot = {}) =>
      createSlackDriver({
        baseUrl,
        signingSecret: SIGNING_SECRET,
        teamId,
        teamDomain: teamId.toLowerCase(),
        apiAppId: slack.appId,
        ...(bot.botUserId ? { botUserId: bot.botUserId } : {}),
        responseUrlFactory: (urlInput) => slack.createResponseUrl(urlInput),
        triggerIdFactory: (triggerInput) => slack.createTriggerId(triggerInput),
      }),
    async stop() {
      await running.stop();
      if (!input.slack) await slack.close();
    },
  };
}

/** GET /slack/install as a browser: the redirect to Slack, and the state cookie it set. */
export async function startInstall(
  baseUrl: string,
): Promise<{ response: Response; location: URL; cookie: string }> {
  const response = await fetch(`${baseUrl}/slack/install`, { redirect: 'manual' });
  const location = new URL(response.headers.get('location') ?? 'about:blank');
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  return { response, location, cookie };
}

/** Slack sending the browser back after "Allow". */
export function oauthRedirect(
  baseUrl: string,
  query: { code?: string; state?: string },
  cookie?: string,
): Promise<Response> {
  const params = new URLSearchParams(query as Record<string, string>);
  return fetch(`${baseUrl}/slack/oauth_redirect?${params}`, {
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
  });
}

/** The whole browser round trip: /slack/install → Slack (the registered answer) → /slack/oauth_redirect. */
export async function installThroughBrowser(
  liaison: Pick<OAuthLiaison, 'baseUrl' | 'slack'>,
  install: Omit<StandInInstall, 'code'>,
): Promise<{ response: Response; accessToken: string; refreshToken?: string }> {
  const code = `code-${randomBytes(6).toString('hex')}`;
  liaison.slack.registerInstall({ ...install, code });
  const { location, cookie } = await startInstall(liaison.baseUrl);
  const state = location.searchParams.get('state') ?? '';
  const response = await oauthRedirect(liaison.baseUrl, { code, state }, cookie);
  const exchange = liaison.slack
    .callsTo('oauth.v2.access', { ok: true })
    .find((call) => call.args.code === code);
  const accessToken = String(exchange?.response.access_token ?? '');
  const refreshToken = exchange?.response.refresh_token as string | undefined;
  return { response, accessToken, ...(refreshToken ? { refreshToken } : {}) };
}

/**
 * The sequence number of the stand-in's latest recorded call: calls after it have a greater
 * `seq`. (Not a timestamp: a reply to the previous request can land in the same millisecond.)
 */
export function lastCallSeq(slack: SlackStandIn): number {
  return slack.calls().at(-1)?.seq ?? 0;
}

/**
 * `/liaison <text>` from a person of that team; resolves with the acknowledgement and `since`,
 * the last call's sequence number before it was sent (its calls have `seq > since`).
 */
export async function liaisonCommand(
  slack: SlackStandIn,
  driver: SlackDriver,
  input: { userId: string; text: string; enterpriseId?: string; isEnterpriseInstall?: boolean },
) {
  const since = lastCallSeq(slack);
  const ack = await driver.slashCommand({
    command: COMMANDS.liaison,
    text: input.text,
    userId: input.userId,
    channelId: 'C0GENERAL',
    ...(input.enterpriseId ? { enterpriseId: input.enterpriseId } : {}),
    ...(input.isEnterpriseInstall ? { isEnterpriseInstall: true } : {}),
  });
  return { ack, since };
}
