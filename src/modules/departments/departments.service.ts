import { isAllowed } from '../access/access.rules.js';
import type { AccessSubject, Actor } from '../access/access.types.js';
import type { Authorization } from '../access/authorization.service.js';
import { DEMO_DEPARTMENT_LOCALE, DEMO_DEPARTMENTS } from '../demo/demo.data.js';
import type { SlackProfile } from '../people/person.types.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError, isDomainError } from '../shared/domain-error.types.js';
import { createDepartmentImport, type ImportOutcome, mapLimited } from './department-import.service.js';
import type { DepartmentsRepository } from './departments.repository.js';
import {
  changedFields,
  changesOf,
  cleanFields,
  fieldProblems,
  isEmptyPlan,
  permissionFor,
  planRoster,
  relanguagedDepartmentIds,
  rosterConflicts,
} from './departments.rules.js';
import type {
  DepartmentDirectory,
  DepartmentDto,
  DepartmentEdit,
  DepartmentEditResult,
  DepartmentFields,
  DepartmentLanguageListener,
  DepartmentPlan,
  DepartmentWithMembers,
  MembershipChangeListener,
  MembershipOp,
  Roster,
} from './departments.types.js';

export interface DepartmentsService {
  /** Active departments for everyone; archived ones too for admins (others are refused, audited). */
  list(actor: Actor, options?: { includeArchived?: boolean }): Promise<DepartmentWithMembers[]>;
  /**
   * What the manage modal shows: a new department (key null, admins only) or an existing one
   * (its leads and heads, or admins). `canManage` says whether names, key, channel, roles and
   * archiving are editable, or only the description and plain members.
   */
  openForEditing(
    actor: Actor,
    key: string | null,
  ): Promise<{ department: DepartmentWithMembers | null; canManage: boolean }>;
  create(
    actor: Actor,
    input: { fields: Partial<DepartmentFields>; roster?: Roster },
    directory: DepartmentDirectory,
  ): Promise<DepartmentEditResult>;
  /** Applies what changed, in one transaction, audited per change; nothing when nothing changed. */
  edit(
    actor: Actor,
    departmentId: string,
    edit: DepartmentEdit,
    directory: DepartmentDirectory,
  ): Promise<DepartmentEditResult>;
  editByKey(
    actor: Actor,
    key: string,
    edit: DepartmentEdit,
    directory: DepartmentDirectory,
  ): Promise<DepartmentEditResult>;
  /** The 12 departments of the brief, in this workspace; those already there are left alone. */
  setupDemo(actor: Actor): Promise<{ created: DepartmentDto[]; alreadyThere: number }>;
  /** `department,lead_email,member_email`: all rows valid and applied together, or nothing. */
  importCsv(actor: Actor, csv: string, directory: DepartmentDirectory): Promise<ImportOutcome>;
}

export interface DepartmentsServiceDeps {
  repo: DepartmentsRepository;
  authorization: Authorization;
  clock: Clock;
  /** Told whose memberships changed (their Home tabs). */
  memberships: MembershipChangeListener;
  /** Told whose channel language changed (their open escalation cards). */
  onLanguageChanged?: DepartmentLanguageListener;
}

/** users.info is Tier 4 (100+/min); a handful at once keeps a save under Slack's 3 s. */
const PROFILE_LOOKUPS_AT_ONCE = 5;

type PlannedSet = Extract<DepartmentPlan['target'], { kind: 'update' }>['set'];

function firstProblemAsError(problems: ReturnType<typeof fieldProblems>, detail: string): void {
  const [problem] = problems;
  if (problem)
    throw new DomainError(`department.invalid_${problem.field}`, problem.message, {
      field: problem.field,
      detail,
    });
}

