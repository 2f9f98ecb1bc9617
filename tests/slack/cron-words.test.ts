import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/catalog.js';
import { cronWords } from '../../src/slack/views/cron-words.js';

const en = translator('en');
const zh = translator('zh-CN');

describe('schedules in words, not cron', () => {
  it('says the standing schedules in English and Chinese', () => {
    expect(cronWords(en, '* * * * *')).toBe('Every minute');
    expect(cronWords(zh, '* * * * *')).toBe('每分钟');
    expect(cronWords(en, '0 * * * *')).toBe('Every hour at 00 past');
    expect(cronWords(zh, '0 * * * *')).toBe('每小时第 00 分');
    expect(cronWords(en, '30 2 * * *')).toBe('Every day at 02:30');
    expect(cronWords(zh, '0 4 * * *')).toBe('每天 04:00');
    expect(cronWords(en, '*/15 * * * *')).toBe('Every 15 minutes');
  });

  it('names weekdays and days of the month', () => {
    expect(cronWords(en, '0 9 * * 1-5')).toBe('Every Monday, Tuesday, Wednesday, Thursday, Friday at 09:00');
    expect(cronWords(zh, '0 9 * * 1,4')).toBe('每周一、周四 09:00');
    expect(cronWords(en, '0 9 * * 0')).toBe('Every Sunday at 09:00');
    expect(cronWords(en, '0 8 1 * *')).toBe('Monthly on day 1 at 08:00');
  });

  it('calls anything else a custom timetable and shows its expression', () => {
    expect(cronWords(en, '0 9 1 1 *')).toBe('On a custom timetable (cron `0 9 1 1 *`)');
    expect(cronWords(zh, '5-10 * * * *')).toBe('自定义时间表（cron 表达式 `5-10 * * * *`）');
  });
});
