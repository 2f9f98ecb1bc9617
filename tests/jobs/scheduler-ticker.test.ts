import { describe, expect, it } from 'vitest';
import { startSchedulerTicker } from '../../src/jobs/scheduler-ticker.js';
import type { Scheduler, TickSummary } from '../../src/modules/scheduling/scheduler.service.js';
import { memoryLogger } from '../harness/memory-logger.js';

const EMPTY: TickSummary = { started: 0, tookOver: 0, succeeded: 0, failed: 0, skipped: 0, lostLeases: 0 };
const EVERY_SECOND = '* * * * * *';

describe('startSchedulerTicker', () => {
  it('ticks at start and on every cron slot, never two ticks at once, and stop waits for the tick in progress', async () => {
    let running = 0;
    let maxRunning = 0;
    let ticks = 0;
    const scheduler: Scheduler = {
      async tick() {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 1_500)); // longer than a cron slot
        running--;
        ticks++;
        return EMPTY;
      },
    };
    const ticker = startSchedulerTicker({
      scheduler,
      logger: memoryLogger().logger,
      cronExpression: EVERY_SECOND,
    });
    await new Promise((resolve) => setTimeout(resolve, 3_200));
    await ticker.stop();
    expect(running).toBe(0);
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(maxRunning).toBe(1);
  });

  it('logs a failed tick and keeps ticking', async () => {
    let calls = 0;
    const scheduler: Scheduler = {
      async tick() {
        calls++;
        throw new Error('database unreachable');
      },
    };
    const { logger, lines } = memoryLogger();
    const ticker = startSchedulerTicker({ scheduler, logger, cronExpression: EVERY_SECOND });
    await expect.poll(() => calls, { timeout: 3_000 }).toBeGreaterThanOrEqual(2);
    await ticker.stop();
    expect(lines().some((line) => line.msg === 'scheduler tick failed')).toBe(true);
  });
});
