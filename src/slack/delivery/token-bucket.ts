export interface BucketRule {
  perMinute: number;
  /** Calls that may go at once after a quiet spell. */
  burst: number;
}

const timerSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, ms)));

/**
 * How much of a late wake-up a waiting caller keeps, in calls. A timer never fires early and
 * often fires a millisecond or more late; clamping the bucket at its capacity threw that time
 * away on every call, so a bucket paced at 125 calls/s ran at ≈ 110 (bench:fanout, issue 16).
 * Keeping up to half a call means the long-run rate is the rule's even when every timer is
 * late, while two calls are never closer than half the interval. Idle time is not kept.
 */
const LATE_WAKE_CARRY = 0.5;

/**
 * Paces calls to a steady rate, first come first served. Tokens are taken at the moment a
 * call really goes (not when it was scheduled): when the event loop runs late, calls do
 * not bunch up to "catch up" and trip Slack's own bucket. `pauseUntil` is for Retry-After:
 * nothing goes before it, and the rate restarts from there.
 */
export class TokenBucket {
  #tokens: number;
  #refilledAt: number;
  #pausedUntil = 0;
  #line: Promise<void> = Promise.resolve();
  readonly #perMs: number;
  readonly #capacity: number;

  constructor(
    readonly rule: BucketRule,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = timerSleep,
  ) {
    if (!(rule.perMinute > 0)) throw new Error(`a token bucket needs perMinute > 0, got ${rule.perMinute}`);
    this.#perMs = rule.perMinute / 60_000;
    this.#capacity = Math.max(1, rule.burst);
    this.#tokens = this.#capacity;
    this.#refilledAt = now();
  }

  /** Resolves when this caller may make its call. */
  acquire(): Promise<void> {
    const turn = this.#line.then(() => this.#take());
    this.#line = turn.catch(() => {});
    return turn;
  }

  pauseUntil(at: number): void {
    if (at <= this.#pausedUntil) return;
    this.#pausedUntil = at;
    // Whatever was saved up is gone: Slack said "not now", so the rate restarts from `at`.
    this.#tokens = 0;
    this.#refilledAt = Math.max(this.#refilledAt, at);
  }

  /** True when a full burst is available again (an idle per-channel bucket can be dropped). */
  isIdle(): boolean {
    const elapsed = this.now() - this.#refilledAt;
    return elapsed > 0 && this.#tokens + elapsed * this.#perMs >= this.#capacity;
  }

  async #take(): Promise<void> {
    let waited = false;
    for (;;) {
      const now = this.now();
      if (now < this.#pausedUntil) {
        await this.sleep(this.#pausedUntil - now);
        waited = false;
        continue;
      }
      if (now > this.#refilledAt) {
        const ceiling = waited ? this.#capacity + LATE_WAKE_CARRY : this.#capacity;
        this.#tokens = Math.min(ceiling, this.#tokens + (now - this.#refilledAt) * this.#perMs);
        this.#refilledAt = now;
      }
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return;
      }
      await this.sleep((1 - this.#tokens) / this.#perMs);
      waited = true;
    }
  }
}
