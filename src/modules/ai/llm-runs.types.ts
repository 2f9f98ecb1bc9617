/** Which path wrote what a person sees: the language model, or Liaison's rules. */
export type WrittenBy = 'model' | 'rules';

/** One call of the LLM layer, as `/liaison ai` and the daily budget read it. */
export interface LlmRunRecord {
  workspaceId: string;
  promptName: string;
  promptHash: string;
  model: string;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  /** 'ok', or why the rules answered (invalid_output, no_receipts, timeout, breaker_open, over_budget…). */
  outcome: string;
  writtenBy: WrittenBy;
  at: Date;
}

/** What `/liaison ai` shows an admin. */
export interface LlmUsageReport {
  tokensToday: number;
  callsToday: number;
  recentFailures: LlmRunRecord[];
}
