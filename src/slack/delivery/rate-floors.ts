import type { BucketRule } from './token-bucket.js';

/**
 * Slack's documented floors for the bulk client, per workspace (SLACK-FACTS.md, Outbound).
 * Tiers are minimums Slack guarantees; staying at them means bulk traffic is never
 * answered 429 in normal operation. Raise them per workspace only when Slack says so.
 */
export interface BulkRates {
  /** Per Web API method, across the workspace. */
  methods: Record<string, BucketRule>;
  /** chat.postMessage into one channel (Slack: about 1 per second, short bursts allowed). */
  postPerChannel: BucketRule;
}

export const SLACK_FLOOR_RATES: BulkRates = {
  methods: {
    // "Several hundred per minute" per workspace: the conservative end.
    // No bursts of our own: calls go evenly spaced and Slack's burst allowance is left as
    // headroom for network jitter. Each 429 costs a whole second (Retry-After is whole
    // seconds), far more than the burst would save.
    'chat.postMessage': { perMinute: 300, burst: 1 },
    'chat.update': { perMinute: 50, burst: 1 },
    'conversations.open': { perMinute: 50, burst: 1 },
    'conversations.history': { perMinute: 50, burst: 1 },
  },
  postPerChannel: { perMinute: 60, burst: 1 },
};

/** The same shape with every rate multiplied (benchmarks and a fake Slack that scales too). */
export function scaleRates(rates: BulkRates, factor: number): BulkRates {
  const scale = (rule: BucketRule): BucketRule => ({ perMinute: rule.perMinute * factor, burst: rule.burst });
  return {
    methods: Object.fromEntries(Object.entries(rates.methods).map(([method, rule]) => [method, scale(rule)])),
    postPerChannel: scale(rates.postPerChannel),
  };
}
