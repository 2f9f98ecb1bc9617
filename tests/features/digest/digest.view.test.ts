import { describe, expect, it } from 'vitest';
import {
  DIGEST_BLOCKS,
  digestMessage,
  fitLines,
  SLACK_LIMITS,
} from '../../../src/features/digest/digest.view.js';
import type { ComposedDigest } from '../../../src/modules/digest/digest.types.js';

const more = (count: number) => `…and ${count} more`;

describe('fitLines', () => {
  it('keeps every line that fits and counts the rest', () => {
    expect(fitLines('*H*', ['a', 'b'], 2, more)).toBe('*H*\na\nb');
    expect(fitLines('*H*', ['a', 'b'], 7, more)).toBe('*H*\na\nb\n…and 5 more');
    const lines = Array.from({ length: 100 }, (_, i) => `• line ${i} ${'x'.repeat(80)}`);
    const text = fitLines('*H*', lines, 100, more);
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    const shown = text.split('\n').length - 2;
    expect(text.endsWith(`…and ${100 - shown} more`)).toBe(true);
  });
});

describe('digestMessage', () => {
  it('stays within 50 blocks and 3,000 characters a section, however many sections and lines', () => {
    const line = { text: `ESC-1 ${'a very long title '.repeat(20)}`, ref: 'ESC-1' };
    const digest: ComposedDigest = {
      locale: 'en',
      timeZone: 'UTC',
      period: {
        cadence: 'weekly',
        start: new Date('2036-11-24T09:00:00Z'),
        end: new Date('2036-12-01T09:00:00Z'),
        key: 'weekly:2036-W49',
      },
      departments: ['Tech'],
      sections: Array.from({ length: 30 }, (_, i) => ({
        id: `s${i}`,
        title: `Section ${i}`,
        groups: [{ heading: 'Group', lines: Array.from({ length: 60 }, () => line), total: 900 }],
        facts: [],
      })),
      summary: { writtenBy: 'model', items: [{ text: 'Watch <!channel> ESC-1', refs: ['ESC-1'] }] },
      factCount: 0,
    };
    const message = digestMessage(digest);
    const blocks = message.blocks as { block_id?: string; text?: { text: string } }[];
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks - 2);
    for (const block of blocks)
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    const group = blocks.find((b) => b.block_id === DIGEST_BLOCKS.group('s0', 0));
    expect(group?.text?.text).toMatch(/…and \d+ more$/);
    const risk = blocks.find((b) => b.block_id === DIGEST_BLOCKS.risk);
    expect(risk?.text?.text).toBe('*Risk summary*\n• Watch &lt;!channel&gt; ESC-1 (ESC-1)');
    expect(JSON.stringify(blocks.at(-1))).toContain('Drafted by an AI model');
  });
});
