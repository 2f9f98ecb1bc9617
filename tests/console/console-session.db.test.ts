import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleReceiver } from '../../src/console/console-receiver.js';
import { ConsoleSession } from '../../src/console/console-session.js';
import { systemClock } from '../../src/modules/shared/clock.types.js';
import { DomainError } from '../../src/modules/shared/domain-error.types.js';
import { createSlackApp } from '../../src/slack/app.js';
import { buildSlackDeps } from '../../src/wiring/build-slack-deps.js';
import { type SlackStandIn, startFakeSlack } from '../harness/fake-slack.js';
import { DEMO_SLACK_USERS } from '../harness/liaison-under-test.js';
import { memoryLogger } from '../harness/memory-logger.js';
import { openTestDatabase, type TestDatabase } from '../harness/test-database.js';

/**
 * Modals and buttons at the console, on a probe feature registered on the real app: the
 * console must drive any listener the way Slack would (views.open with the trigger_id,
 * view_submission with state values, field errors, block_actions with a response_url).
 */
function registerProbe(app: App) {
  app.command('/probe', async ({ ack, body, client }) => {
    await ack();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal',
        callback_id: 'probe.modal',
        title: { type: 'plain_text', text: 'Probe' },
        submit: { type: 'plain_text', text: 'Save' },
        close: { type: 'plain_text', text: 'Cancel' },
        blocks: [
          {
            type: 'input',
            block_id: 'probe.title',
            label: { type: 'plain_text', text: 'Title' },
            element: { type: 'plain_text_input', action_id: 'value' },
          },
        ],
      },
    });
  });
  app.view('probe.modal', async ({ ack, view, body, client }) => {
    const title = view.state.values['probe.title']?.value?.value ?? '';
    if (title === 'bad') {
      throw new DomainError(
        'probe.bad',
        { key: 'errors.unknownSubcommand', params: { subcommand: title } },
        { field: 'probe.title' },
      );
    }
    await ack();
    await client.chat.postMessage({
      channel: 'C0GENERAL',
      text: `Saved ${title}`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `Saved *${title}* for <@${body.user.id}>` } },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'probe.done',
              text: { type: 'plain_text', text: 'Done' },
              value: 'd1',
            },
          ],
        },
      ],
    });
  });
  app.action('probe.done', async ({ ack, respond, body }) => {
    await ack();
    await respond({ replace_original: true, text: `Done by ${body.user.id}` });
  });
}

let db: TestDatabase;
let slack: SlackStandIn;
let session: ConsoleSession;
const printed: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  slack = await startFakeSlack({ users: DEMO_SLACK_USERS });
  const receiver = new ConsoleReceiver();
  const deps = buildSlackDeps({
    db,
    clock: systemClock,
    logger: memoryLogger().logger,
    llm: { mode: 'fallback' },
    defaults: { locale: 'en', timeZone: 'UTC' },
  });
  createSlackApp(deps, {
    receiver,
    botToken: slack.botToken,
    apiUrl: slack.url,
    bot: { botUserId: slack.botUserId, botId: slack.botId, teamId: slack.teamId, isEnterpriseInstall: false },
    extend: registerProbe,
  });
  const alex = { userId: 'U0DEMOALEX', userName: 'alex', realName: 'Alex Morgan', locale: 'en' as const };
  session = new ConsoleSession({
    standIn: slack,
    receiver,
    people: [alex],
    startAs: alex,
    channel: { id: 'C0GENERAL', name: 'general' },
    print: (text) => printed.push(text),
    downloadsDir: mkdtempSync(join(tmpdir(), 'console-session-files-')),
  });
  session.attach();
});

afterAll(async () => {
  await slack?.close();
  await db?.close();
});

async function type(line: string): Promise<string> {
  const from = printed.length;
  await session.handle(line);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return printed.slice(from).join('\n');
}

describe('console session', () => {
  it('opens a modal from a slash command and shows its fields numbered', async () => {
    const shown = await type('/probe');
    expect(shown).toContain('Probe');
    expect(shown).toMatch(/\[1\] Title/);
    expect(slack.currentModal('U0DEMOALEX')?.callback_id).toBe('probe.modal');
  });

  it('refuses to submit an empty required field, as Slack’s client does', async () => {
    expect(await type('submit')).toContain('Please complete this required field.');
    expect(slack.callsTo('views.open')).toHaveLength(1);
  });

  it('shows the app’s field error under the field and keeps the modal open', async () => {
    await type('set 1 bad');
    const shown = await type('submit');
    expect(shown).toContain('! I do not know `/liaison bad`');
    expect(shown).toMatch(/\[1\] Title/);
    expect(slack.currentModal('U0DEMOALEX')).toBeDefined();
  });

  it('submits good input, closes the modal and prints what the app posted', async () => {
    await type('set 1 good');
    const shown = await type('submit');
    expect(shown).toContain('(modal closed)');
    expect(shown).toContain('Saved good for @Alex Morgan');
    expect(slack.currentModal('U0DEMOALEX')).toBeUndefined();
  });

  it('presses a button in a message and shows the replaced message', async () => {
    const button = /\[(\d+)\] Done/.exec(printed.join('\n'))?.[1];
    expect(button).toBeDefined();
    await type(`press ${button}`);
    const message = slack.messages('C0GENERAL').at(-1);
    expect(message?.text).toBe('Done by U0DEMOALEX');
    expect(printed.at(-1)).toContain('Done by U0DEMOALEX');
  });
});
