import type { MessageKey, MessageParams } from '../../i18n/catalog.js';
import { SUPPORTED_LOCALES, type SupportedLocale } from '../../i18n/locales.js';
import type { Permission } from '../access/access.types.js';
import { ROLES, type Role } from '../people/person.types.js';
import type {
  DepartmentChange,
  DepartmentDto,
  DepartmentFields,
  DepartmentMemberDto,
  DepartmentPlan,
  MembershipOp,
  Roster,
} from './departments.types.js';

/** Keys are typed in commands (`/liaison departments manage live-ops`): short, lower-case, no spaces. */
export const DEPARTMENT_KEY = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const NAME_MAX = 80;
export const DESCRIPTION_MAX = 500;

/** The languages a department's channel may be given (null: the workspace's default). */
export function isDepartmentLocale(value: string): value is SupportedLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export interface FieldProblem {
  field: keyof DepartmentFields;
  message: { key: MessageKey; params?: MessageParams };
}

/** Trims, and turns empty optional text into null. */
export function cleanFields(fields: Partial<DepartmentFields>): Partial<DepartmentFields> {
  const out: Partial<DepartmentFields> = {};
  if (fields.key !== undefined) out.key = fields.key.trim().toLowerCase();
  if (fields.nameEn !== undefined) out.nameEn = fields.nameEn.trim();
  if (fields.nameZh !== undefined) out.nameZh = fields.nameZh.trim();
  if (fields.description !== undefined) out.description = fields.description?.trim() || null;
  if (fields.slackChannelId !== undefined) out.slackChannelId = fields.slackChannelId?.trim() || null;
  if (fields.locale !== undefined) out.locale = fields.locale?.trim() || null;
  return out;
}

/**
 * Every problem with the fields, in form order. A new department needs a key and both
 * names; an edit checks only what it sets (and may not blank a name).
 */
export function fieldProblems(fields: Partial<DepartmentFields>, mode: 'create' | 'update'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const required = (value: string | undefined) => (mode === 'create' ? true : value !== undefined);
  if (required(fields.key) && !DEPARTMENT_KEY.test(fields.key ?? ''))
    problems.push({
      field: 'key',
      message: { key: 'departments.errors.keyInvalid', params: { key: fields.key ?? '' } },
    });
  for (const [field, key] of [
    ['nameEn', 'departments.errors.nameEnRequired'],
    ['nameZh', 'departments.errors.nameZhRequired'],
  ] as const) {
    const value = fields[field];
    if (!required(value)) continue;
    if (!value) problems.push({ field, message: { key } });
    else if ([...value].length > NAME_MAX)
      problems.push({ field, message: { key: 'departments.errors.nameTooLong', params: { max: NAME_MAX } } });
  }
  if (fields.description && [...fields.description].length > DESCRIPTION_MAX)
    problems.push({
      field: 'description',
      message: { key: 'departments.errors.descriptionTooLong', params: { max: DESCRIPTION_MAX } },
    });
  if (fields.locale && !isDepartmentLocale(fields.locale))
    problems.push({
      field: 'locale',
      message: { key: 'departments.errors.languageInvalid', params: { language: fields.locale } },
    });
  return problems;
}

/** 32-bit FNV-1a, for a stable key when a name has no Latin letters or digits. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0').slice(0, 6);
}

/** "Supply Chain" → `supply-chain`; "Café R&D" → `cafe-r-d`; "供应链" → `dept-1a2b3c` (stable). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || `dept-${shortHash(name.trim())}`;
}

/** Only the fields whose value differs from what is stored. */
export function changedFields(
  department: DepartmentDto,
  fields: Partial<DepartmentFields>,
): Partial<DepartmentFields> {
  const out: Partial<DepartmentFields> = {};
  for (const key of Object.keys(fields) as (keyof DepartmentFields)[]) {
    const value = fields[key];
    if (value !== undefined && value !== department[key]) Object.assign(out, { [key]: value });
  }
  return out;
}

/** Leads first, as the modal lists them: changes read in the same order. */
const ROSTER_ORDER: readonly Role[] = ['LEAD', 'HEAD', 'EXECUTIVE', 'MEMBER'];

/** People named in more than one role list: a person holds one role per department. */
export function rosterConflicts(roster: Roster): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const role of ROLES) {
    for (const id of new Set(roster[role] ?? [])) {
      if (seen.has(id)) twice.add(id);
      seen.add(id);
    }
  }
  return [...twice];
}

