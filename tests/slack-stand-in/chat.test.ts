import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  fakeSlackClient,
  type SlackStandIn,
  type StoredMessage,
  startFakeSlack,
} from '../harness/fake-slack.js';

let slack: SlackStandIn;

beforeAll(async () => {
  slack = await startFakeSlack({
    users: [{ id: 'U1ALICE', realName: 'Alice Chen' }],
    channels: [{ id: 'C1OPS', name: 'ops', members: ['U1ALICE'] }],
  });
});
afterAll(() => slack.close());
beforeEach(() => slack.reset());

async function rawCall(method: string, init: RequestInit): Promise<Record<string, unknown>> {
  const response = await fetch(`${slack.url}${method}`, { method: 'POST', ...init });
  return (await response.json()) as Record<string, unknown>;
}

describe('chat.* against a real WebClient', () => {
  it('auth.test identifies the bot, team and app', async () => {
    const result = await fakeSlackClient(slack).auth.test();
    expect(result).toMatchObject({
      ok: true,
      team_id: 'T0LIAISON',
      user_id: slack.botUserId,
      bot_id: slack.botId,
    });
  });

  it('chat.postMessage puts the message in the channel with a unique, increasing ts', async () => {
    const client = fakeSlackClient(slack);
    const blocks = [
      { type: 'section', block_id: 'digest.summary', text: { type: 'mrkdwn', text: '*Weekly*' } },
    ];
    const first = await client.chat.postMessage({ channel: 'C1OPS', text: 'Weekly digest', blocks });
    const second = await client.chat.postMessage({ channel: 'C1OPS', text: 'again' });

    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.message).toMatchObject({
      text: 'Weekly digest',
      bot_id: slack.botId,
      user: slack.botUserId,
    });
    const stored = slack.messages('C1OPS');
    expect(stored.map((message) => message.text)).toEqual(['Weekly digest', 'again']);
    // Blocks arrive form-encoded as JSON and are stored decoded.
    expect(stored[0]?.blocks?.[0]).toMatchObject({ block_id: 'digest.summary' });
    expect(slack.callsTo('chat.postMessage')[0]?.args.blocks).toEqual(blocks);
  });

  it('accepts a channel name and a user id (posting to the DM)', async () => {
    const client = fakeSlackClient(slack);
    const byName = await client.chat.postMessage({ channel: '#ops', text: 'by name' });
    expect(byName.channel).toBe('C1OPS');
    const toUser = await client.chat.postMessage({ channel: 'U1ALICE', text: 'hi Alice' });
    expect(toUser.channel).toMatch(/^D/);
    expect(slack.dmChannelId('U1ALICE')).toBe(toUser.channel);
    expect(slack.messages(toUser.channel ?? '')).toHaveLength(1);
  });

  it('keeps thread replies and counts them on the parent', async () => {
    const client = fakeSlackClient(slack);
    const parent = await client.chat.postMessage({ channel: 'C1OPS', text: 'parent' });
    await client.chat.postMessage({ channel: 'C1OPS', text: 'reply', thread_ts: parent.ts });
    expect(slack.threadReplies('C1OPS', parent.ts ?? '').map((message) => message.text)).toEqual(['reply']);
    expect(slack.findMessage('C1OPS', parent.ts ?? '')?.reply_count).toBe(1);
  });

  it('answers Slack errors as ok:false that WebClient throws with data.error', async () => {
    const client = fakeSlackClient(slack);
    await expect(client.chat.postMessage({ channel: 'C404', text: 'x' })).rejects.toMatchObject({
      data: { ok: false, error: 'channel_not_found' },
    });
    await expect(client.chat.postMessage({ channel: 'C1OPS', text: '' })).rejects.toMatchObject({
      data: { error: 'no_text' },
    });
    const tooMany = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    await expect(
      client.chat.postMessage({ channel: 'C1OPS', text: 'x', blocks: tooMany }),
    ).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    expect(slack.callsTo('chat.postMessage', { ok: false })).toHaveLength(3);
  });

  it('rejects missing and invalid tokens, and unknown methods', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect(await rawCall('chat.postMessage', { headers: form, body: 'channel=C1OPS&text=x' })).toEqual({
      ok: false,
      error: 'not_authed',
    });
    expect(
      await rawCall('chat.postMessage', { headers: form, body: 'token=not-a-token&channel=C1OPS&text=x' }),
    ).toMatchObject({ error: 'invalid_auth' });
    expect(
      await rawCall('chat.teleport', { headers: { ...form, authorization: `Bearer ${slack.botToken}` } }),
    ).toEqual({ ok: false, error: 'unknown_method', req_method: 'chat.teleport' });
  });

  it('accepts JSON bodies with the token in the Authorization header only', async () => {
    const body = JSON.stringify({ channel: 'C1OPS', text: 'json', blocks: [{ type: 'divider' }] });
    const ok = await rawCall('chat.postMessage', {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        authorization: `Bearer ${slack.botToken}`,
      },
      body,
    });
    expect(ok).toMatchObject({ ok: true, channel: 'C1OPS' });
    const tokenInBody = await rawCall('chat.postMessage', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: slack.botToken, channel: 'C1OPS', text: 'x' }),
    });
    expect(tokenInBody).toMatchObject({ ok: false, error: 'not_authed' });
  });

  it('chat.postEphemeral is kept per user and channel', async () => {
    const client = fakeSlackClient(slack);
    const result = await client.chat.postEphemeral({ channel: 'C1OPS', user: 'U1ALICE', text: 'only you' });
    expect(result.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(slack.ephemerals('U1ALICE', 'C1OPS')).toMatchObject([
      { text: 'only you', source: 'chat.postEphemeral' },
    ]);
    expect(slack.messages('C1OPS')).toEqual([]);
    await expect(
      client.chat.postEphemeral({ channel: 'C1OPS', user: 'U404', text: 'x' }),
    ).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
  });

  it('chat.update edits and chat.delete removes, emitting change events', async () => {
    const client = fakeSlackClient(slack);
    const seen: string[] = [];
    const off = slack.on('message', (change) => seen.push(`${change.kind}:${change.message.text}`));
    const posted = await client.chat.postMessage({ channel: 'C1OPS', text: 'draft' });
    const updated = await client.chat.update({ channel: 'C1OPS', ts: posted.ts ?? '', text: 'final' });
    expect(updated).toMatchObject({ ok: true, ts: posted.ts, text: 'final' });
    expect(slack.findMessage('C1OPS', posted.ts ?? '')?.edited?.user).toBe(slack.botUserId);
    await client.chat.delete({ channel: 'C1OPS', ts: posted.ts ?? '' });
    expect(slack.messages('C1OPS')).toEqual([]);
    await expect(
      client.chat.update({ channel: 'C1OPS', ts: posted.ts ?? '', text: 'x' }),
    ).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
    off();
    expect(seen).toEqual(['posted:draft', 'updated:final', 'deleted:final']);
  });

  it('records every call in order and waits for one that has not happened yet', async () => {
    const client = fakeSlackClient(slack);
    const waiting = slack.waitForCall('chat.postMessage', (call) => call.args.text === 'later', 1_000);
    await client.chat.postMessage({ channel: 'C1OPS', text: 'sooner' });
    await client.chat.postMessage({ channel: 'C1OPS', text: 'later' });
    const call = await waiting;
    expect(call).toMatchObject({ method: 'chat.postMessage', status: 200, token: slack.botToken });
    const [first, second] = slack.calls();
    expect(first?.args.text).toBe('sooner');
    expect(second?.seq).toBeGreaterThan(first?.seq ?? Number.POSITIVE_INFINITY);
    await expect(slack.waitForCall('chat.delete', undefined, 50)).rejects.toThrow(
      /no matching chat.delete call/,
    );
    slack.clearCalls();
    expect(slack.calls()).toEqual([]);
  });

  it('postUserMessage lets a person start a thread the bot can reply in', async () => {
    const parent: StoredMessage = slack.postUserMessage({
      channelId: 'C1OPS',
      userId: 'U1ALICE',
      text: 'help?',
    });
    expect(parent.bot_id).toBeUndefined();
    await fakeSlackClient(slack).chat.postMessage({ channel: 'C1OPS', text: 'on it', thread_ts: parent.ts });
    expect(slack.threadReplies('C1OPS', parent.ts)).toHaveLength(1);
  });
});
