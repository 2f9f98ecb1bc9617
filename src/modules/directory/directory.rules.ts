import type { Role, SlackProfile } from '../people/person.types.js';

/** Slack's own bot: listed by users.list as a person (is_bot false), but nobody to coordinate. */
export const SLACKBOT_USER_ID = 'USLACKBOT';

/** The directory keeps people: bots (apps, Liaison itself) and Slackbot are left out. */
export function isDirectoryPerson(profile: SlackProfile): boolean {
  return !profile.isBot && profile.slackUserId !== SLACKBOT_USER_ID;
}

/** The person fields the directory owns, as stored. */
export interface StoredProfile {
  displayName: string;
  realName: string | null;
  email: string | null;
  timeZone: string | null;
  locale: string | null;
  isWorkspaceAdmin: boolean;
  active: boolean;
  deactivatedAt: Date | null;
}

export type ProfileChangeKind = 'created' | 'updated' | 'deactivated' | 'reactivated' | 'unchanged';

export interface ProfilePlan {
  kind: ProfileChangeKind;
  /** What the row should hold after the change (all owned fields). */
  next: StoredProfile;
  /** Only the fields that changed, before and after, for the audit row. */
  before: Partial<Record<keyof StoredProfile, unknown>>;
  after: Partial<Record<keyof StoredProfile, unknown>>;
}

const COMPARED: readonly (keyof StoredProfile)[] = [
  'displayName',
  'realName',
  'email',
  'timeZone',
  'locale',
  'isWorkspaceAdmin',
  'active',
  'deactivatedAt',
];

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/**
 * What a profile from Slack does to the stored person. Only `deleted: true` deactivates
 * (Slack lists deactivated accounts with that flag); `deleted: false` on an inactive person
 * reactivates them. An email Slack leaves out is kept: tokens without users:read.email get
 * none, and an address does not disappear from an account.
 */
export function planProfileChange(
  stored: StoredProfile | null,
  profile: SlackProfile,
  now: Date,
): ProfilePlan {
  const active = !profile.deleted;
  const next: StoredProfile = {
    displayName: profile.displayName,
    realName: profile.realName ?? null,
    email: profile.email ?? stored?.email ?? null,
    timeZone: profile.timeZone ?? null,
    locale: profile.locale ?? null,
    isWorkspaceAdmin: profile.isWorkspaceAdmin,
    active,
    // A person first seen already deactivated is stored inactive, from now.
    deactivatedAt: active ? null : ((stored && !stored.active ? stored.deactivatedAt : null) ?? now),
  };
  if (!stored) return { kind: 'created', next, before: {}, after: { ...next } };
  const changed = COMPARED.filter((key) => !same(stored[key], next[key]));
  const before = Object.fromEntries(changed.map((key) => [key, stored[key]]));
  const after = Object.fromEntries(changed.map((key) => [key, next[key]]));
  const kind: ProfileChangeKind =
    stored.active && !active
      ? 'deactivated'
      : !stored.active && active
        ? 'reactivated'
        : changed.length > 0
          ? 'updated'
          : 'unchanged';
  return { kind, next, before, after };
}

/** The audit action for a change (none for 'unchanged'). */
export function auditActionOf(kind: Exclude<ProfileChangeKind, 'unchanged'>): string {
  return `person.${kind}`;
}

export interface DepartmentLeadership {
  departmentId: string;
  /** Active leads and heads of the department (the deactivated person left out). */
  leaders: string[];
}

/**
 * Who hears about a deactivation: the other leads and heads of each of the person's
 * departments; a department with none (the person was its only lead) goes to the admins,
 * and so do open items of someone in no department. Nobody is told about a person with
 * neither departments nor open items (an account Liaison never used).
 */
export function flagRecipients(input: {
  departments: readonly DepartmentLeadership[];
  admins: readonly string[];
  openItems: number;
}): string[] {
  const recipients = new Set<string>();
  let needsAdmins = input.departments.length === 0 && input.openItems > 0;
  for (const department of input.departments) {
    if (department.leaders.length === 0) needsAdmins = true;
    for (const leader of department.leaders) recipients.add(leader);
  }
  if (needsAdmins) for (const admin of input.admins) recipients.add(admin);
  return [...recipients];
}

/** Leads and heads lead their department (access.rules.ts says the same). */
export function leadsDepartment(role: Role): boolean {
  return role === 'LEAD' || role === 'HEAD';
}

/** A run whose lease ran out was abandoned (its process died): another may take it over. */
export function leaseExpired(leaseUntil: Date | null, now: Date): boolean {
  return leaseUntil === null || leaseUntil.getTime() <= now.getTime();
}

/** How long a failed run stays resumable; after that a new pass starts from the beginning. */
export const RESUMABLE_FOR_MS = 24 * 60 * 60 * 1000;
