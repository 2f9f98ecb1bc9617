import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRequestAdmission } from '../../src/slack/request-admission.js';

/** Settles pending promise callbacks (admission hands turns over through promises). */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('request admission', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('admits up to the limit at once, then in arrival order as requests finish', async () => {
    const queued: number[] = [];
    const admission = createRequestAdmission({
      limit: 2,
      maxWaitMs: 60_000,
      onQueued: (n) => queued.push(n),
    });
    const first = await admission.enter();
    const second = await admission.enter();
    const order: string[] = [];
    const third = admission.enter().then((done) => {
      order.push('third');
      return done;
    });
    const fourth = admission.enter().then((done) => {
      order.push('fourth');
      return done;
    });
    await settle();
    expect(order).toEqual([]);
    expect(queued).toEqual([1, 2]);
    expect(admission.inProgress).toBe(2);
    expect(admission.waiting).toBe(2);

    first();
    await settle();
    expect(order).toEqual(['third']);
    first(); // a second call of the same release changes nothing
    await settle();
    expect(order).toEqual(['third']);
    expect(admission.inProgress).toBe(2);

    second();
    await settle();
    expect(order).toEqual(['third', 'fourth']);
    (await third)();
    (await fourth)();
    expect(admission.inProgress).toBe(0);
    expect(admission.waiting).toBe(0);
  });

  it('lets a request that waited the longest allowed go ahead over the limit, and no later one jumps the queue', async () => {
    const admission = createRequestAdmission({ limit: 1, maxWaitMs: 1_500 });
    const held = await admission.enter();
    let waited: (() => void) | undefined;
    void admission.enter().then((done) => {
      waited = done;
    });
    await vi.advanceTimersByTimeAsync(1_499);
    expect(waited).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(waited).toBeDefined();
    expect(admission.inProgress).toBe(2);
    expect(admission.waiting).toBe(0);

    // Over the limit now: a newcomer waits until both are done.
    let newcomer = false;
    void admission.enter().then(() => {
      newcomer = true;
    });
    held();
    await settle();
    expect(newcomer).toBe(false);
    waited?.();
    await settle();
    expect(newcomer).toBe(true);
  });

  it('refuses a limit below one', () => {
    expect(() => createRequestAdmission({ limit: 0, maxWaitMs: 1 })).toThrow(/at least 1/);
  });
});
