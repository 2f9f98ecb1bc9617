/**
 * The calendar module: public holiday calendars (China with its make-up workdays, US
 * federal), custom calendars, who follows which, absences, and business-time arithmetic.
 */
export type { AbsenceService } from './absence.service.js';
export { createAbsenceService } from './absence.service.js';
export {
  addWorkingDates,
  addWorkingDays,
  addWorkingHours,
  isWorkingTime,
  nextWorkingMoment,
  workingMinutesBetween,
} from './business-time.rules.js';
export type {
  AbsenceDto,
  CalendarDto,
  CalendarSource,
  FollowedCalendar,
} from './calendar.dto.js';
export type { CalendarRepository } from './calendar.repository.js';
export type { CalendarOverview, CalendarService } from './calendar.service.js';
export { createCalendarService } from './calendar.service.js';
export type {
  CalendarEntry,
  DayKind,
  DayStatus,
  DescribedCalendar,
  HolidayName,
  HolidaySource,
  WorkingCalendar,
} from './calendar.types.js';
export { MONDAY_TO_FRIDAY } from './calendar.types.js';
export {
  CalendarDateError,
  type CalendarDateProblem,
  type CalendarDateRules,
  EARLIEST_DATE,
  isCalendarDateError,
  LATEST_DATE,
  parseCalendarDate,
} from './calendar-date.rules.js';
export { CHINA_COVERAGE, chinaHolidays } from './china-holidays.source.js';
export { layeredHolidays, noHolidays } from './layered-holidays.rules.js';
export { addYears, type LocalDate, localDateAt } from './local-date.rules.js';
export {
  BUILT_IN_CALENDARS,
  isRegion,
  REGION_HOLIDAYS,
  REGIONS,
  type Region,
} from './region-holidays.rules.js';
export { usFederalHolidays } from './us-federal-holidays.source.js';
export { workingCalendar } from './working-calendar.rules.js';
export type { WorkingTimeProfile } from './working-time.rules.js';

import type { Clock } from '../shared/clock.types.js';
import { createAbsenceService } from './absence.service.js';
import type { CalendarRepository } from './calendar.repository.js';
import { createCalendarService } from './calendar.service.js';

/** What Slack listeners get: calendars and absences over one repository. */
export interface CalendarFeature {
  calendars: ReturnType<typeof createCalendarService>;
  absences: ReturnType<typeof createAbsenceService>;
}

export function createCalendarFeature(deps: { repo: CalendarRepository; clock: Clock }): CalendarFeature {
  return { calendars: createCalendarService(deps), absences: createAbsenceService(deps) };
}
