import type { EscalationStatus } from '../escalations/escalations.types.js';

/** A person the model may name as owner: only these (by ref, "P1") become owners. */
export interface CandidateOwner {
  ref: string;
  personId: string;
  name: string;
  departmentId: string;
  role: 'LEAD' | 'HEAD' | 'MEMBER' | 'EXECUTIVE';
}

/** Everything drafting from one escalation's decision may use. */
export interface DecisionDraftSource {
  workspaceId: string;
  escalation: {
    id: string;
    number: number;
    title: string;
    status: EscalationStatus;
    decisionNeeded: string;
    options: string[];
  };
  /** The latest decision (null while none is recorded). */
  decision: { id: string; text: string; decidedBy: string; at: Date; optionsConsidered: string[] } | null;
  /** Raiser first; each with its leads and heads (first = the one proposals are offered to). */
  departments: {
    id: string;
    nameEn: string;
    nameZh: string;
    role: 'RAISER' | 'COUNTERPART';
    leads: { personId: string; name: string; role: 'LEAD' | 'HEAD' }[];
    card: { channelId: string; ts: string } | null;
  }[];
  /** Oldest first. */
  events: { type: string; actor: string | null; note: string | null; at: Date }[];
}

/** One reply in a card's thread, when the history scope was granted and the channel is public. */
export interface ThreadMessage {
  author: string;
  text: string;
}

/** One drafted item before it is stored: owner and department resolved from the input only. */
export interface DraftedItem {
  title: string;
  ownerPersonId: string | null;
  ownerDepartmentId: string | null;
  dueInWorkingDays: number;
  refs: string[];
}

/** Someone a proposal names or is offered to. */
export interface ProposalRecipient {
  personId: string;
  slackUserId: string;
  name: string;
  locale: string | null;
}

/** The words a proposal's DM uses for where it came from. */
export interface ProposalSourceLabel {
  /** "ESC-4 — title" or the meeting's title and date (plain text). */
  source: string;
  department: { nameEn: string; nameZh: string } | null;
}

/** A meeting occurrence notes are drafted against: its series' departments and their leads. */
export interface MeetingNotesSource {
  meetingId: string;
  seriesNumber: number;
  title: string;
  plannedOn: string;
  departments: {
    id: string;
    nameEn: string;
    leads: { personId: string; name: string; role: 'LEAD' | 'HEAD' }[];
  }[];
  facilitatorPersonId: string | null;
  delegatePersonIds: string[];
}
