import type { Recurrence } from '../scheduling/recurrence.schemas.js';

/** What a holiday does to a meeting: it is skipped, or moves to the next working day. */
export type HolidayPolicy = 'SKIP' | 'NEXT_WORKING_DAY';
export const HOLIDAY_POLICIES: readonly HolidayPolicy[] = ['SKIP', 'NEXT_WORKING_DAY'];

export type MeetingStatus = 'SCHEDULED' | 'SKIPPED' | 'CANCELLED';
export type AgendaUrgency = 'NORMAL' | 'HIGH' | 'URGENT';
export const AGENDA_URGENCIES: readonly AgendaUrgency[] = ['NORMAL', 'HIGH', 'URGENT'];
export type AgendaItemStatus = 'OPEN' | 'WITHDRAWN' | 'DECIDED' | 'DEFERRED';
/**
 * Who put an item on the agenda: a person, or Liaison (an escalation, an item deferred last
 * time, a KPI breach or an OKR confidence drop since the last meeting).
 */
export type AgendaItemSource = 'submitted' | 'escalation' | 'carried' | 'kpiBreach' | 'okrDrop';

/** The timing of a series, as the occurrence rules read it. */
export interface SeriesTiming {
  recurrence: Recurrence;
  timeOfDay: string;
  timeZone: string;
  durationMinutes: number;
  agendaOpensHoursBefore: number;
  agendaClosesHoursBefore: number;
  holidayPolicy: HolidayPolicy;
}

export interface SeriesDto extends SeriesTiming {
  id: string;
  workspaceId: string;
  /** Shown as MTG-<number>. */
  number: number;
  title: string;
  channelId: string;
  facilitatorPersonId: string | null;
  calendarId: string | null;
  createdByPersonId: string | null;
  departmentIds: string[];
  /** Delegates the departments' leads named to answer the agenda collection for them. */
  delegates: SeriesDelegate[];
  cancelledAt: Date | null;
  /** The workspace's language, for what goes to the channel. */
  locale: string;
}

export interface SeriesDelegate {
  departmentId: string;
  personId: string;
}

/** What `/meeting new` gives the service (validated there). */
export interface NewSeriesInput {
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
}

/** One occurrence's times, as the rules compute them. */
export interface OccurrenceTimes {
  /** The rule's date in the series' zone (YYYY-MM-DD), before any holiday move. */
  plannedOn: string;
  startsAt: Date;
  endsAt: Date;
  opensAt: Date;
  closesAt: Date;
}

export interface MeetingDto extends OccurrenceTimes {
  id: string;
  workspaceId: string;
  seriesId: string;
  status: MeetingStatus;
  collectionOpenedAt: Date | null;
  remindedAt: Date | null;
  agendaPostedAt: Date | null;
  agendaMessageTs: string | null;
  minutesPostedAt: Date | null;
  /** Who wrote the posted agenda's pre-read. */
  preReadWrittenBy: 'model' | 'rules' | null;
}

export interface AgendaItemDto {
  id: string;
  workspaceId: string;
  meetingId: string;
  source: AgendaItemSource;
  title: string;
  description: string | null;
  ownerDepartmentId: string | null;
  urgency: AgendaUrgency;
  link: string | null;
  escalationId: string | null;
  /** ESC-<n> for an escalation's item. */
  escalationNumber: number | null;
  carriedFromItemId: string | null;
  submittedByPersonId: string | null;
  late: boolean;
  status: AgendaItemStatus;
  decidedAt: Date | null;
  createdAt: Date;
}

/** An item as a person writes it in the modal. */
export interface AgendaItemInput {
  title: string;
  description: string;
  ownerDepartmentId: string;
  urgency: AgendaUrgency;
  link: string;
}

/** An escalation Liaison puts on the agenda (marked for the meeting, or missed level 1). */
export interface EscalationForAgenda {
  id: string;
  number: number;
  title: string;
  severity: 'NORMAL' | 'HIGH' | 'URGENT';
  slaDueAt: Date | null;
  markedForMeetingReason: string | null;
  /** The raiser's department. */
  departmentId: string | null;
}