/**
 * The membership changes that turn what is stored into the roster: additions, role changes
 * and removals. Roles the roster leaves out are not touched. Assumes no conflicts.
 */
export function planRoster(current: readonly DepartmentMemberDto[], roster: Roster): MembershipOp[] {
  const wanted = new Map<string, Role>();
  for (const role of ROSTER_ORDER) for (const id of roster[role] ?? []) wanted.set(id, role);
  const ops: MembershipOp[] = [];
  const bySlackId = new Map(current.map((m) => [m.slackUserId, m]));
  for (const [slackUserId, role] of wanted) {
    const existing = bySlackId.get(slackUserId);
    if (!existing) ops.push({ op: 'add', slackUserId, role });
    else if (existing.role !== role)
      ops.push({ op: 'role', personId: existing.personId, slackUserId, from: existing.role, to: role });
  }
  for (const member of current) {
    const listed = roster[member.role] !== undefined;
    if (listed && !wanted.has(member.slackUserId))
      ops.push({
        op: 'remove',
        personId: member.personId,
        slackUserId: member.slackUserId,
        role: member.role,
      });
  }
  return ops;
}

/**
 * What the plan needs: a lead or head may change their department's description and
 * add or remove plain members; anything else (names, key, channel, archiving, creating,
 * any lead, head or executive role) is for admins.
 */
export function permissionFor(plan: DepartmentPlan): Permission {
  if (plan.target.kind === 'create') return 'departments.manage';
  const { set } = plan.target;
  const onlyDescription = Object.keys(set).every((key) => key === 'description');
  const onlyMembers = plan.memberships.every(
    (op) => (op.op === 'add' || op.op === 'remove') && op.role === 'MEMBER',
  );
  return onlyDescription && onlyMembers ? 'departments.edit' : 'departments.manage';
}

/**
 * The existing departments whose channel language the plans change, given the department ids
 * `applyPlans` returned (in plan order); a new department has no cards to show again.
 */
export function relanguagedDepartmentIds(
  plans: readonly DepartmentPlan[],
  departmentIds: readonly string[],
): string[] {
  return plans.flatMap((plan, index) => {
    const id = departmentIds[index];
    return plan.target.kind === 'update' && plan.target.set.locale !== undefined && id ? [id] : [];
  });
}

/** The plan as changes people read (and the audit log records), in the order applied. */
export function changesOf(plan: DepartmentPlan): DepartmentChange[] {
  const changes: DepartmentChange[] = [];
  if (plan.target.kind === 'create') changes.push({ kind: 'created' });
  else {
    const { department, set } = plan.target;
    const renamed = (['key', 'nameEn', 'nameZh'] as const).filter((key) => set[key] !== undefined);
    if (renamed.length > 0)
      changes.push({
        kind: 'renamed',
        before: Object.fromEntries(renamed.map((key) => [key, department[key]])),
        after: Object.fromEntries(renamed.map((key) => [key, set[key]])),
      });
    if (set.description !== undefined) changes.push({ kind: 'description_changed' });
    if (set.slackChannelId !== undefined)
      changes.push({ kind: 'channel_changed', before: department.slackChannelId, after: set.slackChannelId });
    if (set.locale !== undefined)
      changes.push({ kind: 'language_changed', before: department.locale, after: set.locale });
    if (set.archivedAt !== undefined) changes.push({ kind: set.archivedAt ? 'archived' : 'unarchived' });
  }
  for (const op of plan.memberships) {
    if (op.op === 'add') changes.push({ kind: 'member_added', slackUserId: op.slackUserId, role: op.role });
    else if (op.op === 'role')
      changes.push({ kind: 'role_changed', slackUserId: op.slackUserId, from: op.from, to: op.to });
    else changes.push({ kind: 'member_removed', slackUserId: op.slackUserId, role: op.role });
  }
  return changes;
}

/** True when the plan changes nothing at all. */
export function isEmptyPlan(plan: DepartmentPlan): boolean {
  return (
    plan.target.kind === 'update' &&
    Object.keys(plan.target.set).length === 0 &&
    plan.memberships.length === 0
  );
}

/** Leads first, then heads, executives and members; by name within a role. */
const ROLE_ORDER: Record<Role, number> = { LEAD: 0, HEAD: 1, EXECUTIVE: 2, MEMBER: 3 };
export function byRoleThenName(a: DepartmentMemberDto, b: DepartmentMemberDto): number {
  return (
    ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
    (a.realName ?? a.displayName).localeCompare(b.realName ?? b.displayName)
  );
}
