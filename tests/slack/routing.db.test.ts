import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleReceiver } from '../../src/console/console-receiver.js';
import { createLlmClient } from '../../src/llm/index.js';
import { systemClock } from '../../src/modules/shared/clock.types.js';
import { createSlackApp } from '../../src/slack/app.js';
import { BLOCKS } from '../../src/slack/ids.js';
import { buildSlackDeps } from '../../src/wiring/build-slack-deps.js';
import { blockById, textOf } from '../harness/blocks.js';
import { type SlackStandIn, startFakeSlack } from '../harness/fake-slack.js';
import { DEMO_SLACK_USERS } from '../harness/liaison-under-test.js';
import { memoryLogger } from '../harness/memory-logger.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';

/**
 * Routing: payloads pushed straight into Bolt's processEvent through a receiver with no
 * HTTP (the one the local console uses) reach the right listener and only that one.
 */
let db: TestDatabase;
let slack: SlackStandIn;
const receiver = new ConsoleReceiver();

beforeAll(async () => {
  db = await openTestDatabase();
  slack = await startFakeSlack({ users: DEMO_SLACK_USERS });
  const deps = buildSlackDeps({
    db,
    clock: systemClock,
    logger: memoryLogger().logger,
    // A configured model (never called here): help names it.
    llm: createLlmClient({
      apiKey: 'sk-test',
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'test-model',
      logger: memoryLogger().logger,
    }),
    defaults: { locale: 'en', timeZone: 'UTC' },
  });
  createSlackApp(deps, {
    receiver,
    botToken: slack.botToken,
    apiUrl: slack.url,
    bot: { botUserId: slack.botUserId, botId: slack.botId, teamId: slack.teamId, isEnterpriseInstall: false },
  });
});

afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const command = (text: string, userId = 'U0DEMOALEX') => ({
  token: 'x',
  team_id: slack.teamId,
  team_domain: slack.teamDomain,
  channel_id: 'C0GENERAL',
  channel_name: 'general',
  user_id: userId,
  user_name: 'alex',
  command: '/liaison',
  text,
  api_app_id: slack.appId,
  is_enterprise_install: 'false',
  response_url: slack.createResponseUrl({ channelId: 'C0GENERAL', userId }),
  trigger_id: slack.createTriggerId({ userId }),
});

/** A command through the receiver, its acknowledgement shown as Slack (and the console) shows it. */
async function send(body: ReturnType<typeof command>): Promise<void> {
  slack.applyCommandResponse(body.response_url, await receiver.dispatch(body));
}

describe('routing', () => {
  it('sends /liaison help to the help listener, which names the configured model', async () => {
    slack.reset();
    await send(command('help'));
    const reply = slack.ephemerals('U0DEMOALEX').at(-1);
    expect(textOf(blockById(reply?.blocks, BLOCKS.help.llm))).toContain('test-model');
    expect(slack.callsTo('views.publish')).toEqual([]);
  });

  it('opens help with one line per feature that exists, in feature order', async () => {
    slack.reset();
    await send(command('help'));
    const intro = textOf(blockById(slack.ephemerals('U0DEMOALEX').at(-1)?.blocks, BLOCKS.help.intro));
    expect(intro.split('\n')).toEqual([
      'Liaison keeps departments working as one, right here in Slack:',
      '• Departments, their leads and channels, set up by hand or from a CSV',
      '• Working hours, holidays and absences, so deadlines count only working time',
      '• Notifications that respect your quiet hours and daily limit, with mutes and snoozes',
      '• Action items with an owner and a due date, with reminders before and after',
      expect.stringMatching(/^• Escalations between departments: raised from any message/),
      '• A weekly or daily digest for executives, heads and leads: escalations waiting, breached and decided, overdue action items, and a risk summary citing each item',
      '• OKRs: company and department objectives with key results, check-ins by DM, wrap-ups and quarterly review',
      '• Escalation summaries that cite their sources, written by a language model when one is configured, by rules otherwise',
      '• KPIs: values by command, CSV or HTTP API, status against targets, charts, and KPI health on Home',
      '• Recurring joint meetings of several departments: agenda items collected by DM, the agenda with a pre-read, decisions and action items recorded from it, minutes',
      '• An export of what Liaison keeps, for you or (admins) the whole workspace',
    ]);
  });

  it('sends /liaison whoami to the whoami listener', async () => {
    slack.reset();
    await send(command('WHOAMI'));
    expect(blockById(slack.ephemerals('U0DEMOALEX').at(-1)?.blocks, BLOCKS.whoami.settings)).toBeDefined();
  });

  it('sends app_home_opened on the home tab to the Home listener, and ignores the messages tab', async () => {
    slack.reset();
    const envelope = (tab: string, eventId: string) => ({
      token: 'x',
      team_id: slack.teamId,
      api_app_id: slack.appId,
      type: 'event_callback',
      event_id: eventId,
      event_time: 1_764_000_000,
      event: { type: 'app_home_opened', user: 'U0DEMOALEX', channel: 'D1', tab, event_ts: '1764000000.1' },
    });
    await receiver.dispatch(envelope('messages', 'EvROUTE1'));
    expect(slack.callsTo('views.publish')).toEqual([]);
    await receiver.dispatch(envelope('home', 'EvROUTE2'));
    expect(slack.callsTo('views.publish')).toHaveLength(1);
  });

  it('runs no listener for a command or action Liaison does not own', async () => {
    slack.reset();
    await receiver.dispatch({ ...command('help'), command: '/someone-else' });
    await receiver.dispatch({
      type: 'block_actions',
      user: { id: 'U0DEMOALEX' },
      team: { id: slack.teamId },
      api_app_id: slack.appId,
      actions: [{ type: 'button', action_id: 'unknown.action', block_id: 'b', action_ts: '1.2' }],
      container: { type: 'message' },
      trigger_id: 't',
    });
    expect(slack.calls()).toEqual([]);
  });

  it('answers a command from another workspace with a notice in the acknowledgement, and runs nothing', async () => {
    slack.reset();
    const acked = await receiver.dispatch({ ...command('setup demo'), team_id: 'T0FOREIGN' });
    expect(acked).toEqual({
      response_type: 'ephemeral',
      text: 'Liaison is not installed in this workspace, so nothing was done. Ask whoever runs Liaison to install it here.',
    });
    expect(slack.calls()).toEqual([]);
    expect(await db.prisma.workspace.count({ where: { slackTeamId: 'T0FOREIGN' } })).toBe(0);
  });
});
