import type { AccessSubject } from '../access/access.types.js';
import { addWorkingDays, addWorkingHours } from '../calendar/business-time.rules.js';
import type { WorkingTimeProfile } from '../calendar/working-time.rules.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { EscalationPolicy, Sla } from './escalation-policy.rules.js';
import type {
  EscalationAction,
  EscalationDto,
  EscalationStatus,
  LadderMember,
  Severity,
} from './escalations.types.js';

const MINUTE_MS = 60_000;

/**
 * Who acts at a level: 1 the LEADs of the involved departments, 2 their HEADs, 3 an
 * EXECUTIVE of an involved department, else any executive in the workspace.
 */
export function peopleAtLevel(
  level: number,
  involvedDepartmentIds: readonly string[],
  ladder: readonly LadderMember[],
): string[] {
  const involved = new Set(involvedDepartmentIds);
  const pick = (predicate: (m: LadderMember) => boolean) => [
    ...new Set(ladder.filter(predicate).map((m) => m.personId)),
  ];
  if (level === 1) return pick((m) => m.role === 'LEAD' && involved.has(m.departmentId));
  if (level === 2) return pick((m) => m.role === 'HEAD' && involved.has(m.departmentId));
  const ownExecutives = pick((m) => m.role === 'EXECUTIVE' && involved.has(m.departmentId));
  return ownExecutives.length > 0 ? ownExecutives : pick((m) => m.role === 'EXECUTIVE');
}

/**
 * The level an escalation lands on when it is sent to `wanted`: the first level at or above
 * it that has somebody, capped at the policy's top. When nobody is at the top either, it
 * stays at the top (admins can still resolve or reassign it).
 */
export function landingLevel(
  wanted: number,
  maxLevel: number,
  involvedDepartmentIds: readonly string[],
  ladder: readonly LadderMember[],
): { level: number; people: string[] } {
  const start = Math.min(Math.max(wanted, 1), maxLevel);
  for (let level = start; level <= maxLevel; level++) {
    const people = peopleAtLevel(level, involvedDepartmentIds, ladder);
    if (people.length > 0) return { level, people };
  }
  return { level: maxLevel, people: [] };
}

function deadlineFor(sla: Sla, from: Date, profile: WorkingTimeProfile | null): Date {
  if (sla.unit === 'wall-minutes') return new Date(from.getTime() + sla.amount * MINUTE_MS);
  if (profile === null) {
    // Nobody to count working time for: count it as if they worked around the clock.
    const hours = sla.unit === 'working-days' ? sla.amount * 24 : sla.amount;
    return new Date(from.getTime() + hours * 60 * MINUTE_MS);
  }
  return sla.unit === 'working-days'
    ? addWorkingDays(from, sla.amount, profile)
    : addWorkingHours(from, sla.amount, profile);
}

/**
 * The level's SLA deadline. Working-time SLAs are counted in each of the level's people's
 * own working time (zone, hours, holiday calendar, absences) and the EARLIEST deadline wins:
 * the level has breached once the first of its people who could have acted has had the
 * whole SLA of working time. Someone on holiday therefore does not stretch the deadline of
 * a colleague who is at work. Wall-clock SLAs (urgent) ignore working time.
 */
export function slaDeadline(
  policy: EscalationPolicy,
  severity: Severity,
  from: Date,
  profiles: readonly WorkingTimeProfile[],
): Date {
  const sla = policy.sla[severity];
  if (sla.unit === 'wall-minutes' || profiles.length === 0) return deadlineFor(sla, from, null);
  const deadlines = profiles.map((profile) => deadlineFor(sla, from, profile).getTime());
  return new Date(Math.min(...deadlines));
}

export function firstPingAt(policy: EscalationPolicy, severity: Severity, from: Date): Date | null {
  return severity === 'URGENT' ? new Date(from.getTime() + policy.urgentRepingMinutes * MINUTE_MS) : null;
}

const LIVE: readonly EscalationStatus[] = ['OPEN', 'ACKNOWLEDGED', 'PROPOSED'];

/** The one transition table: status × action → the next status, or a DomainError. */
export function transition(status: EscalationStatus, action: EscalationAction): EscalationStatus {
  const next = nextStatus(status, action);
  if (next === null) {
    throw new DomainError(
      'escalation.invalid_transition',
      { key: `escalations.errors.invalidTransition.${status}` },
      { detail: `cannot ${action} an escalation that is ${status}` },
    );
  }
  return next;
}

function nextStatus(status: EscalationStatus, action: EscalationAction): EscalationStatus | null {
  const live = LIVE.includes(status);
  switch (action) {
    case 'acknowledge':
      return status === 'OPEN' ? 'ACKNOWLEDGED' : null;
    case 'propose':
      return live ? 'PROPOSED' : null;
    case 'accept':
      return status === 'PROPOSED' ? 'RESOLVED' : null;
    case 'reject':
      return status === 'PROPOSED' ? 'ACKNOWLEDGED' : null;
    // A new level has not acknowledged anything yet; a pending proposal stays up for it to accept.
    case 'escalate':
    case 'breach':
      return live ? (status === 'PROPOSED' ? 'PROPOSED' : 'OPEN') : null;
    case 'reassign':
    case 'markForMeeting':
      return live ? status : null;
    case 'resolve':
      return live ? 'RESOLVED' : null;
    case 'reopen':
      return status === 'RESOLVED' ? 'OPEN' : null;
  }
}

