import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPrismaRepository } from '../../src/modules/demo/demo.prisma-repository.js';
import { ensureDemoWorkspace } from '../../src/modules/demo/demo.service.js';
import {
  COMMANDS,
  ESCALATION_ACTIONS,
  ESCALATION_RAISE_FIELDS,
  ESCALATION_RAISE_VIEW,
} from '../../src/slack/ids.js';
import { ESCALATION_CARD_BLOCKS } from '../../src/slack/views/escalation-card.view.js';
import { isCardOf } from '../harness/escalation-card.js';
import { connectDriver, type SlackStandIn, startFakeSlack } from '../harness/fake-slack.js';
import { DEMO_SLACK_USERS } from '../harness/liaison-under-test.js';
import type { SlackDriver } from '../harness/slack-driver.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';

// Two replicas of Liaison (two processes, `npm start`'s entry point) on one PostgreSQL and one
// Slack. An escalation raised on one while the other handles a change of it (or runs its
// sweep) must still get exactly one card per department channel. PGlite cannot be shared by
// two processes: this runs on PostgreSQL only (`npm run test:postgres`).

const SIGNING_SECRET = 'replica-test-signing-secret';
const LIVE_OPS_CHANNEL = 'C0LIVEOPS';
const TECH_CHANNEL = 'C0TECH';
const RUNS = 3;
/** Generous: on a busy machine a cold start takes long; the test waits for what it needs, not for these. */
const START_MS = 120_000;
const SETTLE_MS = 20_000;
/** Slack answers chat.postMessage this slowly: the window in which the other replica acts. */
const POST_DELAY_MS = 1_500;

interface Replica {
  child: ChildProcessWithoutNullStreams;
  driver: SlackDriver;
  output: () => string;
  exited: Promise<number | null>;
}

function startReplica(slack: SlackStandIn, databaseUrl: string): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      LIAISON_DB_POOL_MAX: '4',
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      PORT: '0',
    },
  });
  // Keep the tail of the output (for a failure's message), and keep the pipes flowing.
  let output = '';
  const keep = (chunk: unknown) => {
    output = (output + String(chunk)).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a replica did not start:\n${output}`)), START_MS);
    const onData = (chunk: unknown) => {
      const line = String(chunk)
        .split('\n')
        .find((l) => l.includes('listening for Slack'));
      if (!line) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const { port } = JSON.parse(line) as { port: number };
      resolve({
        child,
        driver: connectDriver(slack, { baseUrl: `http://127.0.0.1:${port}`, signingSecret: SIGNING_SECRET }),
        output: () => output,
        exited,
      });
    };
    child.stdout.on('data', onData);
    void exited.then((code) => reject(new Error(`a replica exited (${code}):\n${output}`)));
  });
}

