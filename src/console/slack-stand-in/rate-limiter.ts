import type { RateLimitRule } from './types.js';

interface Bucket {
  rule: RateLimitRule;
  tokens: number;
  refilledAt: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

/**
 * Token buckets per method, the way Slack meters tiers: `perMinute` refills steadily and
 * `burst` (default: a full minute's worth) is how many calls may arrive at once.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #limited = new Map<string, number>();

  constructor(
    rules: Partial<Record<string, RateLimitRule>>,
    private readonly now: () => number,
  ) {
    for (const [method, rule] of Object.entries(rules)) {
      if (rule) this.set(method, rule);
    }
  }

  set(method: string, rule: RateLimitRule | undefined): void {
    if (!rule) {
      this.#buckets.delete(method);
      return;
    }
    if (!(rule.perMinute > 0)) throw new Error(`rate limit for ${method} needs perMinute > 0`);
    this.#buckets.set(method, { rule, tokens: capacity(rule), refilledAt: this.now() });
  }

  take(method: string): RateDecision {
    const bucket = this.#buckets.get(method);
    if (!bucket) return { allowed: true };
    const now = this.now();
    const perMs = bucket.rule.perMinute / 60_000;
    bucket.tokens = Math.min(capacity(bucket.rule), bucket.tokens + (now - bucket.refilledAt) * perMs);
    bucket.refilledAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    this.countLimited(method);
    // Retry-After is whole seconds; round up so a client that honours it finds a token.
    const retryAfterSec = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    return { allowed: false, retryAfterSec };
  }

  /** Also used for injected 429s so the count reflects every 429 the client saw. */
  countLimited(method: string): void {
    this.#limited.set(method, this.limitedCount(method) + 1);
  }

  limitedCount(method: string): number {
    return this.#limited.get(method) ?? 0;
  }

  resetCounts(): void {
    this.#limited.clear();
  }
}

function capacity(rule: RateLimitRule): number {
  return Math.max(1, rule.burst ?? rule.perMinute);
}
