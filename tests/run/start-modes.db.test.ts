import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/modules/shared/clock.types.js';
import { startHttpMode } from '../../src/run/http-mode.js';
import { startSocketMode } from '../../src/run/socket-mode.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { COMMANDS } from '../../src/slack/ids.js';
import { PortUnavailableError } from '../../src/slack/receivers/listen.js';
import { buildSlackDeps } from '../../src/wiring/build-slack-deps.js';
import { type SlackStandIn, startFakeSlack } from '../harness/fake-slack.js';
import { type FakeSocketMode, startFakeSocketMode } from '../harness/fake-socket-mode.js';
import { DEMO_SLACK_USERS, SIGNING_SECRET } from '../harness/liaison-under-test.js';
import { memoryLogger } from '../harness/memory-logger.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';

let db: TestDatabase;
let slack: SlackStandIn;
let deps: SlackDeps;
let taken: Server;
let takenPort: number;
const logged = memoryLogger();

beforeAll(async () => {
  db = await openTestDatabase();
  slack = await startFakeSlack({ users: DEMO_SLACK_USERS });
  deps = buildSlackDeps({
    db,
    clock: systemClock,
    logger: logged.logger,
    llm: { mode: 'fallback' },
    defaults: { locale: 'en', timeZone: 'UTC' },
  });
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, () => resolve()));
  takenPort = (taken.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => taken?.close(resolve));
  await slack?.close();
  await db?.close();
});

const bot = () => ({
  botUserId: slack.botUserId,
  botId: slack.botId,
  teamId: slack.teamId,
  isEnterpriseInstall: false,
});

describe('starting on a port that is already taken', () => {
  it('HTTP mode stops with one readable reason', async () => {
    const started = startHttpMode({
      deps,
      signingSecret: SIGNING_SECRET,
      port: takenPort,
      logger: logged.logger,
      clock: systemClock,
      app: { botToken: slack.botToken, apiUrl: slack.url, bot: bot() },
    });
    await expect(started).rejects.toThrow(PortUnavailableError);
    await expect(started).rejects.toThrow(`port ${takenPort} is already in use`);
  });

  it('Socket Mode stops with the same reason, before connecting to Slack', async () => {
    slack.reset();
    const started = startSocketMode({
      deps,
      appToken: 'xapp-test',
      botToken: slack.botToken,
      apiUrl: slack.url,
      bot: bot(),
      port: takenPort,
      logger: logged.logger,
    });
    await expect(started).rejects.toThrow(`port ${takenPort} is already in use`);
    expect(slack.callsTo('apps.connections.open')).toEqual([]);
  });
});

describe('Socket Mode, request by request', () => {
  let socket: FakeSocketMode;
  let socketSlack: SlackStandIn;
  let running: { port: number; stop(): Promise<void> };

  beforeAll(async () => {
    socket = await startFakeSocketMode();
    socketSlack = await startFakeSlack({ socketModeUrl: socket.url, users: DEMO_SLACK_USERS });
    running = await startSocketMode({
      deps,
      appToken: 'xapp-test',
      botToken: socketSlack.botToken,
      apiUrl: socketSlack.url,
      bot: {
        botUserId: socketSlack.botUserId,
        botId: socketSlack.botId,
        teamId: socketSlack.teamId,
        isEnterpriseInstall: false,
      },
      port: 0,
      logger: logged.logger,
    });
    await socket.connected();
  });

  afterAll(async () => {
    await running?.stop();
    await socket?.close();
    await socketSlack?.close();
  });

  const command = (teamId: string, text: string) => ({
    token: 'x',
    team_id: teamId,
    channel_id: 'C0GENERAL',
    user_id: 'U0DEMOALEX',
    user_name: 'alex',
    command: COMMANDS.liaison,
    text,
    api_app_id: socketSlack.appId,
    is_enterprise_install: 'false',
    response_url: socketSlack.createResponseUrl({ channelId: 'C0GENERAL', userId: 'U0DEMOALEX' }),
    trigger_id: socketSlack.createTriggerId({ userId: 'U0DEMOALEX' }),
  });

  it('acknowledges malformed envelopes (so Slack does not resend them), logs them, and answers the next command', async () => {
    await socket.send('interactive', null);
    await socket.send('interactive', {
      type: 'block_actions',
      team: { id: socketSlack.teamId },
      actions: [],
    });
    await socket.send('slash_commands', { ...command(socketSlack.teamId, 'whoami'), team_id: undefined });
    const refused = logged.lines().filter((line) => line.msg === 'refused a malformed Slack request');
    expect(refused.length).toBeGreaterThanOrEqual(3);
    for (const line of refused) expect(line.referenceId).toMatch(/^ERR-[0-9A-F]{8}$/);

    socketSlack.reset();
    await socket.send('slash_commands', command(socketSlack.teamId, 'help'));
    await socketSlack.waitForCall('response_url', undefined, 10_000);
    expect(socketSlack.ephemerals('U0DEMOALEX')).toHaveLength(1);
    expect((await fetch(`http://127.0.0.1:${running.port}/healthz`)).status).toBe(200);
  });

  it('answers a command from another workspace with the notice in the acknowledgement, and nothing else', async () => {
    socketSlack.reset();
    const ack = await socket.send('slash_commands', command('T0FOREIGN', 'setup demo'));
    expect(ack).toEqual({
      response_type: 'ephemeral',
      text: 'Liaison is not installed in this workspace, so nothing was done. Ask whoever runs Liaison to install it here.',
    });
    expect(socketSlack.calls()).toEqual([]);
    expect(await db.prisma.workspace.count({ where: { slackTeamId: 'T0FOREIGN' } })).toBe(0);
  });
});