/** What the permission rules need to know about one escalation. */
export interface PermissionContext {
  level: number;
  involvedDepartmentIds: readonly string[];
  ladder: readonly LadderMember[];
  raisedByPersonId: string;
  assigneePersonId: string | null;
  proposedByPersonId: string | null;
}

function holds(actor: AccessSubject, departmentIds: readonly string[], roles: readonly string[]) {
  return actor.memberships.some((m) => departmentIds.includes(m.departmentId) && roles.includes(m.role));
}

/** Who may do what: one table (see the README's escalation section). */
export function mayAct(actor: AccessSubject, action: EscalationAction, context: PermissionContext): boolean {
  const involved = context.involvedDepartmentIds;
  const atLevel = peopleAtLevel(context.level, involved, context.ladder).includes(actor.personId);
  const assignee = context.assigneePersonId === actor.personId;
  const above = [context.level + 1, context.level + 2].some(
    (level) => level <= 3 && peopleAtLevel(level, involved, context.ladder).includes(actor.personId),
  );
  const isExecutive = actor.memberships.some((m) => m.role === 'EXECUTIVE');
  switch (action) {
    case 'acknowledge':
    case 'propose':
      return atLevel || assignee;
    case 'accept':
    case 'reject': {
      if (actor.personId === context.proposedByPersonId) return false;
      if (above) return true;
      if (!(atLevel || assignee)) return false;
      // At the same level, only someone from another department than the proposer's.
      const proposerDepartments = context.ladder
        .filter((m) => m.personId === context.proposedByPersonId)
        .map((m) => m.departmentId);
      return actor.memberships.some(
        (m) => involved.includes(m.departmentId) && !proposerDepartments.includes(m.departmentId),
      );
    }
    case 'escalate':
      return actor.personId === context.raisedByPersonId || atLevel || assignee;
    case 'reassign':
      return atLevel || actor.isAdmin;
    case 'resolve':
      return atLevel || assignee || isExecutive || actor.isAdmin;
    case 'reopen':
      return (
        actor.personId === context.raisedByPersonId ||
        holds(actor, involved, ['LEAD', 'HEAD']) ||
        actor.isAdmin
      );
    case 'markForMeeting':
      return (
        actor.personId === context.raisedByPersonId ||
        assignee ||
        holds(actor, involved, ['LEAD', 'HEAD', 'EXECUTIVE']) ||
        atLevel ||
        actor.isAdmin
      );
    case 'breach':
      return false;
  }
}

/** The reason stored when the sweep flags an escalation; cards show it in the reader's words. */
export const MISSED_LEVEL_ONE_REASON = 'missed level-1 SLA';

/** High and urgent escalations that missed their level-1 SLA are flagged for their departments to discuss. */
export function marksForMeetingOnBreach(severity: Severity, breachedLevel: number): boolean {
  return severity !== 'NORMAL' && breachedLevel === 1;
}

const ROLE_RANK: Record<string, number> = { EXECUTIVE: 0, HEAD: 1, LEAD: 2, MEMBER: 3 };

/**
 * The department a follow-up action item counts for: the owner's department among those
 * involved in the escalation (their most senior role first), else their only department,
 * else none (someone in several uninvolved departments, or in none).
 */
export function ownerDepartmentFor(
  ownerPersonId: string,
  involvedDepartmentIds: readonly string[],
  memberships: readonly LadderMember[],
): string | null {
  const own = memberships
    .filter((m) => m.personId === ownerPersonId)
    .sort((a, b) => (ROLE_RANK[a.role] ?? 9) - (ROLE_RANK[b.role] ?? 9));
  const involved = own.find((m) => involvedDepartmentIds.includes(m.departmentId));
  if (involved) return involved.departmentId;
  const departments = new Set(own.map((m) => m.departmentId));
  return departments.size === 1 ? (own[0]?.departmentId ?? null) : null;
}

/** The departments an escalation involves (the raiser's first). */
export const involvedOf = (esc: Pick<EscalationDto, 'departments'>) =>
  esc.departments.map((d) => d.departmentId);

/** The people of the escalation's current level. */
export const levelPeople = (
  esc: Pick<EscalationDto, 'departments' | 'level'>,
  ladder: readonly LadderMember[],
): string[] => peopleAtLevel(esc.level, involvedOf(esc), ladder);

/** The raiser, the assignee and everyone on the ladder up to the escalation's level. */
export const everyoneInvolved = (
  esc: Pick<EscalationDto, 'departments' | 'level' | 'raisedByPersonId' | 'assigneePersonId'>,
  ladder: readonly LadderMember[],
): string[] => [
  esc.raisedByPersonId,
  ...(esc.assigneePersonId ? [esc.assigneePersonId] : []),
  ...[1, 2, 3].filter((l) => l <= esc.level).flatMap((l) => peopleAtLevel(l, involvedOf(esc), ladder)),
];
