import type { NoticeType } from './escalation-notifier.types.js';
import type {
  ActionItemInput,
  DecisionDto,
  EscalationDto,
  EscalationStatus,
  LadderMember,
  ListScope,
  RaiseInput,
  Recipient,
  Severity,
} from './escalations.types.js';

export interface EventInput {
  type: string;
  actorPersonId: string | null;
  level: number;
  fromStatus: EscalationStatus | null;
  toStatus: EscalationStatus | null;
  note?: string | null;
  /** Breaches: the deadline acted on (unique with type and level, so it is acted on once). */
  slaDueAt?: Date | null;
  /** When it happened, by the service's clock (the database's when absent). */
  at?: Date;
  /** The notice this change owes, stored with it and cleared once queued (see noticeQueued). */
  pendingNotice?: PendingNotice | null;
}

/** A notice written in the change's transaction, so a crash before it is queued does not lose it. */
export interface PendingNotice {
  type: NoticeType;
  /** Unique per logical notice: queuing it again is a no-op. */
  key: string;
  to: string[];
  breachedDeadline?: string;
  late?: boolean;
}

export interface AuditInput {
  actorSlackId: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Fields a transition may set. */
export interface EscalationPatch {
  status?: EscalationStatus;
  level?: number;
  slaDueAt?: Date | null;
  nextPingAt?: Date | null;
  acknowledgedAt?: Date | null;
  assigneePersonId?: string | null;
  proposal?: string | null;
  proposedByPersonId?: string | null;
  markedForMeetingAt?: Date | null;
  markedForMeetingReason?: string | null;
  resolvedAt?: Date | null;
}

/** The state a change was planned against: the update applies only if it still holds. */
export interface Expected {
  status: EscalationStatus;
  level: number;
  slaDueAt: Date | null;
}

export interface DecisionInput {
  text: string;
  decidedByPersonId: string;
  optionsConsidered: string[];
}

/** Creates action items in the caller's transaction (src/modules/action-items, when present). */
export interface ActionItemsPort {
  createMany(
    tx: unknown,
    input: {
      workspaceId: string;
      decisionId: string;
      escalationId: string;
      createdByPersonId: string;
      actorSlackId: string | null;
      items: readonly ActionItemInput[];
    },
  ): Promise<void>;
}

export interface DueBreach {
  id: string;
  workspaceId: string;
  level: number;
  slaDueAt: Date;
  severity: Severity;
  status: EscalationStatus;
}

export interface EscalationsRepository {
  policyOf(workspaceId: string): Promise<unknown>;
  /** LEAD/HEAD/EXECUTIVE memberships of the involved departments, and every executive of the workspace. */
  ladderOf(workspaceId: string, departmentIds: readonly string[]): Promise<LadderMember[]>;
  /** Active people among `personIds`, only within `workspaceId` when given. */
  recipients(personIds: readonly string[], workspaceId?: string): Promise<Recipient[]>;
  activeDepartmentIds(workspaceId: string, ids: readonly string[]): Promise<string[]>;
  /** Memberships (any role) of these people in active departments of the workspace. */
  membershipsOf(workspaceId: string, personIds: readonly string[]): Promise<LadderMember[]>;
  /** Allocates the workspace's next ESC number (UPDATE … RETURNING) and stores it, in one transaction. */
  raise(input: {
    workspaceId: string;
    raisedByPersonId: string;
    raise: RaiseInput;
    level: number;
    slaDueAt: Date;
    nextPingAt: Date | null;
    event: EventInput;
    audit: AuditInput;
  }): Promise<{ escalation: EscalationDto; eventId: string }>;
  findById(id: string): Promise<EscalationDto | null>;
  findByNumber(workspaceId: string, number: number): Promise<EscalationDto | null>;
  findByOriginKey(workspaceId: string, originKey: string): Promise<EscalationDto | null>;
  /**
   * Applies `patch` if the escalation is still as `expected`, with its event and audit row,
   * in one transaction; a decision (and its action items) too when given. Null when the
   * state moved on (another person or replica got there first) or the event already exists.
   */
  applyChange(input: {
    escalationId: string;
    workspaceId: string;
    expected: Expected;
    patch: EscalationPatch;
    event: EventInput;
    audit: AuditInput;
    decision?: DecisionInput & { actionItems: readonly ActionItemInput[] };
  }): Promise<{ escalation: EscalationDto; eventId: string; decisionId: string | null } | null>;
  /** Urgent re-ping: moves nextPingAt from `expected` to `next` (compare-and-set). */
  advancePing(escalationId: string, expected: Date, next: Date): Promise<boolean>;
  recordRefusal(
    actor: { workspaceId: string; slackUserId: string },
    escalationId: string,
    attempted: string,
  ): Promise<void>;
  /** The event's notice is queued: it is no longer pending. */
  noticeQueued(eventId: string): Promise<void>;
  /** Events whose notice is still pending, written between `from` and `to` (oldest first). */
  pendingNotices(
    window: { from: Date; to: Date },
    limit: number,
    workspaceId?: string,
  ): Promise<{ eventId: string; escalationId: string; notice: PendingNotice }[]>;
  dueBreaches(now: Date, limit: number, workspaceId?: string): Promise<DueBreach[]>;
  duePings(now: Date, limit: number, workspaceId?: string): Promise<{ id: string; nextPingAt: Date }[]>;
  list(
    workspaceId: string,
    scope: ListScope,
    person: { personId: string; departmentIds: string[] },
  ): Promise<EscalationDto[]>;
  searchDecisions(workspaceId: string, query: string, limit: number): Promise<DecisionDto[]>;
}
