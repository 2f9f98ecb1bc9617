import type { Clock } from '../../src/modules/shared/clock.types.js';

/** A clock tests move by hand. */
export function fixedClock(
  start: Date | string,
): Clock & { advance(ms: number): void; set(at: Date | string): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
    set(at) {
      now = new Date(at);
    },
  };
}
