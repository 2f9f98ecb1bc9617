import { Cron } from 'croner';
import { z } from 'zod';
import { isKnownTimeZone } from './zoned-time.rules.js';

/** ISO weekday: Monday = 1 … Sunday = 7. */
const weekday = z.number().int().min(1).max(7);
const weekdays = z
  .array(weekday)
  .min(1)
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const weeklyRule = z.strictObject({ type: z.literal('weekly'), weekdays });

/** Every `interval` weeks, counted from the week (Monday-based) that contains `anchor`. */
export const everyNWeeksRule = z.strictObject({
  type: z.literal('every-n-weeks'),
  weekdays,
  interval: z.number().int().min(1).max(52),
  anchor: isoDate,
});

/** Day of the month; in months too short for it, the last day of the month. */
export const monthlyDayRule = z.strictObject({
  type: z.literal('monthly'),
  day: z.number().int().min(1).max(31),
});

/** The nth (1–4) or last (-1) given weekday of each month, e.g. "first Monday". */
export const monthlyNthRule = z.strictObject({
  type: z.literal('monthly'),
  nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
  weekday,
});

/** Every working day: Monday–Friday, or the calendar's working days (make-up days included). */
export const workdaysRule = z.strictObject({ type: z.literal('workdays') });

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week) read as wall-clock
 * time in the schedule's zone; it sets its own times, so the schedule's timeOfDay is not used.
 * Seconds are refused: the ticker runs once a minute.
 */
export const cronRule = z.strictObject({
  type: z.literal('cron'),
  expression: z
    .string()
    .trim()
    .refine(
      (expression) => expression.split(/\s+/).length === 5,
      'five fields: minute hour day month weekday',
    )
    .refine(isCronPattern, 'a valid cron expression'),
});

export const recurrenceSchema = z.union([
  weeklyRule,
  everyNWeeksRule,
  monthlyDayRule,
  monthlyNthRule,
  workdaysRule,
  cronRule,
]);
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (24-hour)');
export const timeZoneSchema = z.string().refine(isKnownTimeZone, 'an IANA time zone');

/** What nextSlot needs to know about a schedule. */
export interface ScheduleTiming {
  recurrence: Recurrence;
  timeOfDay: string;
  timeZone: string;
  skipNonWorkingDays: boolean;
}

export const scheduleTimingSchema = z.object({
  recurrence: recurrenceSchema,
  timeOfDay: timeOfDaySchema,
  timeZone: timeZoneSchema,
  skipNonWorkingDays: z.boolean(),
});

function isCronPattern(expression: string): boolean {
  try {
    new Cron(expression, { paused: true, timezone: 'Etc/UTC' }).stop();
    return true;
  } catch {
    return false;
  }
}
