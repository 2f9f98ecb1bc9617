import { addWorkingDates } from '../calendar/business-time.rules.js';
import { parseCalendarDate } from '../calendar/calendar-date.rules.js';
import { addDays, type LocalDate, localDateAt } from '../calendar/local-date.rules.js';
import { isWorkingDate, type WorkingTimeProfile } from '../calendar/working-time.rules.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { ActionItemStatus, DueSpec } from './action-items.types.js';

/** Longest "N working days" accepted: a quarter and a bit. */
export const MAX_WORKING_DAYS = 90;
export const MAX_TITLE_LENGTH = 300;

/**
 * The local date an item is due on. A date is taken as given (it must be a real date);
 * "N working days" is addWorkingDates from the owner's today: the N-th working date after
 * it in the owner's working time (their calendar with holidays and make-up workdays, their
 * week, their absences), so the item is due by the end of the N-th full working day.
 */
export function dueOnFrom(spec: DueSpec, now: Date, owner: WorkingTimeProfile): LocalDate {
  // Whoever set the date has already held it to their today (e.g. the Resolve form).
  if ('date' in spec) return parseCalendarDate(spec.date);
  const n = spec.workingDays;
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_WORKING_DAYS))
    throw new DomainError(
      'action_item.bad_working_days',
      { key: 'actionItems.errors.badWorkingDays', params: { max: MAX_WORKING_DAYS } },
      { detail: `working days must be 1..${MAX_WORKING_DAYS}, got ${n}` },
    );
  return addWorkingDates(localDateAt(now, owner.timeZone), n, owner);
}

export type ActionItemEvent = 'complete' | 'cancel' | 'redate' | 'mark_overdue';

/**
 * The one transition function. DONE and CANCELLED are final (a new item is created
 * instead of reopening one); a re-date of an OPEN or OVERDUE item makes it OPEN again,
 * so its reminder and overdue notice come round for the new date.
 */
export function nextStatus(current: ActionItemStatus, event: ActionItemEvent): ActionItemStatus | null {
  const live = current === 'OPEN' || current === 'OVERDUE';
  switch (event) {
    case 'complete':
      return live ? 'DONE' : null;
    case 'cancel':
      return live ? 'CANCELLED' : null;
    case 'redate':
      return live ? 'OPEN' : null;
    case 'mark_overdue':
      return current === 'OPEN' ? 'OVERDUE' : null;
  }
}

/** The last working date strictly before `date` (null when none in 60 days: no reminder). */
export function workingDateBefore(date: LocalDate, owner: WorkingTimeProfile): LocalDate | null {
  for (let back = 1; back <= 60; back++) {
    const candidate = addDays(date, -back);
    if (isWorkingDate(candidate, owner)) return candidate;
  }
  return null;
}

/**
 * What the job owes an item now. Both happen only in the owner's working time (the budget
 * then applies quiet hours and caps on top):
 * - reminder: once, from the owner's working day before the due date until the due date;
 * - overdue: once, from the owner's first working moment after the due date.
 */
export function dueNotice(
  item: {
    status: ActionItemStatus;
    dueOn: LocalDate;
    remindedAt: Date | null;
    overdueNotifiedAt: Date | null;
  },
  now: Date,
  owner: WorkingTimeProfile,
  isWorkingNow: boolean,
): 'reminder' | 'overdue' | null {
  if (!isWorkingNow || item.status !== 'OPEN') return null;
  const today = localDateAt(now, owner.timeZone);
  if (today > item.dueOn) return item.overdueNotifiedAt ? null : 'overdue';
  if (item.remindedAt) return null;
  const dayBefore = workingDateBefore(item.dueOn, owner);
  return dayBefore !== null && today >= dayBefore ? 'reminder' : null;
}

/** Normalizes and checks a title. */
export function cleanTitle(title: string): string {
  const trimmed = title.trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0 || trimmed.length > MAX_TITLE_LENGTH)
    throw new DomainError(
      'action_item.bad_title',
      { key: 'actionItems.errors.badTitle', params: { max: MAX_TITLE_LENGTH } },
      { detail: `title length ${trimmed.length}` },
    );
  return trimmed;
}
