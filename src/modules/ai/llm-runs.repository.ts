import type { LlmRunRecord, LlmUsageReport } from './llm-runs.types.js';

export interface LlmRunsRepository {
  record(run: LlmRunRecord): Promise<void>;
  /** Tokens in + out recorded for the workspace since `since`. */
  tokensSince(workspaceId: string, since: Date): Promise<number>;
  usage(workspaceId: string, since: Date, failures: number): Promise<LlmUsageReport>;
}
