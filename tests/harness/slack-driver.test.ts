import type { AddressInfo } from 'node:net';
import { App, LogLevel, verifySlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectDriver, type SlackStandIn, startFakeSlack } from './fake-slack.js';
import { type SlackDriver, signSlackRequest } from './slack-driver.js';

const SIGNING_SECRET = 'driver-test-signing-secret';

describe('signSlackRequest', () => {
  it('produces headers Bolt’s verifySlackRequest accepts, and rejects a changed body', () => {
    const body = 'token=x&command=%2Fliaison&text=help';
    const ts = Math.floor(Date.now() / 1000);
    const headers = signSlackRequest(SIGNING_SECRET, body, ts);
    const verify = (rawBody: string) =>
      verifySlackRequest({
        signingSecret: SIGNING_SECRET,
        body: rawBody,
        headers: {
          'x-slack-signature': headers['x-slack-signature'],
          'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
        },
      });
    expect(() => verify(body)).not.toThrow();
    expect(() => verify(`${body}!`)).toThrow(/signature mismatch/);
  });
});

describe('the driver against a real Bolt App wired to the stand-in', () => {
  let slack: SlackStandIn;
  let app: App;
  let driver: SlackDriver;
  const seenEvents: Array<{ text: unknown; retryNum: unknown; retryReason: unknown }> = [];
  const seenActions: string[] = [];

  const meetingModal = {
    type: 'modal' as const,
    callback_id: 'meeting.create',
    title: { type: 'plain_text' as const, text: 'New meeting' },
    submit: { type: 'plain_text' as const, text: 'Create' },
    blocks: [
      {
        type: 'input' as const,
        block_id: 'meeting.title',
        label: { type: 'plain_text' as const, text: 'Title' },
        element: { type: 'plain_text_input' as const, action_id: 'value' },
      },
    ],
  };

  beforeAll(async () => {
    slack = await startFakeSlack({ users: [{ id: 'U1ALICE', realName: 'Alice' }] });
    app = new App({
      signingSecret: SIGNING_SECRET,
      token: slack.botToken,
      clientOptions: { slackApiUrl: slack.url },
      logLevel: LogLevel.ERROR,
    });
    app.command('/liaison', async ({ ack, respond, client, body }) => {
      await ack();
      if (body.text === 'new') await client.views.open({ trigger_id: body.trigger_id, view: meetingModal });
      await respond({ text: `You said: ${body.text}` });
    });
    app.action('digest.ack', async ({ ack, respond, action }) => {
      await ack();
      seenActions.push('value' in action ? String(action.value) : '');
      await respond({ replace_original: true, text: 'Acknowledged' });
    });
    app.view('meeting.create', async ({ ack, view }) => {
      const title = view.state.values['meeting.title']?.value?.value;
      if (!title) {
        await ack({ response_action: 'errors', errors: { 'meeting.title': 'A title is needed' } });
        return;
      }
      await ack();
    });
    app.event('app_mention', async ({ event, context }) => {
      seenEvents.push({ text: event.text, retryNum: context.retryNum, retryReason: context.retryReason });
    });
    const server = await app.start(0);
    const { port } = server.address() as AddressInfo;
    driver = connectDriver(slack, { baseUrl: `http://127.0.0.1:${port}`, signingSecret: SIGNING_SECRET });
  });
  afterAll(async () => {
    await app.stop();
    await slack.close();
  });
  beforeEach(() => {
    seenEvents.length = 0;
  });

  it('a slash command is acknowledged and respond() lands as the user’s ephemeral', async () => {
    const result = await driver.slashCommand({
      command: '/liaison',
      text: 'help me',
      userId: 'U1ALICE',
      channelId: 'C0GENERAL',
    });
    expect(result.status).toBe(200);
    await slack.waitForCall('response_url');
    expect(slack.ephemerals('U1ALICE', 'C0GENERAL').map((message) => message.text)).toContain(
      'You said: help me',
    );
  });

  it('views.open with the command’s trigger_id opens a modal; a submission ack with errors is shown', async () => {
    await driver.slashCommand({
      command: '/liaison',
      text: 'new',
      userId: 'U1ALICE',
      channelId: 'C0GENERAL',
    });
    await slack.waitForCall('views.open', (call) => call.status === 200);
    const view = slack.currentModal('U1ALICE');
    expect(view?.callback_id).toBe('meeting.create');
    if (!view) throw new Error('modal expected');

    const empty = await driver.viewSubmission({
      userId: 'U1ALICE',
      view,
      values: { 'meeting.title': { value: { type: 'plain_text_input', value: null } } },
    });
    expect(empty.json).toEqual({
      response_action: 'errors',
      errors: { 'meeting.title': 'A title is needed' },
    });
    slack.applyViewResponse('U1ALICE', empty.json);
    expect(slack.currentModal('U1ALICE')?.errors).toEqual({ 'meeting.title': 'A title is needed' });

    const filled = await driver.viewSubmission({
      userId: 'U1ALICE',
      view,
      values: { 'meeting.title': { value: { type: 'plain_text_input', value: 'Q3 sync' } } },
    });
    expect(filled.status).toBe(200);
    slack.applyViewResponse('U1ALICE', filled.json);
    expect(slack.modalStack('U1ALICE')).toEqual([]);
  });

  it('a button click reaches the action listener and replace_original edits the message', async () => {
    const posted = await app.client.chat.postMessage({ channel: 'C0GENERAL', text: 'Digest ready' });
    const message = slack.findMessage('C0GENERAL', posted.ts ?? '');
    if (!message) throw new Error('message expected');
    const result = await driver.blockActions({
      userId: 'U1ALICE',
      channelId: 'C0GENERAL',
      message,
      actions: [{ action_id: 'digest.ack', block_id: 'digest.actions', value: 'week-47' }],
    });
    expect(result.status).toBe(200);
    await slack.waitForCall('response_url', (call) => call.args.replace_original === true);
    expect(seenActions).toContain('week-47');
    expect(slack.findMessage('C0GENERAL', message.ts)?.text).toBe('Acknowledged');
  });

  it('events carry the envelope and retry headers Bolt exposes as context.retryNum', async () => {
    const event = {
      type: 'app_mention',
      user: 'U1ALICE',
      text: '<@U0LIAISONBOT> hi',
      ts: '1.000001',
      channel: 'C0GENERAL',
      event_ts: '1.000001',
    };
    const first = await driver.event({ event, eventId: 'Ev0001' });
    const retry = await driver.event({ event, eventId: 'Ev0001', retryNum: 1, retryReason: 'http_timeout' });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await expect.poll(() => seenEvents.length).toBe(2);
    expect(seenEvents[1]).toMatchObject({ retryNum: 1, retryReason: 'http_timeout' });
  });

  it('url_verification is answered with the challenge', async () => {
    const result = await driver.urlVerification({ challenge: 'abc123' });
    expect(result.json).toEqual({ challenge: 'abc123' });
  });

  it('tampered requests are refused with 401; a future timestamp is accepted as Bolt does', async () => {
    const command = { command: '/liaison', text: 'x', userId: 'U1ALICE', channelId: 'C0GENERAL' };
    const refused = await Promise.all([
      driver.slashCommand({ ...command, tamper: { omitSignature: true } }),
      driver.slashCommand({ ...command, tamper: { signingSecret: 'wrong-secret' } }),
      driver.slashCommand({ ...command, tamper: { mutateBody: (body) => body.replace('text=x', 'text=y') } }),
      driver.slashCommand({ ...command, tamper: { timestampOffsetSec: -6 * 60 } }),
    ]);
    expect(refused.map((response) => response.status)).toEqual([401, 401, 401, 401]);
    slack.clearCalls();
    const future = await driver.slashCommand({ ...command, tamper: { timestampOffsetSec: 6 * 60 } });
    expect(future.status).toBe(200);
    // Let the listener's respond() finish before the stand-in shuts down.
    await slack.waitForCall('response_url');
  });
});
