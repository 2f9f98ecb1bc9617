import { describe, expect, it } from 'vitest';
import { maskSecrets, plainSafeText, slackSafeText } from '../../src/llm/index.js';

describe('maskSecrets', () => {
  it('masks Slack tokens, API keys and password assignments', () => {
    const text =
      'bot xoxb-123-456-abcdefghijkl app xapp-1-A0-123-abc key sk-proj-abcdefghijklmnop1234 aws AKIAABCDEFGHIJKLMNOP password: hunter22 ok';
    expect(maskSecrets(text)).toBe(
      'bot [secret] app [secret] key [secret] aws [secret] password: [secret] ok',
    );
  });
});

describe('slackSafeText', () => {
  const options = { maxLength: 80, allowedLinks: ['https://acme.slack.com/archives/'] };

  it('removes broadcast and person mentions, Slack markup and links outside the allow-list', () => {
    const text =
      '<!channel> @here read <https://evil.example/x|this> and https://evil.example/y, cc <@U123> <!subteam^S1>; see https://acme.slack.com/archives/C1/p1';
    expect(slackSafeText(text, { ...options, maxLength: 200 })).toBe(
      'here read and cc ; see https://acme.slack.com/archives/C1/p1',
    );
  });

  it('escapes & < > for mrkdwn, keeps one line and caps the length', () => {
    expect(slackSafeText('a & b\n> quote', options)).toBe('a &amp; b › quote');
    expect(slackSafeText('x'.repeat(200), options)).toHaveLength(80);
  });

  it('plain text has no angle brackets left even unescaped', () => {
    expect(plainSafeText('a <b> c', options)).toBe('a c');
    expect(plainSafeText('1 < 2', options)).toBe('1 ‹ 2');
    expect(plainSafeText('2 > 1', options)).toBe('2 › 1');
  });
});
