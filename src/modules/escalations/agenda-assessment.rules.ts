import { median } from './median.rules.js';

/** A joint meeting's agenda item as the joint assessment reads it. */
export interface AssessedAgendaItem {
  id: string;
  /** The department the item is for (its owner department); unattributed when null. */
  ownerDepartmentId: string | null;
  /** 'submitted' | 'escalation' | 'carried' | 'kpiBreach' | 'okrDrop' */
  source: string;
  /** The deferred item this one carries to a later meeting (the same issue, raised earlier). */
  carriedFromItemId: string | null;
  status: 'OPEN' | 'WITHDRAWN' | 'DECIDED' | 'DEFERRED';
  createdAt: Date;
  decidedAt: Date | null;
}

export interface AgendaFigures {
  agendaItemsRaised: number;
  agendaItemsResolved: number;
  /** Median minutes from raising to decision, for items decided in the quarter; null for none. */
  agendaCycleMinutes: number | null;
  /** The same for the previous quarter. */
  agendaCyclePrevMinutes: number | null;
}

interface Window {
  start: Date;
  end: Date;
}

const MINUTE_MS = 60_000;
const within = (at: Date, w: Window) => at.getTime() >= w.start.getTime() && at.getTime() < w.end.getTime();

/**
 * When the issue was first raised: a carried item goes back along its carried-from chain to
 * the first meeting's item (as far as `byId` knows it; a cycle in the chain stops the walk).
 */
export function raisedAt(item: AssessedAgendaItem, byId: ReadonlyMap<string, AssessedAgendaItem>): Date {
  let current = item;
  const seen = new Set<string>([item.id]);
  while (current.carriedFromItemId) {
    const previous = byId.get(current.carriedFromItemId);
    if (!previous || seen.has(previous.id)) break;
    seen.add(previous.id);
    current = previous;
  }
  return current.createdAt;
}

/**
 * One department's agenda figures for a quarter: raised = items for it created in the quarter
 * (a carried copy is the same issue and withdrawn items were never discussed, so neither
 * counts); resolved = items decided or closed in the quarter; the cycle = the median of
 * decision − first raised over those resolved, for this quarter and the previous one.
 * `items` may hold more than the quarters' (each figure picks its own).
 */
export function assessAgenda(input: {
  departmentId: string;
  items: readonly AssessedAgendaItem[];
  quarter: Window;
  previous: Window;
}): AgendaFigures {
  const byId = new Map(input.items.map((item) => [item.id, item]));
  const mine = input.items.filter((item) => item.ownerDepartmentId === input.departmentId);
  const decidedIn = (w: Window) =>
    mine.filter((item) => item.status === 'DECIDED' && item.decidedAt !== null && within(item.decidedAt, w));
  const cycle = (w: Window) =>
    median(
      decidedIn(w).map(
        (item) => ((item.decidedAt as Date).getTime() - raisedAt(item, byId).getTime()) / MINUTE_MS,
      ),
    );
  return {
    agendaItemsRaised: mine.filter(
      (item) =>
        item.source !== 'carried' && item.status !== 'WITHDRAWN' && within(item.createdAt, input.quarter),
    ).length,
    agendaItemsResolved: decidedIn(input.quarter).length,
    agendaCycleMinutes: cycle(input.quarter),
    agendaCyclePrevMinutes: cycle(input.previous),
  };
}

/** The change from the previous quarter's cycle, in whole percent (−51); null when either is missing. */
export function cycleChangePercent(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return Math.round(((current - previous) / previous) * 100);
}
