import { describe, expect, it } from 'vitest';
import { charWidth, displayWidth, wrapText } from '../../../src/console/render/index.js';

describe('displayWidth', () => {
  it('counts East Asian wide characters as two cells and ANSI as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('ｆｕｌｌ')).toBe(8);
    expect(displayWidth('\x1b[1mhi\x1b[22m')).toBe(2);
    expect(charWidth('\u0301')).toBe(0);
  });
});

describe('wrapText', () => {
  it('breaks at spaces, never inside words', () => {
    expect(wrapText('the quick brown fox jumps over', 10)).toEqual(['the quick', 'brown fox', 'jumps over']);
  });

  it('hard-splits only a word longer than the line', () => {
    expect(wrapText('see https://example.com/abcdef', 10)).toEqual([
      'see',
      'https://ex',
      'ample.com/',
      'abcdef',
    ]);
  });

  it('keeps explicit newlines and the indentation of each paragraph', () => {
    expect(wrapText('a\n\n    indented code that wraps', 16)).toEqual([
      'a',
      '',
      '    indented',
      '    code that',
      '    wraps',
    ]);
  });

  it('breaks mixed Chinese and Latin text between characters within the width', () => {
    const wrapped = wrapText('OKR复盘：请在周五前提交 Q3 目标进展。', 12);

    expect(wrapped).toEqual(['OKR复盘：请', '在周五前提交', 'Q3 目标进', '展。']);
    for (const line of wrapped) expect(displayWidth(line)).toBeLessThanOrEqual(12);
  });
});
