/**
 * After `threshold` failures in a row the breaker opens: for `cooldownMs` nobody calls the
 * model and the rule-based path answers at once. Then one call is let through; a success
 * closes it, a failure opens it again.
 */
export interface CircuitBreaker {
  /** Whether a call may go to the model now. */
  allows(): boolean;
  succeeded(): void;
  failed(): void;
  readonly state: 'closed' | 'open' | 'half-open';
}

export function createCircuitBreaker(options: {
  threshold: number;
  cooldownMs: number;
  now?: () => number;
}): CircuitBreaker {
  const now = options.now ?? Date.now;
  let failures = 0;
  let openedAt: number | undefined;
  let trialInFlight = false;
  const state = (): CircuitBreaker['state'] => {
    if (openedAt === undefined) return 'closed';
    return now() - openedAt >= options.cooldownMs ? 'half-open' : 'open';
  };
  return {
    get state() {
      return state();
    },
    allows() {
      const current = state();
      if (current === 'closed') return true;
      if (current === 'open' || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    succeeded() {
      failures = 0;
      openedAt = undefined;
      trialInFlight = false;
    },
    failed() {
      failures += 1;
      trialInFlight = false;
      if (failures >= options.threshold || openedAt !== undefined) openedAt = now();
    },
  };
}
