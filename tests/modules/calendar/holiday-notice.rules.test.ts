import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import {
  dateRanges,
  englishHolidayName,
  parseHolidayNotice,
} from '../../../src/modules/calendar/holiday-notice.rules.js';
import { NOTICE_2026, NOTICE_2027_INVENTED } from '../../fixtures/holiday-notices.js';

const of = (year: number, dates: Record<string, string>) =>
  Object.keys(dates)
    .filter((date) => date.startsWith(`${year}-`))
    .sort();

const allDaysOff = (notice: ReturnType<typeof parseHolidayNotice>) =>
  notice.items.flatMap((item) => item.daysOff).sort();
const allWorkdays = (notice: ReturnType<typeof parseHolidayNotice>) =>
  notice.items.flatMap((item) => item.workdays).sort();

describe('reading the State Council’s holiday notice', () => {
  it('reads the published 2026 notice into exactly chinese-days’ 2026 days off and make-up workdays', () => {
    const notice = parseHolidayNotice(NOTICE_2026);
    expect(notice.year).toBe(2026);
    expect(notice.problems).toEqual([]);
    expect(allDaysOff(notice)).toEqual(of(2026, data.holidays));
    expect(allWorkdays(notice)).toEqual(of(2026, data.workdays));
    expect(notice.items.map((item) => item.name)).toEqual([
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '端午节',
      '中秋节',
      '国庆节',
    ]);
    expect(notice.items[1]).toEqual({
      name: '春节',
      daysOff: [
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
      ],
      workdays: ['2026-02-14', '2026-02-28'],
    });
  });

  it('reads single days, half-width punctuation and several make-up days', () => {
    const notice = parseHolidayNotice(NOTICE_2027_INVENTED);
    expect(notice.year).toBe(2027);
    expect(notice.problems).toEqual([]);
    expect(notice.items.find((item) => item.name === '端午节')).toEqual({
      name: '端午节',
      daysOff: ['2027-06-09'],
      workdays: [],
    });
    expect(notice.items.find((item) => item.name === '劳动节')?.workdays).toEqual([
      '2027-04-25',
      '2027-05-08',
    ]);
    expect(allDaysOff(notice)).toHaveLength(29);
    expect(allWorkdays(notice)).toHaveLength(6);
  });

  it('reads ranges across months and years, full-width digits and a notice pasted as one line', () => {
    const notice = parseHolidayNotice(
      '国务院办公厅关于２０２３年部分节假日安排的通知 经国务院批准，现将2023年元旦放假调休日期的具体安排通知如下。' +
        '一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。' +
        '六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（周六）、10月8日（周日）上班。' +
        '节假日期间，各地区要妥善安排好值班工作。国务院办公厅2022年12月8日',
    );
    expect(notice.year).toBe(2023);
    expect(notice.problems).toEqual([]);
    expect(notice.items).toEqual([
      { name: '元旦', daysOff: ['2022-12-31', '2023-01-01', '2023-01-02'], workdays: [] },
      {
        name: '中秋节、国庆节',
        daysOff: [
          '2023-09-29',
          '2023-09-30',
          '2023-10-01',
          '2023-10-02',
          '2023-10-03',
          '2023-10-04',
          '2023-10-05',
          '2023-10-06',
        ],
        workdays: ['2023-10-07', '2023-10-08'],
      },
    ]);
    // The same as chinese-days has for those days.
    for (const date of notice.items.flatMap((item) => item.daysOff))
      expect(data.holidays).toHaveProperty([date]);
    for (const date of notice.items.flatMap((item) => item.workdays))
      expect(data.workdays).toHaveProperty([date]);
  });

  it('reports each line it cannot read, with why, and keeps the lines it can', () => {
    const notice = parseHolidayNotice(
      [
        '国务院办公厅关于2027年部分节假日安排的通知',
        '一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
        '二、春假：三月某日放假。',
        '三、清明节：4月3日（周五）至5日（周一）放假，共3天。',
        '四、劳动节：2月30日放假。',
        '五、端午节：6月9日至10日放假，共3天。',
        '六、中秋节：9月20日至15日放假。',
        '七、国庆节：10月1日至7日放假调休。1月2日上班。',
        '八、某节：5月20日另行通知。',
      ].join('\n'),
    );
    expect(notice.items.map((item) => item.name)).toEqual(['元旦']);
    expect(notice.problems.map(({ reason, params }) => ({ reason, params }))).toEqual([
      { reason: 'unreadable', params: {} },
      { reason: 'weekday', params: { text: '4月3日至5日', said: '周五', year: 2027 } },
      { reason: 'badDate', params: { text: '2月30日', year: 2027 } },
      { reason: 'count', params: { said: 3, counted: 2 } },
      { reason: 'endBeforeStart', params: { text: '9月20日至15日' } },
      { reason: 'conflict', params: { text: '2027-01-02' } },
      { reason: 'unreadable', params: {} },
    ]);
    expect(notice.problems[0]?.line).toBe('二、春假:三月某日放假.');
  });

  it('finds no year without the title, and ignores the notice’s other paragraphs', () => {
    expect(parseHolidayNotice('一、元旦：1月1日放假。').year).toBeNull();
    const notice = parseHolidayNotice(NOTICE_2026);
    expect(notice.problems).toEqual([]);
    expect(notice.items).toHaveLength(7);
  });
});

describe('helpers for showing a notice', () => {
  it('groups consecutive dates into ranges', () => {
    expect(dateRanges(['2027-02-06', '2027-02-05', '2027-02-07', '2027-02-20'])).toEqual([
      ['2027-02-05', '2027-02-07'],
      ['2027-02-20', '2027-02-20'],
    ]);
  });

  it('names the statutory holidays in English', () => {
    expect(englishHolidayName('春节')).toBe('Spring Festival');
    expect(englishHolidayName('中秋节、国庆节')).toBe('Mid-autumn Festival, National Day');
    expect(englishHolidayName('公司年会')).toBeNull();
  });
});
