import { describe, expect, it } from 'vitest';
import { displayWidth, renderMessage } from '../../../src/console/render/index.js';
import { helpBlocks, plainCtx } from './examples.js';

const lines = (text: string) => text.split('\n');

describe('renderMessage', () => {
  it('renders a help message: header, sections, fields, divider, context and actions', () => {
    const { text } = renderMessage(
      { botName: 'Liaison', ephemeral: true, text: 'Liaison help', blocks: helpBlocks },
      plainCtx,
    );

    expect(lines(text)).toEqual([
      'Liaison · only visible to you',
      'Liaison help',
      '============',
      'Coordinate across departments without leaving Slack.',
      `${'/liaison meet'.padEnd(39)}  /liaison okr`,
      `${'Schedule a joint meeting'.padEnd(39)}  Weekly OKR check-in`,
      '-'.repeat(80),
      '[Liaison]  Questions? Ask in #ops.',
      '[1] Schedule meeting  [2] Docs (https://example.com/docs)',
      '[3] More actions',
      '    [3.1] Settings',
      '    [3.2] Feedback',
      '[4] Language',
      '    (•) 1. English',
      '    ( ) 2. 简体中文',
    ]);
  });

  it('numbers every interactive element and keeps what a payload needs', () => {
    const { controls } = renderMessage({ blocks: helpBlocks }, plainCtx);

    expect(
      controls.map((control) => [control.index, control.kind, control.blockId, control.actionId]),
    ).toEqual([
      [1, 'button', 'help.actions', 'meeting.open'],
      [2, 'button', 'help.actions', 'docs.open'],
      [3, 'overflow', 'help.actions', 'help.more'],
      [4, 'static_select', 'help.actions', 'help.language'],
    ]);
    expect(controls[0]).toMatchObject({
      label: 'Schedule meeting',
      value: 'from-help',
      style: 'primary',
      dispatchesAction: true,
    });
    expect(controls[0]?.field).toBeUndefined();
    expect(controls[1]).toMatchObject({ url: 'https://example.com/docs' });
    expect(controls[2]?.options.map((option) => [option.number, option.value, option.label])).toEqual([
      [1, 'settings', 'Settings'],
      [2, 'feedback', 'Feedback'],
    ]);
    expect(controls[3]?.initial).toEqual({ kind: 'selection', selected: ['en'] });
  });

  it('starts numbering at firstControlIndex so several surfaces can share one transcript', () => {
    const { text, controls } = renderMessage({ blocks: helpBlocks }, { ...plainCtx, firstControlIndex: 7 });

    expect(controls.map((control) => control.index)).toEqual([7, 8, 9, 10]);
    expect(text).toContain('[7] Schedule meeting  [8] Docs');
    expect(text).toContain('    [9.1] Settings');
  });

  it('resolves mentions, channels, broadcasts, dates and links', () => {
    const { text } = renderMessage(
      {
        text: 'Hi <@U0ALICE> and <@U0NOBODY>, see <https://example.com/okr_q3|the OKR board> in <#C0OPS> or <#C0X|launch>. <!here> <!date^1700000000^{date_short}|Nov 14, 2023> <https://example.com>',
      },
      plainCtx,
    );

    expect(lines(text)).toEqual([
      'Hi @Alice and @U0NOBODY, see the OKR board (https://example.com/okr_q3) in #ops',
      'or #launch. @here Nov 14, 2023 https://example.com',
    ]);
  });

  it('falls back to text when there are no blocks, and prefers blocks when there are', () => {
    expect(renderMessage({ text: '*Done* &amp; dusted' }, plainCtx).text).toBe('Done & dusted');
    expect(renderMessage({ text: 'fallback only', blocks: helpBlocks }, plainCtx).text).not.toContain(
      'fallback only',
    );
    expect(renderMessage({}, plainCtx).text).toBe('(empty message)');
  });

  it('shows the author, thread and edit state in the first line', () => {
    const { text } = renderMessage(
      { user: 'U0BOB', threadTs: '1700000000.000100', edited: true, text: 'ok' },
      plainCtx,
    );

    expect(lines(text)).toEqual(['Bob · in thread 1700000000.000100 · edited', 'ok']);
  });

  it('renders an unknown block as a short line instead of failing', () => {
    const { text } = renderMessage(
      {
        blocks: [
          { type: 'shiny_new_block' },
          { type: 'section', text: { type: 'plain_text', text: 'still here' } },
        ],
      },
      plainCtx,
    );

    expect(lines(text)).toEqual(['[unsupported block: shiny_new_block]', 'still here']);
  });

  it('wraps Chinese at 40 columns without losing characters or starting a line with punctuation', () => {
    const sentence =
      '本周跨部门协调会议将在周三下午举行，请各部门负责人提前准备好季度目标完成情况的汇报材料，谢谢！';
    const { text } = renderMessage(
      { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*通知*：${sentence}` } }] },
      { ...plainCtx, width: 40 },
    );
    const wrapped = lines(text);

    expect(wrapped.join('')).toBe(`通知：${sentence}`);
    expect(wrapped.length).toBeGreaterThan(2);
    for (const line of wrapped) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    for (const line of wrapped.slice(1)) expect(line).not.toMatch(/^[，。！：]/);
    // "行，" would need 42 columns: the comma travels with its character to the next line.
    expect(wrapped.slice(0, 2)).toEqual([
      '通知：本周跨部门协调会议将在周三下午举',
      '行，请各部门负责人提前准备好季度目标完成',
    ]);
  });

  it('renders images and rich text (lists, quotes, preformatted, mentions, emoji)', () => {
    const { text } = renderMessage(
      {
        blocks: [
          {
            type: 'image',
            image_url: 'https://example.com/chart.png',
            alt_text: 'KPI chart',
            title: { type: 'plain_text', text: 'Week 12' },
          },
          {
            type: 'rich_text',
            elements: [
              {
                type: 'rich_text_section',
                elements: [
                  { type: 'text', text: 'Thanks ' },
                  { type: 'user', user_id: 'U0LI' },
                  { type: 'text', text: ' ' },
                  { type: 'emoji', name: 'tada', unicode: '1f389' },
                ],
              },
              {
                type: 'rich_text_list',
                style: 'ordered',
                elements: [
                  { type: 'rich_text_section', elements: [{ type: 'text', text: 'Agenda' }] },
                  {
                    type: 'rich_text_section',
                    elements: [{ type: 'link', url: 'https://example.com/notes', text: 'Notes' }],
                  },
                ],
              },
              {
                type: 'rich_text_list',
                style: 'bullet',
                indent: 1,
                elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'nested' }] }],
              },
              { type: 'rich_text_quote', elements: [{ type: 'text', text: 'Ship it' }] },
              { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'npm start\nnpm test' }] },
            ],
          },
        ],
      },
      plainCtx,
    );

    expect(lines(text)).toEqual([
      '[image: Week 12: KPI chart]',
      'Thanks @李雷 🎉',
      '1. Agenda',
      '2. Notes (https://example.com/notes)',
      '  • nested',
      '> Ship it',
      '    npm start',
      '    npm test',
    ]);
  });

  it('lists the demo directory as choices of a users select', () => {
    const { text, controls } = renderMessage(
      {
        blocks: [
          {
            type: 'section',
            block_id: 'assign',
            text: { type: 'mrkdwn', text: 'Assign an owner' },
            accessory: { type: 'users_select', action_id: 'owner', initial_user: 'U0BOB' },
          },
        ],
      },
      plainCtx,
    );

    expect(lines(text)).toEqual([
      'Assign an owner',
      '[1] Select a user',
      '    ( ) 1. Alice',
      '    (•) 2. Bob',
    ]);
    expect(controls[0]).toMatchObject({ kind: 'users_select', blockId: 'assign', actionId: 'owner' });
  });
});
