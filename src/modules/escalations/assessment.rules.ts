import { DateTime } from 'luxon';
import { type AgendaFigures, type AssessedAgendaItem, assessAgenda } from './agenda-assessment.rules.js';
import { median } from './median.rules.js';

export { median };

/** A calendar quarter, e.g. { year: 2026, quarter: 4 } = "2026-Q4". */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** "2026-Q4": how a quarter is stored (AssessmentSnapshot.quarter) and shown. */
export function quarterKey(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

/** The quarter `instant` falls in, in `zone` (31 Dec 17:00 UTC is already Q1 in Shanghai). */
export function quarterOf(instant: Date, zone: string): Quarter {
  const local = DateTime.fromJSDate(instant, { zone });
  return { year: local.year, quarter: Math.ceil(local.month / 3) as Quarter['quarter'] };
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1
    ? { year: q.year - 1, quarter: 4 }
    : { year: q.year, quarter: (q.quarter - 1) as Quarter['quarter'] };
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.year !== b.year ? a.year - b.year : a.quarter - b.quarter;
}

/**
 * What a person may type after `/escalate report`: nothing or "this"/"current" (the
 * current quarter), "last"/"previous" (the one before), "2026-Q4", "2026Q4", "2026 Q4",
 * "Q4 2026", or "Q4" (that quarter of this year), case-insensitive; also 本季度 / 上季度.
 * "This year" and "current" are read in the workspace's zone. Null when not understood.
 */
export function parseQuarter(text: string, now: Date, zone: string): Quarter | null {
  const input = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const current = quarterOf(now, zone);
  if (['', 'this', 'current', 'now', '本季度', '本季'].includes(input)) return current;
  if (['last', 'previous', 'prev', '上季度', '上季', '上个季度'].includes(input))
    return previousQuarter(current);
  const yearFirst = /^(\d{4})[- ]?q([1-4])$/.exec(input);
  if (yearFirst) return { year: Number(yearFirst[1]), quarter: Number(yearFirst[2]) as Quarter['quarter'] };
  const quarterFirst = /^q([1-4])(?:[- ](\d{4}))?$/.exec(input);
  if (quarterFirst) {
    return {
      year: quarterFirst[2] ? Number(quarterFirst[2]) : current.year,
      quarter: Number(quarterFirst[1]) as Quarter['quarter'],
    };
  }
  return null;
}

/** Parses a stored key ("2026-Q4"); null when it is not one. */
export function quarterFromKey(key: string): Quarter | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(key);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] } : null;
}

