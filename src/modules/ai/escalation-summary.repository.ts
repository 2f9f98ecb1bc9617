import type { EscalationSummarySource } from './escalation-summary.types.js';

export interface EscalationSummaryRepository {
  /** What Liaison holds about ESC-<number>, or null when the workspace has no such escalation. */
  sourceOf(workspaceId: string, number: number): Promise<EscalationSummarySource | null>;
}
