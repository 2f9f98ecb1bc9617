import type { EscalationOption, EscalationStatus, Severity } from '../escalations/escalations.types.js';

/** Everything Liaison holds about one escalation that a summary may use. */
export interface EscalationSummarySource {
  workspaceId: string;
  workspaceLocale: string;
  escalation: {
    number: number;
    title: string;
    blocked: string;
    impact: string;
    decisionNeeded: string;
    options: EscalationOption[];
    severity: Severity;
    status: EscalationStatus;
    level: number;
    createdAt: Date;
    slaDueAt: Date | null;
    /** YYYY-MM-DD. */
    wantedBy: string | null;
    proposal: string | null;
    proposedBy: string | null;
    markedForMeetingReason: string | null;
    raisedBy: string;
  };
  departments: { nameEn: string; nameZh: string; role: 'RAISER' | 'COUNTERPART' }[];
  /** Oldest first. */
  events: { type: string; actor: string | null; note: string | null; at: Date }[];
  decisions: { text: string; decidedBy: string; at: Date }[];
  /** The message "Escalate this" came from: its text stays out of summaries for a wider audience. */
  source: { quote: string | null; permalink: string | null };
  /** Where the involved departments' cards are (for "post in the thread"). */
  cards: { channelId: string; ts: string }[];
}

/** Who will read a summary: the asker alone, or the card's channel (a wider audience). */
export type SummaryAudience = 'private' | 'thread';

/** One fact a summary may cite: its ref and a line of plain text. */
export interface CitableFact {
  ref: string;
  text: string;
}

export interface CitedLine {
  text: string;
  refs: string[];
}

export interface EscalationSummary {
  positions: CitedLine[];
  options: CitedLine[];
  risks: CitedLine[];
  decision: CitedLine[];
}
