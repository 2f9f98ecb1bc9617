import { describe, expect, it } from 'vitest';
import { isKnownEmoji } from '../../../src/console/render/emoji.js';
import { renderMessage } from '../../../src/console/render/index.js';
import { en } from '../../../src/i18n/en.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';

function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (typeof node !== 'object' || node === null) return [];
  return Object.values(node).flatMap(strings);
}

describe('emoji at the console', () => {
  it('knows every shortcode Liaison’s messages use, in both languages', () => {
    const used = new Set(
      [...strings(en), ...strings(zhCN)].flatMap((text) =>
        [...text.matchAll(/:([a-z][a-z0-9_+-]*):/g)].map((match) => match[1] ?? ''),
      ),
    );
    expect([...used].filter((name) => !isKnownEmoji(name))).toEqual([]);
  });

  it('shows shortcodes as emoji in mrkdwn and in plain_text, as Slack does', () => {
    const shown = renderMessage(
      {
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: ':spiral_calendar_pad: Joint meeting' } },
          { type: 'section', text: { type: 'mrkdwn', text: ':zzz: Snoozed' } },
        ],
      },
      { locale: 'en' },
    ).text;
    expect(shown).toContain('🗓️ Joint meeting');
    expect(shown).toContain('💤 Snoozed');
    expect(shown).not.toContain(':spiral_calendar_pad:');
  });

  it('shows a Slack client’s own words in the viewer’s language', () => {
    const blocks = [
      {
        type: 'actions' as const,
        elements: [
          {
            type: 'overflow' as const,
            action_id: 'more',
            options: [{ text: { type: 'plain_text' as const, text: 'Edit' }, value: 'edit' }],
          },
        ],
      },
    ];
    expect(renderMessage({ blocks }, { locale: 'zh-CN' }).text).toContain('更多操作');
    expect(renderMessage({ blocks }, { locale: 'en' }).text).toContain('More actions');
    expect(renderMessage({ text: '' }, { locale: 'zh-CN' }).text).toContain('（空消息）');
  });
});
