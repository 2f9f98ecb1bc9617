import { IANAZone } from 'luxon';
import type { CalendarWithDates, FollowedCalendar, PersonCalendarSettings } from './calendar.dto.js';
import type { CalendarEntry, HolidaySource } from './calendar.types.js';
import { layeredHolidays, noHolidays } from './layered-holidays.js';
import type { LocalDate } from './local-date.js';
import { isRegion, REGION_HOLIDAYS } from './region-holidays.js';

/** A person follows their own calendar, else their department's, else the workspace's, else none. */
export function followedCalendar(settings: PersonCalendarSettings): FollowedCalendar {
  if (settings.own) return { source: 'person', calendar: settings.own, department: null };
  if (settings.department) {
    const { calendar, ...department } = settings.department;
    return { source: 'department', calendar, department };
  }
  if (settings.workspaceDefault)
    return { source: 'workspace', calendar: settings.workspaceDefault, department: null };
  return { source: 'none', calendar: null, department: null };
}

/** A stored calendar's dates over its region's (own dates win). */
export function holidaysOf(calendar: CalendarWithDates | null): HolidaySource {
  if (!calendar) return noHolidays;
  const own = new Map<LocalDate, CalendarEntry>(
    calendar.dates.map((d) => [d.date, { kind: d.kind, name: d.name ? { en: d.name, zh: d.name } : null }]),
  );
  return layeredHolidays(own, isRegion(calendar.region) ? REGION_HOLIDAYS[calendar.region] : undefined);
}

/** The person's zone, else the workspace's; an unknown zone name falls back to UTC. */
export function timeZoneOf(settings: Pick<PersonCalendarSettings, 'timeZone' | 'workspaceTimeZone'>): string {
  for (const zone of [settings.timeZone, settings.workspaceTimeZone])
    if (zone && IANAZone.isValidZone(zone)) return zone;
  return 'UTC';
}
