import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeSlackClient, type SlackStandIn, startFakeSlack } from '../harness/fake-slack.js';

let slack: SlackStandIn;

beforeAll(async () => {
  slack = await startFakeSlack({ users: [{ id: 'U1ALICE' }] });
});
afterAll(() => slack.close());
beforeEach(() => slack.reset());

/** Exactly what Bolt's respond() sends: a JSON POST. */
async function respond(
  url: string,
  body: Record<string, unknown>,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe('response_url', () => {
  it('is ephemeral by default and in_channel on request', async () => {
    const url = slack.createResponseUrl({ channelId: 'C0GENERAL', userId: 'U1ALICE' });
    expect(url).toMatch(new RegExp(`^${slack.origin}/response/`));
    expect(await respond(url, { text: 'just you' })).toEqual({ status: 200, json: { ok: true } });
    await respond(url, { response_type: 'in_channel', text: 'everyone' });
    expect(slack.ephemerals('U1ALICE', 'C0GENERAL')).toMatchObject([
      { text: 'just you', source: 'response_url' },
    ]);
    expect(slack.messages('C0GENERAL')).toMatchObject([{ text: 'everyone', bot_id: slack.botId }]);
    expect(slack.callsTo('response_url').map((call) => call.args.text)).toEqual(['just you', 'everyone']);
  });

  it('replace_original after a command replaces the earlier ephemeral reply', async () => {
    const url = slack.createResponseUrl({ channelId: 'C0GENERAL', userId: 'U1ALICE' });
    await respond(url, { text: 'Working on it…' });
    await respond(url, { replace_original: true, text: 'Done', blocks: [{ type: 'divider' }] });
    expect(slack.ephemerals('U1ALICE')).toMatchObject([{ text: 'Done', blocks: [{ type: 'divider' }] }]);
  });

  it('replace_original and delete_original act on the message a button sat on', async () => {
    const posted = await fakeSlackClient(slack).chat.postMessage({
      channel: 'C0GENERAL',
      text: 'Approve?',
      blocks: [{ type: 'actions', block_id: 'approval', elements: [] }],
    });
    const url = slack.createResponseUrl({ channelId: 'C0GENERAL', userId: 'U1ALICE', messageTs: posted.ts });
    await respond(url, { replace_original: true, text: 'Approved by Alice' });
    // Replacing is wholesale, unlike chat.update: the old blocks are gone.
    expect(slack.findMessage('C0GENERAL', posted.ts ?? '')).toMatchObject({ text: 'Approved by Alice' });
    expect(slack.findMessage('C0GENERAL', posted.ts ?? '')?.blocks).toBeUndefined();
    await respond(url, { delete_original: true });
    expect(slack.messages('C0GENERAL')).toEqual([]);
  });

  it('accepts five posts, then answers 404 like an exhausted Slack URL', async () => {
    const url = slack.createResponseUrl({ channelId: 'C0GENERAL', userId: 'U1ALICE' });
    for (let i = 0; i < 5; i += 1) expect((await respond(url, { text: `#${i}` })).status).toBe(200);
    expect(await respond(url, { text: 'sixth' })).toEqual({
      status: 404,
      json: { ok: false, error: 'used_url' },
    });
    expect((await respond(`${slack.origin}/response/nope`, { text: 'x' })).status).toBe(404);
  });
});
