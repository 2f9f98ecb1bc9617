/**
 * What kind of day a local date is. The calendar module (src/modules/calendar) exports the
 * same port; scheduling declares its own copy so it depends on the shape, not the module,
 * and works before the calendar module lands. Any object of this shape will do.
 */
export type DayKind = 'workday' | 'holiday' | 'weekend';

export interface WorkingCalendar {
  /** `localDate` is 'YYYY-MM-DD' in the schedule's time zone. */
  dayKind(localDate: string): DayKind;
}

/** Where the scheduler finds a schedule's calendar (null: no such calendar any more). */
export interface ScheduleCalendars {
  forCalendarId(calendarId: string): Promise<WorkingCalendar | null>;
}

/** Saturdays and Sundays off, no holidays: what "working day" means when no calendar is set. */
export const weekendOnlyCalendar: WorkingCalendar = {
  dayKind(localDate) {
    const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay();
    return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
  },
};
