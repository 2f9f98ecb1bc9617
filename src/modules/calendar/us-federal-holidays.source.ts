import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { CalendarEntry, HolidayName, HolidaySource } from './calendar.types.js';
import { addDays, isoWeekday, type LocalDate } from './local-date.rules.js';

/**
 * United States federal holidays (5 U.S.C. 6103) from `date-holidays`, public holidays only
 * (no observances such as Valentine's Day). Its rules compute any year. When a holiday
 * falls on a Saturday the federal holiday is observed the Friday before, on a Sunday the
 * Monday after; date-holidays encodes that for most holidays and this source adds it for
 * the ones it does not (Veterans Day), so every weekend holiday has its observed weekday.
 */
let federal: Holidays | undefined;

/**
 * date-holidays (with moment-timezone and its astronomy libraries, ≈ 29 MB of memory and a
 * second of start-up under load) is loaded on the first US date asked for, not at start: most
 * workspaces never use the US calendar (bench/README.md, issue 16, start and memory).
 */
function federalCalendar(): Holidays {
  if (!federal) {
    const load = createRequire(import.meta.url)('date-holidays') as typeof Holidays;
    federal = new load('US', { types: ['public'] });
  }
  return federal;
}

/** date-holidays' Chinese names are partial and Traditional; these are ours, Simplified. */
const CHINESE_NAMES: Record<string, string> = {
  "New Year's Day": '元旦',
  'Martin Luther King Jr. Day': '马丁·路德·金纪念日',
  "Washington's Birthday": '华盛顿诞辰纪念日（总统日）',
  'Memorial Day': '阵亡将士纪念日',
  Juneteenth: '六月节（奴隶制终结纪念日）',
  'Independence Day': '独立日',
  'Labor Day': '劳动节',
  'Columbus Day': '哥伦布日',
  'Veterans Day': '退伍军人节',
  'Thanksgiving Day': '感恩节',
  'Christmas Day': '圣诞节',
};

const SUBSTITUTE_SUFFIX = / \(substitute day\)$/;

function name(english: string, observed: boolean): HolidayName {
  const zh = CHINESE_NAMES[english] ?? english;
  return observed ? { en: `${english} (observed)`, zh: `${zh}（补假）` } : { en: english, zh };
}

function holidaysOf(year: number): Map<LocalDate, CalendarEntry> {
  const byDate = new Map<LocalDate, CalendarEntry>();
  const observedFor = new Set<string>();
  const actual: { date: LocalDate; english: string }[] = [];
  for (const holiday of federalCalendar().getHolidays(year, 'en-us')) {
    const date = holiday.date.slice(0, 10);
    const english = holiday.name.replace(SUBSTITUTE_SUFFIX, '');
    if (holiday.substitute) {
      observedFor.add(english);
      byDate.set(date, { kind: 'holiday', name: name(english, true) });
    } else {
      actual.push({ date, english });
      byDate.set(date, { kind: 'holiday', name: name(english, false) });
    }
  }
  for (const { date, english } of actual) {
    const weekday = isoWeekday(date);
    if ((weekday === 6 || weekday === 7) && !observedFor.has(english)) {
      // A Saturday New Year's Day is observed on 31 December of the year before, which
      // date-holidays lists with that year; only same-year observed days are added here.
      const observed = addDays(date, weekday === 6 ? -1 : 1);
      if (observed.startsWith(String(year)) && !byDate.has(observed))
        byDate.set(observed, { kind: 'holiday', name: name(english, true) });
    }
  }
  return byDate;
}

const byYear = new Map<number, Map<LocalDate, CalendarEntry>>();

function entriesFor(year: number): Map<LocalDate, CalendarEntry> {
  let entries = byYear.get(year);
  if (!entries) {
    entries = holidaysOf(year);
    byYear.set(year, entries);
  }
  return entries;
}

export const usFederalHolidays: HolidaySource = {
  entryOn: (date) => entriesFor(Number(date.slice(0, 4))).get(date),
};
