import { DomainError } from '../shared/domain-error.types.js';
import type { LocalDate } from './local-date.rules.js';

/*
 * The one parser for dates a person types or picks, in every form and command: a real
 * calendar date (2027-02-30 and 2027-13-01 are not), within range, as 'YYYY-MM-DD'. "Today"
 * is the person's: the caller passes localDateAt(now, their zone), so a date is never
 * judged by another zone's calendar. Anything else is a CalendarDateError whose message key
 * names the problem, shown in the person's language under the field (forms) or privately
 * (commands).
 */

/** Dates outside these are typos (and would not fit every database's date type). */
export const EARLIEST_DATE: LocalDate = '1900-01-01';
export const LATEST_DATE: LocalDate = '2199-12-31';

export type CalendarDateProblem = 'malformed' | 'no_such_date' | 'too_early' | 'too_late';

export class CalendarDateError extends DomainError {
  constructor(
    readonly problem: CalendarDateProblem,
    userMessage: DomainError['userMessage'],
    options: { field?: string; detail?: string },
  ) {
    super(`date.${problem}`, userMessage, options);
    this.name = 'CalendarDateError';
  }
}

export function isCalendarDateError(error: unknown): error is CalendarDateError {
  return error instanceof CalendarDateError;
}

export interface CalendarDateRules {
  /** The person's today in their zone: localDateAt(now, zone). With min = today, a refusal says "in the past". */
  today?: LocalDate;
  /** Earliest accepted date, inclusive. */
  min?: LocalDate;
  /** Latest accepted date, inclusive. */
  max?: LocalDate;
  /** The form field the error belongs to. */
  field?: string;
}

/** 2027-2-3 and 2027/02/03 are read too; full-width digits (typed with a Chinese IME) as well. */
const SHAPE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function halfWidth(text: string): string {
  return text.replace(/[０-９－／]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function parseCalendarDate(
  input: string | null | undefined,
  rules: CalendarDateRules = {},
): LocalDate {
  const typed = halfWidth(input ?? '').trim();
  // Echoed in the message (plain text in a modal, mrkdwn in a reply): short and inert.
  const shown = typed.slice(0, 40).replace(/[^\p{L}\p{N} ./:-]/gu, '') || '—';
  const fail = (problem: CalendarDateProblem, key: DomainError['userMessage']['key'], params = {}) =>
    new CalendarDateError(
      problem,
      { key, params },
      { ...(rules.field ? { field: rules.field } : {}), detail: `"${shown}": ${problem}` },
    );
  const match = SHAPE.exec(typed);
  if (!match) throw fail('malformed', 'dates.errors.malformed', { text: shown });
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) throw fail('no_such_date', 'dates.errors.noSuchMonth', { text: shown });
  const days = daysInMonth(year, month);
  if (day < 1 || day > days)
    throw fail('no_such_date', 'dates.errors.noSuchDay', { text: shown, year, month: pad(month), days });
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const min = rules.min && rules.min > EARLIEST_DATE ? rules.min : EARLIEST_DATE;
  const max = rules.max && rules.max < LATEST_DATE ? rules.max : LATEST_DATE;
  if (date < min)
    throw min === rules.today
      ? fail('too_early', 'dates.errors.beforeToday', { today: min })
      : fail('too_early', 'dates.errors.tooEarly', { date, min });
  if (date > max) throw fail('too_late', 'dates.errors.tooLate', { date, max });
  return date;
}
