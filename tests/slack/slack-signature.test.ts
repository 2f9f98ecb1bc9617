// Slack's request signature, checked without Bolt's tsscmp (src/slack/receivers/slack-signature.ts):
// the same answer as Bolt's isValidSlackRequest on every case, and the raw bytes hashed as sent.
import { createHmac } from 'node:crypto';
import { isValidSlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { hasValidSlackSignature } from '../../src/slack/receivers/slack-signature.js';

const SECRET = 'signing-secret-for-tests';
const NOW_MS = Date.parse('2026-12-07T08:00:00Z');
const NOW_S = NOW_MS / 1000;

function sign(body: Buffer | string, timestamp: number, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
}

const body = Buffer.from('token=x&team_id=T0DEMO&command=%2Fliaison&text=help&user_id=U0ALICE');

const cases: { name: string; signature: string; timestamp: number; valid: boolean }[] = [
  { name: 'signed now', signature: sign(body, NOW_S), timestamp: NOW_S, valid: true },
  { name: 'signed 4 minutes ago', signature: sign(body, NOW_S - 240), timestamp: NOW_S - 240, valid: true },
  {
    name: 'signed 6 minutes ago (replay)',
    signature: sign(body, NOW_S - 360),
    timestamp: NOW_S - 360,
    valid: false,
  },
  { name: 'another secret', signature: sign(body, NOW_S, 'not-ours'), timestamp: NOW_S, valid: false },
  { name: 'another timestamp than signed', signature: sign(body, NOW_S - 1), timestamp: NOW_S, valid: false },
  { name: 'another body than signed', signature: sign('text=admin', NOW_S), timestamp: NOW_S, valid: false },
  {
    name: 'unknown version',
    signature: sign(body, NOW_S).replace('v0=', 'v1='),
    timestamp: NOW_S,
    valid: false,
  },
  { name: 'truncated hash', signature: sign(body, NOW_S).slice(0, 40), timestamp: NOW_S, valid: false },
  { name: 'not hex', signature: `v0=${'z'.repeat(64)}`, timestamp: NOW_S, valid: false },
  { name: 'empty', signature: '', timestamp: NOW_S, valid: false },
];

describe('a Slack request signature', () => {
  it.each(cases)('$name: valid = $valid, as Bolt says', ({ signature, timestamp, valid }) => {
    const ours = hasValidSlackSignature({
      signingSecret: SECRET,
      rawBody: body,
      signature,
      timestampSeconds: timestamp,
      nowMilliseconds: NOW_MS,
    });
    const bolts = isValidSlackRequest({
      signingSecret: SECRET,
      body: body.toString(),
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      nowMilliseconds: NOW_MS,
    });
    expect(ours).toBe(valid);
    expect(bolts).toBe(valid);
  });

  it('hashes the bytes as sent, so a body that is not valid UTF-8 still verifies', () => {
    const raw = Buffer.concat([
      Buffer.from('text='),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('&user_id=U0ALICE'),
    ]);
    expect(
      hasValidSlackSignature({
        signingSecret: SECRET,
        rawBody: raw,
        signature: sign(raw, NOW_S),
        timestampSeconds: NOW_S,
        nowMilliseconds: NOW_MS,
      }),
    ).toBe(true);
  });

  it('refuses everything when no signing secret is set', () => {
    expect(
      hasValidSlackSignature({
        signingSecret: '',
        rawBody: body,
        signature: sign(body, NOW_S, ''),
        timestampSeconds: NOW_S,
        nowMilliseconds: NOW_MS,
      }),
    ).toBe(false);
  });
});
