import { leadsDepartment } from '../access/access.rules.js';
import type { AccessSubject } from '../access/access.types.js';
import type { AgendaGroup, AgendaItemDto, AgendaUrgency, SeriesDto } from './meetings.types.js';

const URGENCY_RANK: Record<AgendaUrgency, number> = { URGENT: 0, HIGH: 1, NORMAL: 2 };

/**
 * Overdue on an agenda: an item deferred from an earlier meeting (carried), an escalation
 * Liaison put there (it is there because it missed its SLA or was marked by the people in it),
 * or a KPI breach (a number already off its threshold).
 */
export function isOverdue(item: AgendaItemDto): boolean {
  return item.source === 'carried' || item.source === 'escalation' || item.source === 'kpiBreach';
}

function byUrgencyThenAge(a: AgendaItemDto, b: AgendaItemDto): number {
  return (
    URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
    Number(isOverdue(b)) - Number(isOverdue(a)) ||
    a.createdAt.getTime() - b.createdAt.getTime()
  );
}

/**
 * The agenda's order: a first group of everything urgent or overdue (most urgent first),
 * then one group per owner department in the series' order, each by urgency then age.
 * Withdrawn items are not on the agenda.
 */
export function groupAgenda(
  items: readonly AgendaItemDto[],
  departmentOrder: readonly string[],
): AgendaGroup[] {
  const live = items.filter((item) => item.status !== 'WITHDRAWN');
  const first = live.filter((item) => item.urgency === 'URGENT' || isOverdue(item)).sort(byUrgencyThenAge);
  const rest = live.filter((item) => !first.includes(item));
  const groups: AgendaGroup[] =
    first.length > 0 ? [{ kind: 'urgent', departmentId: null, items: first }] : [];
  const order = [...departmentOrder, null];
  const rank = (id: string | null) => {
    const at = order.indexOf(id);
    return at === -1 ? order.length : at;
  };
  const byDepartment = new Map<string | null, AgendaItemDto[]>();
  for (const item of rest) {
    const key = item.ownerDepartmentId;
    byDepartment.set(key, [...(byDepartment.get(key) ?? []), item]);
  }
  for (const [departmentId, list] of [...byDepartment].sort((a, b) => rank(a[0]) - rank(b[0])))
    groups.push({ kind: 'department', departmentId, items: list.sort(byUrgencyThenAge) });
  return groups;
}

/** Admins, the facilitator, and leads (or heads) of a taking-part department manage a series. */
export function mayManageSeries(
  subject: AccessSubject,
  series: Pick<SeriesDto, 'departmentIds' | 'facilitatorPersonId'>,
): boolean {
  return (
    subject.isAdmin ||
    subject.personId === series.facilitatorPersonId ||
    series.departmentIds.some((id) => leadsDepartment(subject, id))
  );
}

/** Who takes part: admins, the facilitator, anyone in a taking-part department, and the delegates named. */
export function takesPart(
  subject: AccessSubject,
  series: Pick<SeriesDto, 'departmentIds' | 'facilitatorPersonId' | 'delegates'>,
): boolean {
  return (
    subject.isAdmin ||
    subject.personId === series.facilitatorPersonId ||
    subject.memberships.some((m) => series.departmentIds.includes(m.departmentId)) ||
    series.delegates.some((d) => d.personId === subject.personId)
  );
}

/** Who may name a department's delegate in a series: an admin, or a lead (or head) of that taking-part department. */
export function mayNameDelegate(
  subject: AccessSubject,
  series: Pick<SeriesDto, 'departmentIds'>,
  departmentId: string,
): boolean {
  return (
    series.departmentIds.includes(departmentId) && (subject.isAdmin || leadsDepartment(subject, departmentId))
  );
}

/** An optional link must be http(s); anything else is refused rather than posted. */
export function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** `MTG-3`, `mtg-3` or `3` → 3; anything else null. */
export function parseSeriesNumber(text: string): number | null {
  const match = /^(?:mtg-?)?([1-9]\d{0,6})$/i.exec(text.trim());
  return match?.[1] ? Number(match[1]) : null;
}
