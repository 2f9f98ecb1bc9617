import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { CalendarEntry, HolidayName, HolidaySource } from './calendar.types.js';
import type { LocalDate } from './local-date.rules.js';

/**
 * Mainland China's statutory holidays and make-up workdays (调休), from `chinese-days`,
 * which tracks the State Council's yearly notice (currently 2004–2026). Dates outside its
 * data are ordinary days: weekends off, no holidays — refresh the package when the next
 * year's notice is published (usually November).
 */
const entries = (raw: Record<string, string>, kind: CalendarEntry['kind']) =>
  Object.entries(raw).map(([date, value]) => [date, { kind, name: nameOf(value) }] as const);

/** Values look like "Spring Festival,春节,4" (English, Chinese, length of the holiday). */
function nameOf(value: string): HolidayName {
  const [en = value, zh = en] = value.split(',');
  return { en, zh };
}

const CHINA: ReadonlyMap<LocalDate, CalendarEntry> = new Map([
  ...entries(data.holidays, 'holiday'),
  ...entries(data.workdays, 'workday'),
]);

const years = [...CHINA.keys()].map((date) => Number(date.slice(0, 4)));
export const CHINA_COVERAGE = { fromYear: Math.min(...years), toYear: Math.max(...years) };

export const chinaHolidays: HolidaySource = {
  entryOn: (date) => CHINA.get(date),
};