export interface QuarterBounds {
  /** Midnight of the quarter's first day in the zone. */
  start: Date;
  /** Midnight of the next quarter's first day in the zone (exclusive). */
  end: Date;
  /** First and last day, YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
}

export function quarterBounds(q: Quarter, zone: string): QuarterBounds {
  const start = DateTime.fromObject({ year: q.year, month: (q.quarter - 1) * 3 + 1, day: 1 }, { zone });
  const end = start.plus({ months: 3 });
  return {
    start: start.toJSDate(),
    end: end.toJSDate(),
    firstDay: start.toISODate() ?? '',
    lastDay: end.minus({ days: 1 }).toISODate() ?? '',
  };
}

/** Events that are a first response to an escalation (someone at the level took it up). */
export const RESPONSE_EVENTS: ReadonlySet<string> = new Set(['acknowledge', 'propose', 'accept', 'resolve']);

export interface AssessedEvent {
  type: string;
  at: Date;
  /** Breaches: the deadline that passed. */
  slaDueAt: Date | null;
}

export interface AssessedEscalation {
  createdAt: Date;
  departments: readonly { departmentId: string; role: 'RAISER' | 'COUNTERPART' }[];
  events: readonly AssessedEvent[];
  /** When its first decision was recorded; null while undecided. */
  firstDecisionAt: Date | null;
}

/** The first acknowledge / propose / accept / resolve, if any. */
export function firstResponseAt(events: readonly AssessedEvent[]): Date | null {
  const times = events.filter((e) => RESPONSE_EVENTS.has(e.type)).map((e) => e.at.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

/**
 * Answered within the SLA: the first response came no later than the first level's
 * deadline. That deadline is the one the first `sla_breached` event acted on; with no breach
 * the deadline never passed unanswered. (A response after the deadline but before the
 * scheduler noticed is late: the breach event still records the missed deadline.)
 */
export function answeredWithinSla(events: readonly AssessedEvent[]): boolean {
  const response = firstResponseAt(events);
  if (!response) return false;
  const breaches = events
    .filter((e) => e.type === 'sla_breached')
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const firstBreach = breaches[0];
  if (!firstBreach) return true;
  const deadline = firstBreach.slaDueAt ?? firstBreach.at;
  return response.getTime() <= deadline.getTime();
}

export interface AssessedActionItem {
  /** The department the owner acts for; null when the item did not say. */
  ownerDepartmentId: string | null;
  /** When ownerDepartmentId is null: the owner's departments (attributed only if exactly one). */
  ownerDepartmentIds: readonly string[];
  /** YYYY-MM-DD. */
  dueOn: string;
  status: 'OPEN' | 'DONE' | 'CANCELLED' | 'OVERDUE';
  completedAt: Date | null;
  /** The owner's zone, else the workspace's: the due day ends at midnight there. */
  timeZone: string;
}

/** The end of the due day (exclusive) in the owner's zone. */
export function endOfDueDay(dueOn: string, zone: string): Date {
  return DateTime.fromISO(dueOn, { zone }).plus({ days: 1 }).toJSDate();
}

/** Done on time: marked done before the due day ended in the owner's zone. */
export function doneOnTime(item: AssessedActionItem): boolean {
  return (
    item.status === 'DONE' &&
    item.completedAt !== null &&
    item.completedAt.getTime() < endOfDueDay(item.dueOn, item.timeZone).getTime()
  );
}

/**
 * Whether an item's outcome is known at `now`: it is done, or its due day is over. Items
 * still open before their due day are not counted yet; cancelled items never are.
 */
export function actionItemCounts(item: AssessedActionItem, now: Date): boolean {
  if (item.status === 'CANCELLED') return false;
  if (item.status === 'DONE') return true;
  return now.getTime() >= endOfDueDay(item.dueOn, item.timeZone).getTime();
}

function attributedDepartment(item: AssessedActionItem): string | null {
  if (item.ownerDepartmentId) return item.ownerDepartmentId;
  return item.ownerDepartmentIds.length === 1 ? (item.ownerDepartmentIds[0] as string) : null;
}

export interface DepartmentFigures extends AgendaFigures {
  departmentId: string;
  raised: number;
  received: number;
  answered: number;
  answeredWithinSla: number;
  medianMinutesToDecision: number | null;
  actionItemsDue: number;
  actionItemsOnTime: number;
  /** OKR check-ins: owners asked in rounds that closed in the quarter, and those who answered. */
  checkInsAsked: number;
  checkInsAnswered: number;
}

const MINUTE_MS = 60_000;
const within = (at: Date, bounds: Pick<QuarterBounds, 'start' | 'end'>) =>
  at.getTime() >= bounds.start.getTime() && at.getTime() < bounds.end.getTime();

/**
 * The joint assessment of each department for one quarter (see the README, "Joint
 * assessment", for what each figure means). `escalations` may hold more than the quarter's:
 * each figure picks its own.
 */
export function assessDepartments(input: {
  departmentIds: readonly string[];
  bounds: Pick<QuarterBounds, 'start' | 'end' | 'firstDay' | 'lastDay'>;
  escalations: readonly AssessedEscalation[];
  actionItems: readonly AssessedActionItem[];
  /** Per department, OKR check-in owners asked and answered in rounds closed in the quarter. */
  checkIns?: readonly { departmentId: string; asked: number; answered: number }[];
  /** Joint meetings' agenda items of this quarter and the previous one (raised, decided, carried). */
  agendaItems?: readonly AssessedAgendaItem[];
  /** The previous quarter's bounds, for the agenda cycle's comparison. */
  previousBounds?: Pick<QuarterBounds, 'start' | 'end'>;
  now: Date;
}): DepartmentFigures[] {
  const { bounds } = input;
  return input.departmentIds.map((departmentId) => {
    const roleIn = (esc: AssessedEscalation) =>
      esc.departments.find((d) => d.departmentId === departmentId)?.role ?? null;
    const createdInQuarter = input.escalations.filter((esc) => within(esc.createdAt, bounds));
    const received = createdInQuarter.filter((esc) => roleIn(esc) === 'COUNTERPART');
    const decisionMinutes = input.escalations
      .filter((esc) => roleIn(esc) !== null && esc.firstDecisionAt && within(esc.firstDecisionAt, bounds))
      .map((esc) => ((esc.firstDecisionAt as Date).getTime() - esc.createdAt.getTime()) / MINUTE_MS);
    const items = input.actionItems.filter(
      (item) =>
        attributedDepartment(item) === departmentId &&
        item.dueOn >= bounds.firstDay &&
        item.dueOn <= bounds.lastDay &&
        actionItemCounts(item, input.now),
    );
    return {
      departmentId,
      raised: createdInQuarter.filter((esc) => roleIn(esc) === 'RAISER').length,
      received: received.length,
      answered: received.filter((esc) => firstResponseAt(esc.events) !== null).length,
      answeredWithinSla: received.filter((esc) => answeredWithinSla(esc.events)).length,
      medianMinutesToDecision: median(decisionMinutes),
      actionItemsDue: items.length,
      actionItemsOnTime: items.filter(doneOnTime).length,
      checkInsAsked: input.checkIns?.find((c) => c.departmentId === departmentId)?.asked ?? 0,
      checkInsAnswered: input.checkIns?.find((c) => c.departmentId === departmentId)?.answered ?? 0,
      ...assessAgenda({
        departmentId,
        items: input.agendaItems ?? [],
        quarter: bounds,
        previous: input.previousBounds ?? { start: bounds.start, end: bounds.start },
      }),
    };
  });
}

/**
 * Which quarters the nightly job recomputes at `now`: the current one, and the previous
 * one during the first `graceDays` days of a quarter (late answers and decisions land).
 */
export function quartersToRecompute(now: Date, zone: string, graceDays = 7): Quarter[] {
  const current = quarterOf(now, zone);
  const started = quarterBounds(current, zone).start;
  const inGrace = now.getTime() - started.getTime() < graceDays * 24 * 60 * MINUTE_MS;
  return inGrace ? [current, previousQuarter(current)] : [current];
}

/** Whether the quarter is over at `now` (in the zone): its snapshot is then what is shown. */
export function quarterIsOver(q: Quarter, now: Date, zone: string): boolean {
  return now.getTime() >= quarterBounds(q, zone).end.getTime();
}
