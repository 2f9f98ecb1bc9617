import { IANAZone } from 'luxon';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Bounded memos for the two questions every due schedule asks (bench:scheduler: decide was
 * half of a claim's time, in Intl). Luxon builds an Intl.DateTimeFormat for each validity
 * check and formats parts for each offset; both answers depend only on their arguments and
 * the process's time-zone data, so they are remembered. Cleared when full, never stale.
 */
const MEMO_LIMIT = 20_000;
const zoneValidity = new Map<string, boolean>();
const offsetMemo = new Map<string, number>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** Whether `zone` is an IANA time zone this process knows (memoized IANAZone.isValidZone). */
export function isKnownTimeZone(zone: string): boolean {
  return zoneValidity.get(zone) ?? remember(zoneValidity, zone, IANAZone.isValidZone(zone));
}

/** The zone's offset from UTC at an instant, in minutes (memoized IANAZone#offset). */
function offsetMinutes(zone: string, instantMs: number): number {
  const key = `${zone}|${instantMs}`;
  return offsetMemo.get(key) ?? remember(offsetMemo, key, IANAZone.create(zone).offset(instantMs));
}

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
  const offsetAt = (instantMs: number) => offsetMinutes(zone, instantMs) * MINUTE_MS;
  // Every offset the zone uses around this time; real offsets change by at most a day's worth.
  const around = new Set([
    offsetAt(naiveMs - 26 * HOUR_MS),
    offsetAt(naiveMs),
    offsetAt(naiveMs + 26 * HOUR_MS),
  ]);
  const exact = [...around]
    .map((offset) => naiveMs - offset)
    .filter((instant) => instant + offsetAt(instant) === naiveMs);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In a gap: walk forward from the earliest reading until the local clock has passed it.
  let instant = Math.min(...[...around].map((offset) => naiveMs - offset));
  while (instant + offsetAt(instant) < naiveMs) instant += MINUTE_MS;
  return new Date(instant);
}

/** The local wall-clock reading of an instant in `zone`, as naive milliseconds. */
export function instantToWallClock(instant: Date, zone: string): number {
  return instant.getTime() + offsetMinutes(zone, instant.getTime()) * MINUTE_MS;
}

/** 'YYYY-MM-DD' of a naive time. */
export function naiveDate(naiveMs: number): string {
  return new Date(naiveMs).toISOString().slice(0, 10);
}