/** A KPI of a taking-part department that breached a threshold since the last meeting. */
export interface KpiBreachForAgenda {
  id: string;
  kpiId: string;
  kpiKey: string;
  kpiNameEn: string;
  kpiNameZh: string;
  departmentId: string;
  /** The worst threshold level reached (1 = the first). */
  level: number;
  period: string;
  value: number;
  startedAt: Date;
  recoveredAt: Date | null;
}

/** A key result of a taking-part department whose confidence dropped (or is off track) since the last meeting. */
export interface OkrDropForAgenda {
  checkInId: string;
  keyResultId: string;
  keyResultNumber: number;
  title: string;
  departmentId: string;
  confidence: 'AT_RISK' | 'OFF_TRACK';
  previousConfidence: 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | null;
  answeredAt: Date;
}

/** An action item from an earlier meeting of the series that is due or overdue. */
export interface FollowUpItem {
  id: string;
  title: string;
  ownerPersonId: string;
  ownerSlackUserId: string;
  ownerDepartmentId: string | null;
  dueOn: string;
  status: 'OPEN' | 'OVERDUE';
}

/** One line of the pre-read: what changed since the last meeting, with where it comes from. */
export type PreReadLine =
  | { kind: 'escalationResolved'; escalationNumber: number; title: string; decision: string | null; at: Date }
  | { kind: 'escalationRaised'; escalationNumber: number; title: string; severity: string; at: Date }
  | { kind: 'actionItemDone'; title: string; ownerSlackUserId: string; meetingPlannedOn: string; at: Date }
  | { kind: 'decisionRecorded'; itemTitle: string; text: string; meetingPlannedOn: string; at: Date };

/** The pre-read as posted: its lines, or the model's cited sentences, and who wrote it. */
export interface PreRead {
  writtenBy: 'model' | 'rules';
  /** The rules' lines (always kept: they are the sources the model's sentences cite). */
  lines: PreReadLine[];
  /** The model's sentences, each citing the refs (P1, P2 … = lines[0], lines[1] …) it rests on. */
  sentences: { text: string; refs: string[] }[];
}

/** Everything the agenda message shows. */
export interface Agenda {
  series: SeriesDto;
  meeting: MeetingDto;
  /** Ordered groups: urgent and overdue first, then by owner department. */
  groups: AgendaGroup[];
  followUps: FollowUpItem[];
  preRead: PreRead;
  /** The previous meeting's date, or null for the first. */
  since: string | null;
  departments: DepartmentName[];
  facilitatorSlackUserId: string | null;
}

export interface AgendaGroup {
  /** null: the "urgent and overdue" group; otherwise the owner department (or none). */
  kind: 'urgent' | 'department';
  departmentId: string | null;
  items: AgendaItemDto[];
}

/** A decision as the minutes show it. */
export interface DecisionDto {
  id: string;
  agendaItemId: string | null;
  escalationNumber: number | null;
  itemTitle: string;
  text: string;
  decidedBySlackUserId: string;
  decidedAt: Date;
}

export interface MinutesActionItem {
  title: string;
  ownerSlackUserId: string;
  dueOn: string;
  itemTitle: string;
}

export interface Minutes {
  series: SeriesDto;
  meeting: MeetingDto;
  decisions: DecisionDto[];
  actionItems: MinutesActionItem[];
  deferred: AgendaItemDto[];
}

/** An action item recorded against an agenda item. */
export interface OutcomeActionItem {
  title: string;
  ownerPersonId: string;
  due: { date: string } | { workingDays: number };
}

export interface OutcomeInput {
  decision: string;
  decidedByPersonId: string;
  actionItems: OutcomeActionItem[];
}

/** A lead (or head) of a taking-part department, as the DMs need them. */
export interface DepartmentLead {
  personId: string;
  departmentId: string;
  locale: string | null;
  timeZone: string | null;
}

/** A department's names, for the views. */
export interface DepartmentName {
  id: string;
  /** What people type (`/meeting delegate MTG-1 @someone marketing`). */
  key: string;
  nameEn: string;
  nameZh: string;
}
