import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/catalog.js';
import {
  formatDate,
  formatDateOf,
  formatDateTime,
  formatLocaleOf,
  formatSoon,
  localeOfTranslator,
} from '../../src/i18n/format.js';

const at = new Date('2026-12-07T08:00:00Z'); // Mon 7 Dec 2026, 16:00 in Shanghai

describe('one date and time style per language', () => {
  it('writes a moment in the reader’s zone: English and Chinese', () => {
    expect(formatDateTime(at, 'en', 'Asia/Shanghai')).toBe('Mon 7 Dec 2026, 16:00');
    expect(formatDateTime(at, 'zh-CN', 'Asia/Shanghai')).toBe('2026年12月7日（周一）16:00');
    expect(formatDateTime(at, 'en', 'America/New_York')).toBe('Mon 7 Dec 2026, 03:00');
  });

  it('writes dates the same way, with no “Sept” and no zone for a calendar date', () => {
    expect(formatDate('2026-09-30', 'en')).toBe('Wed 30 Sep 2026');
    expect(formatDate('2026-09-30', 'zh-CN')).toBe('2026年9月30日（周三）');
    expect(formatDateOf(at, 'en', 'Pacific/Kiritimati')).toBe('Mon 7 Dec 2026');
    expect(formatDateOf(new Date('2026-12-07T20:00:00Z'), 'zh-CN', 'Asia/Shanghai')).toBe(
      '2026年12月8日（周二）',
    );
  });

  it('shows only the time for a moment later today', () => {
    const now = new Date('2026-12-07T02:00:00Z');
    expect(formatSoon(at, now, 'en', 'Asia/Shanghai')).toBe('16:00');
    expect(formatSoon(new Date('2026-12-08T08:00:00Z'), now, 'zh-CN', 'Asia/Shanghai')).toBe(
      '2026年12月8日（周二）16:00',
    );
  });

  it('knows the language of a translator and of a Slack locale', () => {
    expect(localeOfTranslator(translator('zh-CN'))).toBe('zh-CN');
    expect(localeOfTranslator(translator('en'))).toBe('en');
    expect(formatLocaleOf('zh-Hans')).toBe('zh-CN');
    expect(formatLocaleOf('en-GB')).toBe('en');
    expect(formatLocaleOf(undefined)).toBe('en');
  });
});
