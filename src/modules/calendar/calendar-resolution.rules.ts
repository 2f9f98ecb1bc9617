import { IANAZone } from 'luxon';
import type { CalendarWithDates, FollowedCalendar, PersonCalendarSettings } from './calendar.dto.js';
import type { CalendarEntry, HolidayName, HolidaySource } from './calendar.types.js';
import { englishHolidayName } from './holiday-notice.rules.js';
import { layeredHolidays, noHolidays } from './layered-holidays.rules.js';
import type { LocalDate } from './local-date.rules.js';
import { isRegion, REGION_HOLIDAYS } from './region-holidays.rules.js';

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

/** An admin's name for a date, as written; a statutory holiday's Chinese name (from a pasted notice) also in English. */
function storedName(name: string | null): HolidayName | null {
  return name ? { en: englishHolidayName(name) ?? name, zh: name } : null;
}

/** A stored calendar's dates over its region's (own dates win). */
export function holidaysOf(calendar: CalendarWithDates | null): HolidaySource {
  if (!calendar) return noHolidays;
  const own = new Map<LocalDate, CalendarEntry>(
    calendar.dates.map((d) => [d.date, { kind: d.kind, name: storedName(d.name) }]),
  );
  return layeredHolidays(own, isRegion(calendar.region) ? REGION_HOLIDAYS[calendar.region] : undefined);
}

/** The person's zone, else the workspace's; an unknown zone name falls back to UTC. */
export function timeZoneOf(settings: Pick<PersonCalendarSettings, 'timeZone' | 'workspaceTimeZone'>): string {
  for (const zone of [settings.timeZone, settings.workspaceTimeZone])
    if (zone && isValidZone(zone)) return zone;
  return 'UTC';
}

/** Zone names checked once each (luxon builds an Intl formatter per check: ≈ 0.2 ms, per person per pass). */
const zoneValidity = new Map<string, boolean>();
const ZONE_MEMO_LIMIT = 1000;

function isValidZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (zoneValidity.size >= ZONE_MEMO_LIMIT) zoneValidity.clear();
    zoneValidity.set(zone, valid);
  }
  return valid;
}
