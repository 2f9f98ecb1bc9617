import type { EscalationDto } from './escalations.types.js';

/**
 * The escalation cards' port: what a card shows (its data, read in a few queries) and the
 * card rows of each involved department (where the card should be, where it is, and the
 * posting claim that keeps two replicas from posting it twice). The Slack side renders and
 * posts; this is what it reads and records.
 */

/** Everything a card shows, people as Slack ids (Liaison's own, never typed by a user). */
export interface EscalationCardData
  extends Pick<
    EscalationDto,
    | 'number'
    | 'title'
    | 'blocked'
    | 'impact'
    | 'decisionNeeded'
    | 'options'
    | 'severity'
    | 'status'
    | 'level'
    | 'slaDueAt'
    | 'proposal'
    | 'markedForMeetingReason'
  > {
  /** YYYY-MM-DD. */
  wantedBy: string | null;
  proposedBySlackId: string | null;
  markedForMeeting: boolean;
  sourcePermalink: string | null;
  sourceQuote: string | null;
  raisedBySlackId: string;
  assigneeSlackId: string | null;
  /** The people of the current level. */
  mustActSlackIds: string[];
  departments: { nameEn: string; nameZh: string }[];
  decision: { text: string; decidedBySlackId: string; decidedAt: Date } | null;
}

/** One involved department's card: where it should be, where it is, and why it is not. */
export interface CardRow {
  id: string;
  departmentId: string;
  /** The department's channel now (null: no card for it). */
  departmentChannelId: string | null;
  cardChannelId: string | null;
  cardTs: string | null;
  cardError: string | null;
  /** The language of the department's channel (null: the workspace's). */
  departmentLocale?: string | null;
}

export interface CardSnapshot {
  escalationId: string;
  workspaceId: string;
  /** The escalation's version (updatedAt): stored as the card's cardUpdatedAt once shown. */
  version: Date;
  workspaceLocale: string;
  raiser: { personId: string; slackUserId: string; locale: string | null };
  card: EscalationCardData;
  rows: CardRow[];
}

export interface EscalationCardsRepository {
  load(escalationId: string): Promise<CardSnapshot | null>;
  /**
   * Claims the posting of a card that has none: true for exactly one caller, across replicas,
   * until the card is posted, fails, is given back, or the claim is older than `staleBefore`
   * (its poster died). A card that was posted meanwhile is not claimed.
   */
  claimPosting(rowId: string, now: Date, staleBefore: Date): Promise<boolean>;
  /** Gives back a claim whose post did not happen (a retryable error), so a retry may post. */
  releasePosting(rowId: string, claimedAt: Date): Promise<void>;
  recordPosted(rowId: string, at: { channelId: string; ts: string; version: Date }): Promise<void>;
  recordUpdated(rowId: string, version: Date): Promise<void>;
  /** Stores why the card could not be shown; true when the row had no error before (tell once). */
  recordError(rowId: string, error: string): Promise<boolean>;
  /**
   * Escalations with a card that is behind (shown version older than the escalation) or
   * missing (a channel, no card and no recorded error; open ones only, so giving a department
   * a channel does not flood it with cards of settled disputes) and not being posted by a
   * replica now (a posting claim newer than `staleBefore`), oldest change first.
   */
  staleEscalationIds(workspaceId: string, limit: number, staleBefore: Date): Promise<string[]>;
  /**
   * The departments' posted cards of open (unresolved) escalations are marked behind (their
   * shown version forgotten), so the stale-card sweep re-renders them even if the refresh
   * asked for now is lost; returns those escalations' ids.
   */
  markDepartmentCardsBehind(workspaceId: string, departmentIds: readonly string[]): Promise<string[]>;
}
