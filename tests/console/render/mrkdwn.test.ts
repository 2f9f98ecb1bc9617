import { describe, expect, it } from 'vitest';
import { mrkdwnToText, renderMessage, stripAnsi } from '../../../src/console/render/index.js';
import { plainCtx } from './examples.js';

const plain = (text: string) => mrkdwnToText(text, plainCtx);

describe('mrkdwnToText', () => {
  it('drops emphasis markers in plain mode', () => {
    expect(plain('*bold* _italic_ ~strike~ `code`')).toBe('bold italic strike code');
  });

  it('leaves markers alone where Slack would: snake_case, arithmetic, URLs, code', () => {
    expect(plain('use snake_case_names and 2*3*4')).toBe('use snake_case_names and 2*3*4');
    expect(plain('<https://example.com/a_b_c|*docs*>')).toBe('*docs* (https://example.com/a_b_c)');
    expect(plain('`*not bold*`')).toBe('*not bold*');
  });

  it('decodes entities last, so escaped brackets never become links', () => {
    expect(plain('a &lt;b&gt; &amp;lt; &amp; <@U0ALICE>')).toBe('a <b> &lt; & @Alice');
  });

  it('renders broadcasts, user groups and mailto links', () => {
    expect(
      plain(
        '<!channel> <!everyone> <!here|@here> <!subteam^S1|@ops-team> <mailto:a@example.com|a@example.com>',
      ),
    ).toBe('@channel @everyone @here @ops-team a@example.com');
  });

  it('shows a Slack date in the viewer’s zone and language, else its fallback', () => {
    const token = '<!date^1764669600^{date_short_pretty} {time}|2025-12-02 10:00 UTC>';
    expect(mrkdwnToText(token, { ...plainCtx, timeZone: 'Asia/Shanghai', locale: 'zh-CN' })).toBe(
      '2025年12月2日（周二）18:00 (Asia/Shanghai)',
    );
    expect(mrkdwnToText(token, { ...plainCtx, timeZone: 'America/New_York', locale: 'en' })).toBe(
      'Tue 2 Dec 2025, 05:00 (America/New_York)',
    );
    expect(plain(token)).toBe('2025-12-02 10:00 UTC');
  });

  it('sets code blocks on their own indented lines', () => {
    expect(plain('Run:\n```\nnpm start\nnpm test\n```\nthen wait')).toBe(
      'Run:\n    npm start\n    npm test\nthen wait',
    );
  });

  it('emits ANSI styling only when colour is on', () => {
    const styled = mrkdwnToText('*bold* and <https://x.dev|link>', { ...plainCtx, color: true });

    expect(styled).toContain('\x1b[1mbold\x1b[22m');
    expect(stripAnsi(styled)).toBe('bold and link (https://x.dev)');
    expect(renderMessage({ text: '*bold*' }, plainCtx).text).not.toContain('\x1b');
  });

  it('formats emphasis next to Chinese text', () => {
    expect(plain('这是*重点*内容')).toBe('这是重点内容');
  });
});

describe('emoji shortcodes', () => {
  it('shows the emoji Liaison uses as characters, leaves unknown ones and code alone', async () => {
    const { mrkdwnToText } = await import('../../../src/console/render/index.js');
    expect(mrkdwnToText(':warning: check `:x:` and :custom_thing:', {})).toBe(
      '⚠️ check :x: and :custom_thing:',
    );
  });
});
