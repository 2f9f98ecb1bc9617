import type { CalendarEntry, HolidaySource } from './calendar.types.js';
import type { LocalDate } from './local-date.rules.js';

/**
 * A custom calendar: its own dates, over a region's when it is based on one. An own date
 * wins — an admin can add a company holiday or make a public holiday a working day.
 */
export function layeredHolidays(
  own: ReadonlyMap<LocalDate, CalendarEntry>,
  base: HolidaySource | undefined,
): HolidaySource {
  return { entryOn: (date) => own.get(date) ?? base?.entryOn(date) };
}

/** No holidays at all: only the weekly pattern decides. */
export const noHolidays: HolidaySource = { entryOn: () => undefined };
