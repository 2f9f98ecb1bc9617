import type {
  DecisionDraftSource,
  MeetingNotesSource,
  ProposalRecipient,
  ProposalSourceLabel,
} from './action-item-drafts.types.js';

export interface ActionItemDraftsRepository {
  /** What drafting from ESC-<number>'s decision may use, or null when there is no such escalation. */
  decisionSourceOf(workspaceId: string, number: number): Promise<DecisionDraftSource | null>;
  /** The people proposals name or are offered to: their Slack id, name and language. */
  recipients(workspaceId: string, personIds: readonly string[]): Promise<Map<string, ProposalRecipient>>;
  /** What a proposal's DM names: its source (escalation number and title, or meeting) and department. */
  describe(
    workspaceId: string,
    proposal: { sourceType: string; sourceId: string; ownerDepartmentId: string | null },
  ): Promise<ProposalSourceLabel>;
  /** The latest meeting whose agenda was posted (of series MTG-<seriesNumber> when given), or null. */
  meetingSourceOf(workspaceId: string, seriesNumber?: number): Promise<MeetingNotesSource | null>;
}
