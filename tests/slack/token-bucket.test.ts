import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/slack/delivery/token-bucket.js';

/** A clock and a sleep that wakes `lateMs` after it was due, as a busy event loop does. */
function lateTimers(lateMs: number) {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += Math.max(1, ms) + lateMs;
    },
    idle: (ms: number) => {
      t += ms;
    },
  };
}

async function grantTimes(bucket: TokenBucket, calls: number, now: () => number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    await bucket.acquire();
    times.push(now());
  }
  return times;
}

describe('token bucket pacing', () => {
  it('keeps the rule rate when every timer fires late (10,000 DMs vs the floor, issue 16)', async () => {
    // 600/min = one call per 100 ms; each wake-up 20 ms late. Clamping at the capacity lost
    // those 20 ms on every call: 120 ms per call, 1.2× the floor.
    const timers = lateTimers(20);
    const bucket = new TokenBucket({ perMinute: 600, burst: 1 }, timers.now, timers.sleep);

    const times = await grantTimes(bucket, 101, timers.now);

    const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
    expect(span / (100 * 100)).toBeLessThanOrEqual(1.01);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(50); // never closer than half the interval
  });

  it('saves nothing up while idle: after a quiet spell the second call still waits a whole interval', async () => {
    const timers = lateTimers(0);
    const bucket = new TokenBucket({ perMinute: 600, burst: 1 }, timers.now, timers.sleep);
    await grantTimes(bucket, 3, timers.now);
    timers.idle(10_000);

    const [first, second] = await grantTimes(bucket, 2, timers.now);

    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(100);
  });

  it('after a Retry-After pause, restarts from the pause at the rule rate', async () => {
    const timers = lateTimers(5);
    const bucket = new TokenBucket({ perMinute: 600, burst: 1 }, timers.now, timers.sleep);
    await grantTimes(bucket, 2, timers.now);
    bucket.pauseUntil(timers.now() + 1_000);
    const pausedAt = timers.now();

    const [first, second] = await grantTimes(bucket, 2, timers.now);

    expect(first ?? 0).toBeGreaterThanOrEqual(pausedAt + 1_000);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(50);
  });
});
