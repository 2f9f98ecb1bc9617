import type { ExportLimits, ExportValue } from './export.types.js';

/** Cell helpers shared by every module's export section, so all tables read alike. */

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const iso = (date: Date | null | undefined): string | null => date?.toISOString() ?? null;

/** A @db.Date column: the calendar date, without a time that would suggest a zone. */
export const day = (date: Date): string => date.toISOString().slice(0, 10);
export const optionalDay = (date: Date | null | undefined): string | null => (date ? day(date) : null);

/** A JSON column as it came from the database (already plain JSON). */
export const json = (value: unknown): ExportValue => (value ?? null) as ExportValue;

/** Minutes after midnight as `HH:MM`. */
export const clockTime = (minute: number | null): string | null =>
  minute === null
    ? null
    : `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The bitmask (Monday = 1 … Sunday = 64) as `mon,tue,…`, readable in a spreadsheet. */
export const workDayNames = (mask: number): string =>
  DAY_NAMES.filter((_, index) => mask & (1 << index)).join(',');

/**
 * How many rows a source reads: one more than the cap, so the export service can tell a
 * table that was cut from one that fits exactly.
 */
export const rowsToRead = (limits: ExportLimits): number => limits.maxRowsPerTable + 1;
