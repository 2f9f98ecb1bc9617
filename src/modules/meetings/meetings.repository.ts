import type {
  AgendaItemDto,
  AgendaItemInput,
  AgendaItemSource,
  AgendaUrgency,
  DecisionDto,
  DepartmentLead,
  DepartmentName,
  EscalationForAgenda,
  FollowUpItem,
  HolidayPolicy,
  KpiBreachForAgenda,
  MeetingDto,
  MinutesActionItem,
  OccurrenceTimes,
  OkrDropForAgenda,
  PreReadLine,
  SeriesDto,
} from './meetings.types.js';

/** The Prisma transaction client, opaque here: only the Prisma repository knows what it is. */
export type MeetingsTx = unknown;

export interface NewSeriesRow {
  workspaceId: string;
  title: string;
  departmentIds: string[];
  recurrence: unknown;
  timeOfDay: string;
  timeZone: string;
  durationMinutes: number;
  channelId: string;
  facilitatorPersonId: string | null;
  agendaOpensHoursBefore: number;
  agendaClosesHoursBefore: number;
  holidayPolicy: HolidayPolicy;
  createdByPersonId: string | null;
}

/** An item Liaison adds at cut-off (an escalation, an item carried over, a KPI breach, an OKR drop). */
export interface AutomaticItemRow {
  source: Exclude<AgendaItemSource, 'submitted'>;
  title: string;
  description: string | null;
  ownerDepartmentId: string | null;
  urgency: AgendaUrgency;
  link: string | null;
  escalationId: string | null;
  carriedFromItemId: string | null;
  /** 'kpiBreach:<breach id>' or 'okrDrop:<key result id>': added once per meeting. */
  sourceKey: string | null;
}

/** A series' new settings (`/meeting edit`), validated by the service. */
export type SeriesChangeRow = Omit<NewSeriesRow, 'workspaceId' | 'createdByPersonId'>;

/** Who changes what: the audit's actor. */
export interface AuditActor {
  workspaceId: string;
  slackUserId: string;
}

export type MeetingStamp = 'collectionOpenedAt' | 'remindedAt' | 'agendaPostedAt' | 'minutesPostedAt';

export interface MeetingsRepository {
  /** Stores the series (numbered MTG-<n> in its workspace) and its departments, audited. */
  createSeries(row: NewSeriesRow, actorSlackId: string): Promise<SeriesDto>;
  findSeriesByNumber(workspaceId: string, number: number): Promise<SeriesDto | null>;
  findSeriesById(seriesId: string): Promise<SeriesDto | null>;
  /** Series not cancelled, by number. */
  listActiveSeries(workspaceId: string): Promise<SeriesDto[]>;
  /**
   * Changes the series and its departments, audited with before and after. Occurrences not
   * yet opened for items are recomputed: one on a date the new rule still has gets the new
   * times, others are removed (the cycle creates the new ones); an occurrence whose
   * collection already opened keeps its date. Returns the series and how many were moved or removed.
   */
  updateSeries(
    series: SeriesDto,
    change: SeriesChangeRow,
    upcoming: readonly OccurrenceTimes[],
    now: Date,
    actorSlackId: string,
  ): Promise<{ series: SeriesDto; recomputed: number }>;
  /** Names (or, with null, removes) a department's delegate in a series, audited. */
  setDelegate(
    series: SeriesDto,
    departmentId: string,
    personId: string | null,
    namedByPersonId: string,
    actorSlackId: string,
  ): Promise<void>;
  /** The delegates of these series' departments with what their DMs need. */
  delegatesOf(series: SeriesDto): Promise<DepartmentLead[]>;
  /** A refusal by the module's own rules, in the audit log (like the authorization service's). */
  recordRefusal(actor: AuditActor, objectType: string, objectId: string, attempted: string): Promise<void>;
  /** Cancels the series and its scheduled occurrences still to come, audited. */
  cancelSeries(series: SeriesDto, now: Date, actorSlackId: string): Promise<void>;
  /** The workspace's default calendar's id, if it has one. */
  defaultCalendarId(workspaceId: string): Promise<string | null>;