export function createDepartmentsService(deps: DepartmentsServiceDeps): DepartmentsService {
  const { repo, authorization, clock } = deps;

  function notFound(actor: Actor, what: string): DomainError {
    return new DomainError(
      'department.not_found',
      { key: 'departments.errors.notFound', params: { key: what } },
      { field: 'key', detail: `workspace ${actor.workspaceId} has no department ${what}` },
    );
  }

  function requireFound(
    actor: Actor,
    found: DepartmentWithMembers | null,
    what: string,
  ): DepartmentWithMembers {
    if (found) return found;
    throw notFound(actor, what);
  }

  async function requireFreeKey(actor: Actor, key: string): Promise<void> {
    if (!(await repo.findByKey(actor.workspaceId, key))) return;
    throw new DomainError(
      'department.key_taken',
      { key: 'departments.errors.keyTaken', params: { key } },
      { field: 'key', detail: `workspace ${actor.workspaceId} already has department ${key}` },
    );
  }

  /** A person as a plain-text field error names them (Slack shows no mention there). */
  async function nameOf(slackUserId: string, directory: DepartmentDirectory): Promise<string> {
    const profile = await directory.fetchProfile(slackUserId).catch(() => null);
    return profile?.realName || profile?.displayName || slackUserId;
  }

  async function requireNoConflicts(
    roster: Roster | undefined,
    directory: DepartmentDirectory,
  ): Promise<void> {
    if (!roster) return;
    const [twice] = rosterConflicts(roster);
    if (!twice) return;
    const field = (['MEMBER', 'EXECUTIVE', 'HEAD', 'LEAD'] as const).find((role) =>
      roster[role]?.includes(twice),
    );
    throw new DomainError(
      'department.roster_conflict',
      { key: 'departments.errors.inTwoLists', params: { name: await nameOf(twice, directory) } },
      { field: `roster.${field ?? 'MEMBER'}`, detail: `${twice} is listed in two roles` },
    );
  }

  /**
   * Profiles for the people an edit adds whom Liaison has not met yet (users.info, a few at
   * a time: this runs before a modal submission is acknowledged).
   */
  async function newPeopleFor(
    actor: Actor,
    ops: readonly MembershipOp[],
    directory: DepartmentDirectory,
  ): Promise<SlackProfile[]> {
    const added = new Map(ops.flatMap((op) => (op.op === 'add' ? [[op.slackUserId, op.role] as const] : [])));
    const known = new Set(
      (await repo.peopleBySlackIds(actor.workspaceId, [...added.keys()])).map((p) => p.slackUserId),
    );
    const unknown = [...added.keys()].filter((id) => !known.has(id));
    const found = await mapLimited(unknown, PROFILE_LOOKUPS_AT_ONCE, (slackUserId) =>
      directory.fetchProfile(slackUserId).catch(() => null),
    );
    return unknown.map((slackUserId, index) => {
      const profile = found[index];
      if (profile?.isBot)
        throw new DomainError(
          'department.bot_member',
          {
            key: 'departments.errors.botMember',
            params: { name: profile.realName || profile.displayName || slackUserId },
          },
          { field: `roster.${added.get(slackUserId) ?? 'MEMBER'}`, detail: `${slackUserId} is a bot` },
        );
      // Slack could not describe them now: recorded by id, their profile is filled in when they use Liaison.
      return (
        profile ?? {
          slackUserId,
          displayName: slackUserId,
          isWorkspaceAdmin: false,
          isBot: false,
          deleted: false,
        }
      );
    });
  }

  async function apply(
    actor: Actor,
    plan: DepartmentPlan,
    newPeople: SlackProfile[],
    /** The department as it was, when an edit: its people are told about renames and archiving. */
    before?: DepartmentWithMembers,
  ): Promise<DepartmentEditResult> {
    const { departmentIds, changedPersonIds } = await repo.applyPlans({
      workspaceId: actor.workspaceId,
      actorSlackId: actor.slackUserId,
      newPeople,
      plans: [plan],
    });
    // Everyone in a renamed or (un)archived department sees it differently on their Home tab.
    const touchesDepartment = plan.target.kind === 'update' && Object.keys(plan.target.set).length > 0;
    const everyone = touchesDepartment ? (before?.members ?? []) : [];
    const refresh = [...new Set([...changedPersonIds, ...everyone.map((m) => m.personId)])];
    if (refresh.length > 0) deps.memberships.requestRefresh(actor.workspaceId, refresh);
    const relanguaged = relanguagedDepartmentIds([plan], departmentIds);
    if (relanguaged.length > 0) deps.onLanguageChanged?.(actor.workspaceId, relanguaged);
    const [departmentId = ''] = departmentIds;
    const department = await requireFound(
      actor,
      await repo.findById(actor.workspaceId, departmentId),
      departmentId,
    );
    return { department, changes: changesOf(plan) };
  }

  async function edit(
    actor: Actor,
    department: DepartmentWithMembers,
    input: DepartmentEdit,
    directory: DepartmentDirectory,
    subject: AccessSubject,
  ): Promise<DepartmentEditResult> {
    const departmentId = department.id;
    // Whoever may not even edit this department is refused before anything else is checked.
    await authorization.require(subject, 'departments.edit', { departmentId });
    const set: PlannedSet = changedFields(department, cleanFields(input.fields ?? {}));
    firstProblemAsError(fieldProblems(set, 'update'), `edit of department ${departmentId}`);
    if (set.key !== undefined) await requireFreeKey(actor, set.key);
    if (input.archived !== undefined && input.archived !== (department.archivedAt !== null))
      set.archivedAt = input.archived ? clock.now() : null;
    await requireNoConflicts(input.roster, directory);
    const plan: DepartmentPlan = {
      target: { kind: 'update', department, set },
      memberships: input.roster ? planRoster(department.members, input.roster) : [],
    };
    await authorization.require(subject, permissionFor(plan), { departmentId });
    if (isEmptyPlan(plan)) return { department, changes: [] };
    return apply(actor, plan, await newPeopleFor(actor, plan.memberships, directory), department);
  }

  const importer = createDepartmentImport({
    repo,
    authorization,
    memberships: deps.memberships,
    ...(deps.onLanguageChanged ? { onLanguageChanged: deps.onLanguageChanged } : {}),
  });

  return {
    async list(actor, options = {}) {
      if (options.includeArchived) {
        const subject = await authorization.subjectOf(actor.personId);
        await authorization.require(subject, 'departments.manage');
      }
      return repo.list(actor.workspaceId, { includeArchived: options.includeArchived ?? false });
    },

    async openForEditing(actor, key) {
      const subject = await authorization.subjectOf(actor.personId);
      if (key === null) {
        await authorization.require(subject, 'departments.manage');
        return { department: null, canManage: true };
      }
      const department = await requireFound(actor, await repo.findByKey(actor.workspaceId, key), key);
      await authorization.require(subject, 'departments.edit', { departmentId: department.id });
      return { department, canManage: isAllowed(subject, 'departments.manage') };
    },

    async create(actor, input, directory) {
      const subject = await authorization.subjectOf(actor.personId);
      await authorization.require(subject, 'departments.manage');
      const fields = cleanFields(input.fields);
      firstProblemAsError(fieldProblems(fields, 'create'), `new department in ${actor.workspaceId}`);
      const complete: DepartmentFields = {
        key: fields.key ?? '',
        nameEn: fields.nameEn ?? '',
        nameZh: fields.nameZh ?? '',
        description: fields.description ?? null,
        slackChannelId: fields.slackChannelId ?? null,
        locale: fields.locale ?? null,
      };
      await requireFreeKey(actor, complete.key);
      await requireNoConflicts(input.roster, directory);
      const plan: DepartmentPlan = {
        target: { kind: 'create', fields: complete },
        memberships: planRoster([], input.roster ?? {}),
      };
      return apply(actor, plan, await newPeopleFor(actor, plan.memberships, directory));
    },

    async edit(actor, departmentId, input, directory) {
      const subject = await authorization.subjectOf(actor.personId);
      const department = await repo.findById(actor.workspaceId, departmentId);
      if (!department) {
        // An id that is not this workspace's (a crafted submission): refused unless an admin.
        await authorization.require(subject, 'departments.manage');
        throw notFound(actor, departmentId);
      }
      return edit(actor, department, input, directory, subject);
    },

    async editByKey(actor, key, input, directory) {
      const subject = await authorization.subjectOf(actor.personId);
      const department = await requireFound(actor, await repo.findByKey(actor.workspaceId, key), key);
      return edit(actor, department, input, directory, subject);
    },

    async setupDemo(actor) {
      const subject = await authorization.subjectOf(actor.personId);
      await authorization.require(subject, 'setup.demo');
      // Two admins running it at once: the loser's transaction fails on the key and re-plans.
      for (let attempt = 1; ; attempt++) {
        const existing = new Set(
          (await repo.list(actor.workspaceId, { includeArchived: true })).map((d) => d.key),
        );
        const missing = DEMO_DEPARTMENTS.filter((d) => !existing.has(d.key));
        if (missing.length === 0) return { created: [], alreadyThere: DEMO_DEPARTMENTS.length };
        const plans: DepartmentPlan[] = missing.map((d) => ({
          target: {
            kind: 'create',
            fields: {
              key: d.key,
              nameEn: d.nameEn,
              nameZh: d.nameZh,
              description: null,
              slackChannelId: null,
              locale: DEMO_DEPARTMENT_LOCALE,
            },
          },
          memberships: [],
        }));
        try {
          await repo.applyPlans({
            workspaceId: actor.workspaceId,
            actorSlackId: actor.slackUserId,
            newPeople: [],
            plans,
          });
        } catch (error) {
          if (attempt < 2 && isDomainError(error) && error.code === 'department.key_taken') continue;
          throw error;
        }
        const stored = await repo.list(actor.workspaceId, { includeArchived: true });
        // In the brief's order, as the demo data lists them.
        const created = missing.flatMap((m) => stored.filter((d) => d.key === m.key));
        return { created, alreadyThere: DEMO_DEPARTMENTS.length - missing.length };
      }
    },

    importCsv: importer.importCsv,
  };
}