async function waitUntil<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!process.env.LIAISON_TEST_DATABASE_URL)('two replicas posting escalation cards', () => {
  let db: TestDatabase;
  let slack: SlackStandIn;
  const replicas: Replica[] = [];
  let workspaceId = '';

  beforeAll(async () => {
    db = await openTestDatabase();
    slack = await startFakeSlack({ users: DEMO_SLACK_USERS });
    await ensureDemoWorkspace({
      repo: createDemoPrismaRepository(db.prisma),
      defaults: { locale: 'en', timeZone: 'UTC' },
    });
    workspaceId = (await db.prisma.workspace.findFirstOrThrow({ where: { isDemo: true } })).id;
    slack.addChannel({ id: LIVE_OPS_CHANNEL, name: 'live-ops' });
    slack.addChannel({ id: TECH_CHANNEL, name: 'tech' });
    await db.prisma.department.updateMany({
      where: { workspaceId, key: 'live-ops' },
      data: { slackChannelId: LIVE_OPS_CHANNEL },
    });
    await db.prisma.department.updateMany({
      where: { workspaceId, key: 'tech' },
      data: { slackChannelId: TECH_CHANNEL },
    });
    replicas.push(
      ...(await Promise.all([startReplica(slack, db.url ?? ''), startReplica(slack, db.url ?? '')])),
    );
    // A first request costs a cold process seconds (loading code, meeting the person): done
    // here, so the race below is between warm replicas, as in production.
    for (const replica of replicas)
      for (const userId of ['U0DEMOLIN', 'U0DEMOALEX']) {
        slack.clearCalls();
        await replica.driver.slashCommand({
          command: COMMANDS.liaison,
          text: 'whoami',
          userId,
          channelId: 'C0GENERAL',
        });
        await slack.waitForCall('response_url', undefined, SETTLE_MS);
      }
  }, START_MS + 60_000);

  afterAll(async () => {
    for (const replica of replicas) replica.child.kill('SIGTERM');
    await Promise.all(replicas.map((replica) => replica.exited));
    await slack?.close();
    await db?.close();
  }, 30_000);

  const departmentId = async (key: string) =>
    (await db.prisma.department.findFirstOrThrow({ where: { workspaceId, key }, select: { id: true } })).id;
  const cardsIn = (channel: string, number: number) =>
    slack.messages(channel).filter((m) => isCardOf(m.text, number));

  it('raised on one replica while the other acknowledges it: one card per department channel, every run', async () => {
    const [raiser, other] = replicas as [Replica, Replica];
    const F = ESCALATION_RAISE_FIELDS;
    const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
    for (let run = 1; run <= RUNS; run++) {
      const title = `Replica race ${run}`;
      // The raise modal as Slack sends it back (opening it is not what this test is about,
      // and a trigger_id expires after 3 s on a busy machine).
      const modal = {
        id: `V0RACE${run}${Date.now()}`,
        team_id: slack.teamId,
        type: 'modal',
        callback_id: ESCALATION_RAISE_VIEW,
        private_metadata: JSON.stringify({ c: 'C0GENERAL' }),
        hash: `${Math.floor(Date.now() / 1000)}.race${run}`,
        app_id: slack.appId,
        bot_id: slack.botId,
      };
      // From now on Slack is slow to post: the raiser's card is in flight for a while.
      for (let i = 0; i < 20; i++) slack.failNext('chat.postMessage', { delayMs: POST_DELAY_MS });
      const raised = await raiser.driver.viewSubmission({
        userId: 'U0DEMOLIN',
        view: modal,
        values: {
          [F.title]: text(title),
          [F.blocked]: text('The live stream cannot feature the new stock.'),
          [F.raiserDepartment]: {
            value: { type: 'static_select', selected_option: { value: await departmentId('live-ops') } },
          },
          [F.counterparts]: {
            value: {
              type: 'multi_static_select',
              selected_options: [{ value: await departmentId('tech') }],
            },
          },
          [F.impact]: text('Lost sales.'),
          [F.decisionNeeded]: text('Which stock to feature?'),
          [F.options]: text('Old stock\nDelay the stream'),
        },
      });
      // 200, or 404 when a busy machine kept the answer past Slack's 3 s: the raise happens either way.
      expect([200, 404], raiser.output().slice(-4_000)).toContain(raised.status);
      const esc = await waitUntil(
        async () => (await db.prisma.escalation.findFirst({ where: { workspaceId, title } })) ?? undefined,
        `${title} to be raised`,
      );
      // The other replica changes the escalation at once: its refresh finds the card without a ts.
      const acknowledged = await other.driver.blockActions({
        userId: 'U0DEMOALEX',
        channelId: TECH_CHANNEL,
        message: { ts: '1700000000.000100', text: `ESC-${esc.number}` },
        actions: [
          {
            action_id: ESCALATION_ACTIONS.acknowledge,
            block_id: ESCALATION_CARD_BLOCKS.actions,
            value: String(esc.number),
          },
        ],
      });
      expect([200, 404]).toContain(acknowledged.status);

      await waitUntil(
        async () => {
          const rows = await db.prisma.escalationDepartment.findMany({ where: { escalationId: esc.id } });
          return rows.length === 2 && rows.every((r) => r.cardTs !== null && r.cardPostingSince === null)
            ? rows
            : undefined;
        },
        `the cards of ${title} (${raiser.output().slice(-2_000)})`,
      );
      // Long enough for a second post already sent to Slack to land.
      await new Promise((resolve) => setTimeout(resolve, POST_DELAY_MS + 1_000));
      expect({
        run,
        liveOps: cardsIn(LIVE_OPS_CHANNEL, esc.number).length,
        tech: cardsIn(TECH_CHANNEL, esc.number).length,
      }).toEqual({ run, liveOps: 1, tech: 1 });
    }
  }, 120_000);
});
