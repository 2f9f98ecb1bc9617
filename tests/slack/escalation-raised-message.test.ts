import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/catalog.js';
import { escalationRaisedMessage } from '../../src/slack/views/escalation-raise.view.js';

const esc = { number: 4, title: 'Courier', level: 1, slaDueAt: new Date('2026-12-07T08:00:00Z') };

describe('what the raiser is told', () => {
  it('names who really holds the level, and the deadline in the one date style', () => {
    const { text } = escalationRaisedMessage(
      { t: translator('zh-CN'), locale: 'zh-CN', timeZone: 'Asia/Shanghai' },
      esc,
      [
        { name: '直播运营', people: { 1: ['林伟'], 2: [] } },
        { name: '技术', people: { 1: ['Alex'], 2: [] } },
      ],
    );
    expect(text).toContain('第 1 级为直播运营和技术的负责人（林伟和Alex）');
    expect(text).toContain('*2026年12月7日（周一）16:00*');
  });

  it('says so when nobody holds the role yet', () => {
    const { text } = escalationRaisedMessage(
      { t: translator('en'), locale: 'en', timeZone: 'Asia/Shanghai' },
      esc,
      [{ name: 'Legal', people: { 1: [], 2: ['Dana'] } }],
    );
    expect(text).toContain('Level 1 is the leads of Legal, but nobody holds that role yet');
    expect(text).toContain('*Mon 7 Dec 2026, 16:00*');
  });
});
