import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKS, COMMANDS } from '../src/slack/ids.js';
import { blockById, textOf } from './harness/blocks.js';
import { connectDriver, type SlackStandIn, startFakeSlack } from './harness/fake-slack.js';
import { startFakeSocketMode } from './harness/fake-socket-mode.js';
import { migratedDataDir } from './harness/test-database.js';

/**
 * `npm start`'s own entry point (the compiled build when it is up to date, else the sources
 * through tsx), as a separate process with only the environment given.
 */
function startLiaison(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

function collect(child: ChildProcessWithoutNullStreams) {
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => {
    out.stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    out.stderr += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { out, exited };
}

// Each test here starts Liaison in a child process: node loads the app (≈ 1–2 s on an
// idle machine) and, on a new data directory, PGlite runs initdb and the migrations (≈ 5 s).
// Only the HTTP test checks migrating a new directory; the OAuth and Socket Mode tests start
// on a migrated one (migratedDataDir). On a loaded 2-core machine everything is several
// times slower (Socket Mode: 8.5 s idle, 87 s at load 20 on 2 cores), so the waits and the
// limits leave that much room; a wait ends as soon as its condition holds, never on a sleep.
/** How long a child may take to be ready (listening, connected). */
const START_MS = 120_000;
/** The limit of a test that starts Liaison once (or twice, the second time on a migrated database). */
const CHILD_TEST = { timeout: 180_000 };

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('starting Liaison', CHILD_TEST, () => {
  it('refuses bad configuration with one readable line per problem, no stack trace and no secret', async () => {
    const secret = 'xoxp-this-is-a-user-token-not-a-bot-token';
    const { out, exited } = collect(
      startLiaison({ SLACK_BOT_TOKEN: secret, PORT: 'http', LIAISON_DEFAULT_TZ: 'Nowhere' }),
    );
    expect(await exited).toBe(1);
    const lines = out.stderr.trim().split('\n');
    expect(lines[0]).toBe('Liaison cannot start: the configuration is invalid.');
    expect(lines.slice(1).map((l) => l.trim().split(':')[0])).toEqual([
      '- SLACK_BOT_TOKEN',
      '- PORT',
      '- LIAISON_DEFAULT_TZ',
    ]);
    expect(out.stderr).not.toContain(secret);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses OAuth mode without LIAISON_ENCRYPTION_KEY, in one line and without echoing secrets', async () => {
    const clientSecret = 'oauth-client-secret-never-printed';
    const { out, exited } = collect(
      startLiaison({ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: clientSecret, SLACK_SIGNING_SECRET: 's' }),
    );
    expect(await exited).toBe(1);
    const lines = out.stderr.trim().split('\n');
    expect(lines[0]).toBe('Liaison cannot start: the configuration is invalid.');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}- LIAISON_ENCRYPTION_KEY is not set: OAuth mode/),
    ]);
    expect(out.stderr).not.toContain(clientSecret);
  });

  it('starts OAuth mode with the install flow and logs the install URL', async () => {
    const slack = await startFakeSlack();
    const dataDir = await migratedDataDir('liaison-oauth-');
    const child = startLiaison({
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'oauth-client-secret',
      SLACK_SIGNING_SECRET: 'oauth-signing-secret',
      LIAISON_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
      SLACK_API_URL: slack.url,
      PORT: '0',
      LIAISON_DATA_DIR: dataDir,
    });
    const { out, exited } = collect(child);
    try {
      const installUrl = await waitFor(
        () => {
          const line = out.stdout.split('\n').find((l) => l.includes('Install Liaison in a workspace'));
          return line ? (JSON.parse(line) as { installUrl: string }).installUrl : undefined;
        },
        START_MS,
        `the install URL to be logged (stderr: ${out.stderr})`,
      );
      expect(installUrl).toMatch(/^http:\/\/localhost:\d+\/slack\/install$/);
      const install = await fetch(installUrl.replace('localhost', '127.0.0.1'), { redirect: 'manual' });
      expect(install.status).toBe(302);
      expect(install.headers.get('location')).toMatch(/^https:\/\/slack\.com\/oauth\/v2\/authorize\?/);
    } finally {
      child.kill('SIGTERM');
      await exited;
      await slack.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe('in HTTP mode on a free port', () => {
    let slack: SlackStandIn;
    let dataDir: string;
    const signingSecret = 'main-test-signing-secret';

    beforeAll(async () => {
      slack = await startFakeSlack({
        tokens: ['xoxb-main-test'],
        users: [{ id: 'U0ALICE', locale: 'zh-CN', tz: 'Asia/Shanghai' }],
      });
      dataDir = mkdtempSync(join(tmpdir(), 'liaison-main-'));
    });

    afterAll(async () => {
      await slack?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('stops with a clear message when Slack refuses the bot token', async () => {
      const { out, exited } = collect(
        startLiaison({
          SLACK_BOT_TOKEN: 'xoxb-wrong',
          SLACK_SIGNING_SECRET: signingSecret,
          SLACK_API_URL: slack.url,
          PORT: '0',
          LIAISON_DATA_DIR: join(dataDir, 'refused'),
        }),
      );
      expect(await exited).toBe(1);
      expect(out.stderr).toContain('Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth)');
      expect(out.stderr).not.toContain('xoxb-wrong');
    });

    it('migrates the embedded database, answers /liaison help from signature to reply, and stops on SIGTERM', async () => {
      const child = startLiaison({
        SLACK_BOT_TOKEN: 'xoxb-main-test',
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: slack.url,
        PORT: '0',
        LIAISON_DATA_DIR: dataDir,
      });
      const { out, exited } = collect(child);
      try {
        const port = await waitFor(
          () => {
            const line = out.stdout.split('\n').find((l) => l.includes('listening for Slack'));
            return line ? (JSON.parse(line) as { port: number }).port : undefined;
          },
          START_MS,
          `Liaison to listen (stderr: ${out.stderr})`,
        );
        expect(out.stdout).toContain('database migrations applied');
        const health = await fetch(`http://127.0.0.1:${port}/healthz`);
        expect(health.status).toBe(200);

        const driver = connectDriver(slack, { baseUrl: `http://127.0.0.1:${port}`, signingSecret });
        const ack = await driver.slashCommand({
          command: COMMANDS.liaison,
          text: 'help',
          userId: 'U0ALICE',
          channelId: 'C0GENERAL',
        });
        expect(ack.status).toBe(200);
        await slack.waitForCall('response_url', undefined, 30_000);
        const reply = slack.ephemerals('U0ALICE').at(-1);
        expect(textOf(blockById(reply?.blocks, BLOCKS.help.header))).toBe('Liaison — 跨部门协同');
        // Asked once at start, never again on the acknowledgement path.
        expect(slack.callsTo('auth.test').filter((call) => call.token === 'xoxb-main-test')).toHaveLength(1);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      expect(out.stdout).toContain('Liaison is stopping');
    });

    it('stops with one readable line, and no stack trace, when PORT is already taken', async () => {
      const taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, () => resolve()));
      const port = (taken.address() as { port: number }).port;
      try {
        const { out, exited } = collect(
          startLiaison({
            SLACK_BOT_TOKEN: 'xoxb-main-test',
            SLACK_SIGNING_SECRET: signingSecret,
            SLACK_API_URL: slack.url,
            PORT: String(port),
            // The database the test above migrated: only the port is in the way.
            LIAISON_DATA_DIR: dataDir,
          }),
        );
        expect(await exited).toBe(1);
        expect(out.stderr.trim().split('\n')).toEqual([
          `Liaison cannot start: port ${port} is already in use (another program, or another Liaison, listens there). Stop it or set PORT to a free port.`,
        ]);
      } finally {
        await new Promise((resolve) => taken.close(resolve));
      }
    });
  });
});

/** A port nobody listens on right now (Socket Mode's /healthz cannot be asked for port 0's choice). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('in Socket Mode', CHILD_TEST, () => {
  it('connects over the WebSocket, acknowledges /liaison help and replies, with /healthz on PORT', async () => {
    const socket = await startFakeSocketMode();
    const slack = await startFakeSlack({
      socketModeUrl: socket.url,
      users: [{ id: 'U0BOB', locale: 'en-US' }],
    });
    const dataDir = await migratedDataDir('liaison-socket-');
    const port = await freePort();
    const child = startLiaison({
      SLACK_BOT_TOKEN: 'xoxb-socket-test',
      SLACK_APP_TOKEN: 'xapp-socket-test',
      SLACK_API_URL: slack.url,
      PORT: String(port),
      LIAISON_DATA_DIR: dataDir,
    });
    const { out, exited } = collect(child);
    try {
      await socket.connected(START_MS).catch((error: Error) => {
        throw new Error(`${error.message}; stderr: ${out.stderr}`);
      });
      const ackPayload = await socket.send('slash_commands', {
        token: 'x',
        team_id: slack.teamId,
        team_domain: slack.teamDomain,
        channel_id: 'C0GENERAL',
        channel_name: 'general',
        user_id: 'U0BOB',
        user_name: 'bob',
        command: COMMANDS.liaison,
        text: 'help',
        api_app_id: slack.appId,
        is_enterprise_install: 'false',
        response_url: slack.createResponseUrl({ channelId: 'C0GENERAL', userId: 'U0BOB' }),
        trigger_id: slack.createTriggerId({ userId: 'U0BOB' }),
      });
      expect(ackPayload).toEqual({});
      await slack.waitForCall('response_url', undefined, 30_000);
      expect(textOf(blockById(slack.ephemerals('U0BOB').at(-1)?.blocks, BLOCKS.help.header))).toBe(
        'Liaison — cross-department coordination',
      );
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited;
      await socket.close();
      await slack.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
