import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createDeliveryWake } from '../../../src/modules/delivery/delivery-wake.js';
import type { DeliveryWorker, DrainReport } from '../../../src/modules/delivery/delivery-worker.service.js';
import {
  idleSleepMs,
  startDeliveryWorker,
} from '../../../src/modules/delivery/delivery-worker-loop.service.js';
import { systemClock } from '../../../src/modules/shared/clock.types.js';

const idle: DrainReport = { sent: 0, retried: 0, failed: 0, released: 0 };
const timing = { idleMs: 30_000, retryMs: 1_000 };
const now = new Date('2026-12-07T06:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('how long an idle delivery loop sleeps', () => {
  it('until the next due row, a little after it; at most the idle interval', () => {
    expect(idleSleepMs(null, now, timing)).toBe(30_000);
    expect(idleSleepMs(later(1_500), now, timing)).toBe(1_505);
    expect(idleSleepMs(later(10 * 60_000), now, timing)).toBe(30_000);
  });

  it('briefly when a row already due is still there (another worker holds it): never a busy loop', () => {
    expect(idleSleepMs(later(-5_000), now, timing)).toBe(1_000);
    expect(idleSleepMs(now, now, timing)).toBe(1_000);
  });
});

describe('the delivery wake', () => {
  it('answers a ring made since the last reset at once, and forgets it on reset', async () => {
    const wake = createDeliveryWake();
    wake.ring();
    const started = Date.now();
    await wake.wait(10_000);
    expect(Date.now() - started).toBeLessThan(100);
    wake.reset();
    const waited = Date.now();
    await wake.wait(50);
    expect(Date.now() - waited).toBeGreaterThanOrEqual(45);
  });
});

describe('the delivery worker loop', () => {
  it('passes again at once when a row is queued during a pass, though idle for 30 s', async () => {
    const wake = createDeliveryWake();
    const passes: number[] = [];
    const worker: DeliveryWorker = {
      async drain() {
        passes.push(Date.now());
        // Another request queues (and commits) a row while this pass runs: the pass may
        // have claimed before the commit, so only another pass can be sure to see it.
        if (passes.length === 1) wake.ring();
        return idle;
      },
      nextDueAt: async () => null,
    };
    const running = startDeliveryWorker({
      worker,
      wake,
      clock: systemClock,
      logger: pino({ level: 'silent' }),
      timing,
    });
    await sleep(200);
    await running.stop();
    expect(passes).toHaveLength(2);
  });

  it('tries again shortly after a failed pass', async () => {
    const wake = createDeliveryWake();
    let passes = 0;
    const worker: DeliveryWorker = {
      async drain() {
        passes += 1;
        if (passes === 1) throw new Error('database unavailable');
        return idle;
      },
      nextDueAt: async () => null,
    };
    const running = startDeliveryWorker({
      worker,
      wake,
      clock: systemClock,
      logger: pino({ level: 'silent' }),
      timing: { idleMs: 30_000, retryMs: 50 },
    });
    await sleep(300);
    await running.stop();
    expect(passes).toBe(2);
  });
});
