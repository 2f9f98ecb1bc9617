import { IANAZone } from 'luxon';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Wall-clock times are handled as "naive" milliseconds: Date.UTC(year, month, day, hour,
 * minute) of the local reading, with no zone. This turns one into a real instant in `zone`:
 *
 * - a time that exists once maps to that instant;
 * - a time that exists twice (the fall-back hour) maps to its FIRST occurrence, so a slot
 *   there runs once, on the earlier offset;
 * - a time that does not exist (the spring-forward gap) maps to the first valid minute
 *   after it, i.e. the instant the clocks jump (02:30 in New York on spring-forward day →
 *   03:00 EDT).
 *
 * The mapping never decreases as the wall-clock time grows, which is what lets nextSlot
 * stop at the first candidate after a given instant.
 */
export function wallClockToInstant(naiveMs: number, zone: string): Date {
  const tz = IANAZone.create(zone);
  const offsetAt = (instantMs: number) => tz.offset(instantMs) * MINUTE_MS;
  // Every offset the zone uses around this time; real offsets change by at most a day's worth.
  const offsets = new Set([
    offsetAt(naiveMs - 26 * HOUR_MS),
    offsetAt(naiveMs),
    offsetAt(naiveMs + 26 * HOUR_MS),
  ]);
  const exact = [...offsets]
    .map((offset) => naiveMs - offset)
    .filter((instant) => instant + offsetAt(instant) === naiveMs);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In a gap: walk forward from the earliest reading until the local clock has passed it.
  let instant = Math.min(...[...offsets].map((offset) => naiveMs - offset));
  while (instant + offsetAt(instant) < naiveMs) instant += MINUTE_MS;
  return new Date(instant);
}

/** The local wall-clock reading of an instant in `zone`, as naive milliseconds. */
export function instantToWallClock(instant: Date, zone: string): number {
  return instant.getTime() + IANAZone.create(zone).offset(instant.getTime()) * MINUTE_MS;
}

/** 'YYYY-MM-DD' of a naive time. */
export function naiveDate(naiveMs: number): string {
  return new Date(naiveMs).toISOString().slice(0, 10);
}
