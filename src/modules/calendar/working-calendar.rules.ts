import {
  type DayStatus,
  type DescribedCalendar,
  type HolidaySource,
  MONDAY_TO_FRIDAY,
  worksOnWeekday,
} from './calendar.types.js';
import { isoWeekday, type LocalDate } from './local-date.rules.js';

/**
 * A calendar with a weekly pattern: a date the source names (holiday or make-up workday)
 * is what the source says, whatever the weekday; any other date is a workday when the
 * person works that weekday (`workDays` bitmask, Monday = 1 … Sunday = 64), else a weekend.
 */
export function workingCalendar(holidays: HolidaySource, workDays = MONDAY_TO_FRIDAY): DescribedCalendar {
  const describe = (date: LocalDate): DayStatus => {
    const usualWorkday = worksOnWeekday(workDays, isoWeekday(date));
    const entry = holidays.entryOn(date);
    if (entry?.kind === 'holiday') return { date, kind: 'holiday', name: entry.name, makeUpWorkday: false };
    if (entry?.kind === 'workday')
      return { date, kind: 'workday', name: entry.name, makeUpWorkday: !usualWorkday };
    return { date, kind: usualWorkday ? 'workday' : 'weekend', name: null, makeUpWorkday: false };
  };
  return { dayKind: (date) => describe(date).kind, describe };
}