  /** Occurrences of a series on these planned dates. */
  meetingsOn(seriesId: string, plannedOn: readonly string[]): Promise<MeetingDto[]>;
  /** Creates the occurrence unless one exists for its planned date (then returns that). */
  ensureMeeting(
    series: SeriesDto,
    times: OccurrenceTimes,
  ): Promise<{ meeting: MeetingDto; created: boolean }>;
  /** Marks the occurrence skipped (creating it if needed), audited; null when its agenda is out. */
  skipMeeting(series: SeriesDto, times: OccurrenceTimes, actorSlackId: string): Promise<MeetingDto | null>;
  findMeeting(workspaceId: string, meetingId: string): Promise<MeetingDto | null>;
  /** The previous held occurrence of the series (agenda posted), before this one. */
  previousMeeting(meeting: MeetingDto): Promise<MeetingDto | null>;
  /** Scheduled occurrences whose collection is open or due to open and whose agenda is not out. */
  activeMeetings(workspaceId: string, now: Date): Promise<MeetingDto[]>;
  /** Occurrences whose agenda is out, whose end has passed, and whose minutes are not. */
  dueForMinutes(workspaceId: string, now: Date): Promise<MeetingDto[]>;
  /** Sets a step's time if it is not set yet; false when someone else did (another replica). */
  stamp(
    meetingId: string,
    field: MeetingStamp,
    at: Date,
    extra?: { agendaMessageTs?: string; preReadWrittenBy?: 'model' | 'rules' },
  ): Promise<boolean>;
  /**
   * Claims posting the agenda before it is posted: true for exactly one caller while the
   * agenda is not out and no claim newer than `staleBefore` holds (a crashed replica's claim
   * is taken over after that).
   */
  claimAgendaPosting(meetingId: string, now: Date, staleBefore: Date): Promise<boolean>;
  /** Gives a claim back (posting failed before anything was posted). */
  releaseAgendaPosting(meetingId: string, claimedAt: Date): Promise<void>;

  /** The workspace's departments' names (all of them, or these). */
  departmentNames(workspaceId: string, ids?: readonly string[]): Promise<DepartmentName[]>;
  /** Active people of the workspace whose display name is this handle (at most 5). */
  peopleByHandle(workspaceId: string, handle: string): Promise<{ id: string; slackUserId: string }[]>;
  /** A person's Slack user id (null: no such person). */
  slackUserIdOf(personId: string): Promise<string | null>;
  /** Active leads and heads of these departments. */
  leadsOf(workspaceId: string, departmentIds: readonly string[]): Promise<DepartmentLead[]>;

  addItem(
    meeting: MeetingDto,
    /** `at`: when it was raised, by Liaison's clock (the joint assessment's cycle starts there). */
    input: AgendaItemInput & { submittedByPersonId: string; late: boolean; at: Date },
    actorSlackId: string,
  ): Promise<AgendaItemDto>;
  findItem(workspaceId: string, itemId: string): Promise<AgendaItemDto | null>;
  /** Changes an OPEN item; null when it is no longer open. */
  changeItem(
    item: AgendaItemDto,
    change: Partial<AgendaItemInput> & { status?: 'WITHDRAWN' },
    actorSlackId: string,
  ): Promise<AgendaItemDto | null>;
  itemsOf(meetingId: string): Promise<AgendaItemDto[]>;
  /** Adds Liaison's items; an escalation or a carried item already on this agenda is not added twice. */
  addAutomaticItems(meeting: MeetingDto, rows: readonly AutomaticItemRow[], at: Date): Promise<void>;

  /** Unresolved escalations marked for the meeting (by people or the SLA sweep) involving these departments. */
  escalationsForAgenda(workspaceId: string, departmentIds: readonly string[]): Promise<EscalationForAgenda[]>;
  /** Breaches of the departments' KPIs that started at or after `since` (most severe first). */
  kpiBreachesSince(
    workspaceId: string,
    departmentIds: readonly string[],
    since: Date,
  ): Promise<KpiBreachForAgenda[]>;
  /**
   * Key results of the departments' objectives whose latest check-in since `since` is at risk
   * or off track, each with the confidence of the check-in before it.
   */
  okrDropsSince(
    workspaceId: string,
    departmentIds: readonly string[],
    since: Date,
  ): Promise<OkrDropForAgenda[]>;
  /** Items deferred at an earlier occurrence of the series and not carried yet. */
  deferredItems(meeting: MeetingDto): Promise<AgendaItemDto[]>;
  /** Open or overdue action items recorded at earlier occurrences of the series, due on or before `dueBy`. */
  followUps(seriesId: string, dueBy: string): Promise<FollowUpItem[]>;
  /** What changed since `since` for these departments and this series, newest first, at most `limit`. */
  changesSince(series: SeriesDto, since: Date, limit: number): Promise<PreReadLine[]>;

  /**
   * Records a decision against an OPEN or DEFERRED item and marks it decided, with the action
   * items `createActionItems` writes in the same transaction; null when the item was decided meanwhile.
   */
  recordDecision(
    item: AgendaItemDto,
    input: { text: string; decidedByPersonId: string; at: Date },
    actorSlackId: string,
    createActionItems: (tx: MeetingsTx, decisionId: string) => Promise<void>,
  ): Promise<DecisionDto | null>;

  /**
   * At the end of a meeting: items whose escalation was resolved become decided; open items
   * become deferred (carried to the next agenda). Returns the deferred items.
   */
  closeItems(meeting: MeetingDto, now: Date): Promise<AgendaItemDto[]>;
  /** Decisions on the meeting's items (its own and its escalations' since the agenda went out) and their action items. */
  outcomes(meeting: MeetingDto): Promise<{ decisions: DecisionDto[]; actionItems: MinutesActionItem[] }>;
}
