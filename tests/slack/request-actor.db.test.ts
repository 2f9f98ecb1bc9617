import type { App } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ACTION_ITEM_ACTIONS,
  COMMANDS,
  DEPARTMENT_FIELDS,
  DEPARTMENT_VIEWS,
  ESCALATION_STEP_FIELDS,
  ESCALATION_STEP_VIEWS,
  NOTIFICATION_ACTIONS,
} from '../../src/slack/ids.js';
import type { CommandArgs } from '../../src/slack/listener-args.types.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

/**
 * Who acts is resolved once per request by a middleware (`context.actor()`), after the
 * listener's ack; and what Slack hands back (private_metadata, button values) is read by
 * one helper that answers malformed input politely where the person is.
 */

/** A listener that asks for the actor three times, twice at once, as helpers of one request might. */
function registerProbe(app: App) {
  app.command('/probe', async ({ ack, context, respond }: CommandArgs) => {
    await ack();
    const [first, second] = await Promise.all([context.actor(), context.actor()]);
    const third = await context.actor();
    const same = first === second && second === third;
    await respond({
      response_type: 'ephemeral',
      text: `${same ? 'one actor' : 'several actors'}: ${third.person.slackUserId} ${third.locale} admin=${third.subject.isAdmin}`,
    });
  });
}

const file = liaisonForThisFile({ seedDemo: true, extend: registerProbe });
const slack = () => file.liaison.slack;
const deps = () => file.liaison.deps;

function countLookups() {
  return {
    workspaces: vi.spyOn(deps().workspaces, 'forTeam'),
    people: vi.spyOn(deps().people, 'identify'),
    subjects: vi.spyOn(deps().authorization, 'subjectOf'),
  };
}

async function command(userId: string, name: string, text = '') {
  slack().reset();
  const sent = await file.liaison.driver.slashCommand({
    command: name,
    text,
    userId,
    channelId: 'C0GENERAL',
  });
  await slack().waitForCall('response_url', undefined, 10_000);
  return { sent, reply: slack().ephemerals(userId, 'C0GENERAL').at(-1)?.text ?? '' };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('one actor per request', () => {
  it('resolves the workspace, the person and their roles once, however often a listener asks', async () => {
    const lookups = countLookups();
    const { reply } = await command('U0DEMOLIN', '/probe');
    expect(reply).toBe('one actor: U0DEMOLIN zh-CN admin=true');
    expect(lookups.workspaces).toHaveBeenCalledTimes(1);
    expect(lookups.people).toHaveBeenCalledTimes(1);
    expect(lookups.subjects).toHaveBeenCalledTimes(1);

    // The next request is someone else's: resolved again, not remembered from the last one.
    expect((await command('U0DEMOALEX', '/probe')).reply).toBe('one actor: U0DEMOALEX en admin=false');
    expect(lookups.people).toHaveBeenCalledTimes(2);
  });

  it('looks the person up once for a real command, roles included (`/escalate list`)', async () => {
    const lookups = countLookups();
    await command('U0DEMOALEX', COMMANDS.escalate, 'list');
    expect(lookups.workspaces).toHaveBeenCalledTimes(1);
    expect(lookups.people).toHaveBeenCalledTimes(1);
    expect(lookups.subjects).toHaveBeenCalledTimes(1);
  });

  it('acknowledges before asking Slack who an unknown person is', async () => {
    slack().reset();
    slack().addUser({ id: 'U0SLOWPOKE', name: 'slowpoke', realName: 'Slow Poke', tz: 'Europe/Paris' });
    // users.info answers only after 5 s; the acknowledgement must not wait for it.
    slack().failNext('users.info', { delayMs: 5_000 });
    const sent = await file.liaison.driver.slashCommand({
      command: COMMANDS.liaison,
      text: 'whoami',
      userId: 'U0SLOWPOKE',
      channelId: 'C0GENERAL',
    });
    expect(sent.status).toBe(200);
    expect(slack().callsTo('users.info')).toEqual([]);
    await slack().waitForCall('response_url', undefined, 15_000);
    expect(
      slack()
        .callsTo('users.info')
        .map((call) => call.args.user),
    ).toEqual(['U0SLOWPOKE']);
    expect(slack().ephemerals('U0SLOWPOKE', 'C0GENERAL').at(-1)?.text).toBeDefined();
  });
});

describe('malformed metadata is answered politely, in the person’s language', () => {
  async function submit(userId: string, view: { callback_id: string; block: string; metadata: string }) {
    const response = await file.liaison.driver.viewSubmission({
      userId,
      view: {
        id: 'V0FORGED',
        type: 'modal',
        callback_id: view.callback_id,
        blocks: [
          { type: 'input', block_id: view.block, element: { type: 'plain_text_input', action_id: 'value' } },
        ],
        private_metadata: view.metadata,
      },
      values: {},
    });
    expect(response.status).toBe(200);
    return response.json;
  }

  it('keeps a department modal open with an error when its metadata is not JSON', async () => {
    expect(
      await submit('U0DEMOLIN', {
        callback_id: DEPARTMENT_VIEWS.manage,
        block: DEPARTMENT_FIELDS.key,
        metadata: 'not json',
      }),
    ).toEqual({
      response_action: 'errors',
      errors: { [DEPARTMENT_FIELDS.key]: 'Liaison 无法读取此表单。请关闭后重新打开。' },
    });
  });

  it('keeps an escalation step modal open with an error when its metadata is missing', async () => {
    expect(
      await submit('U0DEMOALEX', {
        callback_id: ESCALATION_STEP_VIEWS.propose,
        block: ESCALATION_STEP_FIELDS.proposal,
        metadata: '',
      }),
    ).toEqual({
      response_action: 'errors',
      errors: {
        [ESCALATION_STEP_FIELDS.proposal]: 'That button is out of date. Use the escalation’s latest card.',
      },
    });
  });

  async function press(userId: string, action: Record<string, unknown> & { action_id: string }) {
    slack().reset();
    await file.liaison.driver.blockActions({
      userId,
      channelId: 'C0GENERAL',
      message: { ts: '1700000000.000100' },
      actions: [{ block_id: 'forged', ...action }],
    });
    await slack().waitForCall('response_url', (call) => call.args.response_type === 'ephemeral', 10_000);
    return slack().ephemerals(userId, 'C0GENERAL').at(-1)?.text ?? '';
  }

  it('answers a re-date menu whose value is not what Liaison sent, privately', async () => {
    const before = await file.db.prisma.auditEvent.count();
    const reply = await press('U0DEMOLIN', {
      type: 'overflow',
      action_id: ACTION_ITEM_ACTIONS.redate,
      selected_option: { text: { type: 'plain_text', text: '+3' }, value: '{"i":"not-an-id","d":3' },
    });
    expect(reply).toContain('该按钮已失效，请使用 `/liaison actions`。');
    expect(await file.db.prisma.auditEvent.count()).toBe(before);
  });

  it('answers a notification button whose value is unreadable, privately', async () => {
    const reply = await press('U0DEMOALEX', { action_id: NOTIFICATION_ACTIONS.snoozeHour, value: '{"k":' });
    expect(reply).toContain('I cannot find that notification any more.');
    expect(await file.db.prisma.notificationSnooze.count()).toBe(0);
  });
});
