import type { Role } from '../people/person.types.js';

export const SEVERITIES = ['NORMAL', 'HIGH', 'URGENT'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type EscalationStatus = 'OPEN' | 'ACKNOWLEDGED' | 'PROPOSED' | 'RESOLVED';
export type Level = 1 | 2 | 3;

/** What a person may do to an escalation; the scheduler's `breach` is not a person's action. */
export type EscalationAction =
  | 'acknowledge'
  | 'propose'
  | 'accept'
  | 'reject'
  | 'escalate'
  | 'reassign'
  | 'resolve'
  | 'reopen'
  | 'markForMeeting'
  | 'breach';

export interface EscalationOption {
  label: string;
  recommended: boolean;
}

export interface EscalationDto {
  id: string;
  workspaceId: string;
  number: number;
  title: string;
  blocked: string;
  impact: string;
  decisionNeeded: string;
  options: EscalationOption[];
  severity: Severity;
  status: EscalationStatus;
  level: number;
  raisedByPersonId: string;
  assigneePersonId: string | null;
  wantedBy: Date | null;
  slaDueAt: Date | null;
  acknowledgedAt: Date | null;
  nextPingAt: Date | null;
  proposal: string | null;
  proposedByPersonId: string | null;
  markedForMeetingAt: Date | null;
  markedForMeetingReason: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
  departments: { departmentId: string; role: 'RAISER' | 'COUNTERPART' }[];
}

/** A person on the ladder: someone with a LEAD, HEAD or EXECUTIVE membership. */
export interface LadderMember {
  personId: string;
  departmentId: string;
  role: Role;
}

/** Who a notice goes to, with what it is rendered in. */
export interface Recipient {
  personId: string;
  locale: string | null;
  timeZone: string | null;
}

export interface RaiseInput {
  title: string;
  blocked: string;
  impact: string;
  decisionNeeded: string;
  options: EscalationOption[];
  severity: Severity;
  /** The raiser's department first, then the counterpart(s). */
  raiserDepartmentId: string;
  counterpartDepartmentIds: string[];
  /** YYYY-MM-DD. */
  wantedBy?: string | null;
  source?: { channelId: string; messageTs: string; permalink?: string | null; quote?: string | null };
  /**
   * Set when Liaison raises it on its own (a KPI breach): the same key raises once — a second
   * raise (a retry after a crash between raising and recording) returns the first escalation.
   */
  originKey?: string | null;
}

export interface ActionItemInput {
  title: string;
  ownerPersonId: string;
  /** The department the item counts for (assessment, who may re-date it); set by resolve. */
  ownerDepartmentId?: string | null;
  /** YYYY-MM-DD. */
  dueOn: string;
}

export interface DecisionDto {
  id: string;
  escalationId: string | null;
  escalationNumber: number | null;
  escalationTitle: string | null;
  text: string;
  decidedByPersonId: string;
  optionsConsidered: string[];
  decidedAt: Date;
}

export type ListScope = 'mine' | 'department' | 'open';
