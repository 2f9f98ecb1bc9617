import type { AccessSubject } from '../access/access.types.js';
import type { Authorization } from '../access/authorization.service.js';
import { parseQuarter, quarterBounds, quarterKey } from '../escalations/assessment.rules.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { OkrsRepository } from './okrs.repository.js';
import { checkKeyResult, checkTitle, scoreObjective } from './okrs.rules.js';
import type {
  KeyResultDto,
  NewKeyResultInput,
  NewObjectiveInput,
  ObjectiveDto,
  OkrListScope,
  OkrPeriodDto,
  ScoredObjective,
} from './okrs.types.js';

export interface OkrsService {
  /** The period a text names ('', 'this', '2026-Q4', 'Q3', 'last'), created on first use. */
  period(workspaceId: string, zone: string, text?: string): Promise<OkrPeriodDto>;
  createObjective(actor: AccessSubject, zone: string, input: NewObjectiveInput): Promise<ObjectiveDto>;
  addKeyResult(
    actor: AccessSubject,
    objectiveNumber: number,
    input: NewKeyResultInput,
  ): Promise<KeyResultDto>;
  list(actor: AccessSubject, zone: string, scope: OkrListScope): Promise<ScoredObjective[]>;
  /** One objective with its key results and, for a company objective, the ones aligned to it. */
  show(actor: AccessSubject, objectiveNumber: number): Promise<ScoredObjective>;
  /** Every objective of a period, scored, company ones with their aligned children. */
  tree(workspaceId: string, periodId: string): Promise<ScoredObjective[]>;
  /** The person owning a key result, by Slack user id (an unknown or inactive one is refused). */
  ownerOf(workspaceId: string, slackUserId: string | undefined): Promise<string>;
  /** Whether the actor may edit the objective's OKRs (its department's leads, executives for company). */
  mayEdit(actor: AccessSubject, objective: Pick<ObjectiveDto, 'department'>): Promise<void>;
}

function withChildren(objectives: readonly ObjectiveDto[]): ScoredObjective[] {
  const scored = objectives.map((o) => scoreObjective(o));
  const byId = new Map(scored.map((o) => [o.id, o]));
  for (const objective of scored)
    if (objective.parent) byId.get(objective.parent.id)?.children.push(objective);
  return scored;
}

/** Creating, listing and showing the OKR tree; admins and leads edit (checked here). */
export function createOkrsService(deps: {
  repo: OkrsRepository;
  authorization: Authorization;
  clock: Clock;
}): OkrsService {
  const { repo } = deps;

  async function findObjectiveOrFail(workspaceId: string, number: number): Promise<ObjectiveDto> {
    const objective = await repo.findObjective(workspaceId, number);
    if (!objective)
      throw new DomainError(
        'okr.not_found',
        { key: 'okrs.errors.notFound', params: { id: `O-${number}` } },
        { detail: `no objective O-${number} in workspace ${workspaceId}` },
      );
    return objective;
  }

  /** A metric that follows a KPI names it by key; an unknown key is shown under the KPI field. */
  async function withKpi(workspaceId: string, kr: NewKeyResultInput): Promise<NewKeyResultInput> {
    const key = (kr.kpiKey ?? '').trim().toLowerCase();
    if (!key) return { ...kr, kpiId: null };
    if (kr.kind !== 'METRIC')
      throw new DomainError('okr.kpi_on_milestone', { key: 'okrs.errors.kpiOnMilestone' }, { field: 'kpi' });
    const id = (await repo.kpiIdsByKey(workspaceId, [key])).get(key);
    if (!id)
      throw new DomainError(
        'okr.unknown_kpi',
        { key: 'okrs.errors.unknownKpi', params: { key } },
        { field: 'kpi' },
      );
    return { ...kr, kpiKey: key, kpiId: id };
  }

  const service: OkrsService = {
    async period(workspaceId, zone, text = '') {
      const now = deps.clock.now();
      const quarter = parseQuarter(text, now, zone);
      if (!quarter)
        throw new DomainError('okr.bad_period', { key: 'okrs.errors.badPeriod', params: { text } });
      const bounds = quarterBounds(quarter, zone);
      return repo.ensurePeriod(workspaceId, {
        key: quarterKey(quarter),
        startsOn: bounds.firstDay,
        endsOn: bounds.lastDay,
      });
    },

    async ownerOf(workspaceId, slackUserId) {
      const personId = slackUserId ? await repo.personIdOf(workspaceId, slackUserId) : null;
      if (!personId)
        throw new DomainError('okr.no_owner', { key: 'okrs.errors.noOwner' }, { field: 'owner' });
      return personId;
    },

    async mayEdit(actor, objective) {
      await deps.authorization.require(
        actor,
        'okrs.edit',
        objective.department ? { departmentId: objective.department.id } : {},
      );
    },

    async createObjective(actor, zone, input) {
      checkTitle(input.title, 'title');
      if (input.keyResults.length === 0)
        throw new DomainError('okr.no_key_result', { key: 'okrs.errors.noKeyResult' }, { field: 'kr_title' });
      for (const kr of input.keyResults) checkKeyResult(kr);
      const keyResults: NewKeyResultInput[] = [];
      for (const kr of input.keyResults) keyResults.push(await withKpi(actor.workspaceId, kr));
      if (input.departmentId && !(await repo.departmentExists(actor.workspaceId, input.departmentId)))
        throw new DomainError('okr.bad_department', { key: 'okrs.errors.badDepartment' }, { field: 'level' });
      await deps.authorization.require(
        actor,
        'okrs.edit',
        input.departmentId ? { departmentId: input.departmentId } : {},
      );
      const period = await service.period(actor.workspaceId, zone, input.periodKey ?? '');
      let parentId: string | null = null;
      if (input.parentNumber) {
        const parent = await repo.findObjective(actor.workspaceId, input.parentNumber);
        if (!parent || parent.periodKey !== period.key)
          throw new DomainError(
            'okr.bad_parent',
            { key: 'okrs.errors.badParent', params: { id: `O-${input.parentNumber}` } },
            { field: 'parent' },
          );
        parentId = parent.id;
      }
      return repo.createObjective(actor, {
        periodId: period.id,
        departmentId: input.departmentId,
        parentId,
        title: input.title.trim(),
        keyResults: keyResults.map((kr) => ({ ...kr, title: kr.title.trim() })),
      });
    },

    async addKeyResult(actor, objectiveNumber, input) {
      const objective = await findObjectiveOrFail(actor.workspaceId, objectiveNumber);
      checkKeyResult(input);
      const withItsKpi = await withKpi(actor.workspaceId, input);
      await service.mayEdit(actor, objective);
      return repo.addKeyResult(actor, objective.id, { ...withItsKpi, title: input.title.trim() });
    },

    async list(actor, zone, scope) {
      const period = await service.period(actor.workspaceId, zone);
      const filter =
        scope === 'company'
          ? { company: true }
          : scope === 'mine'
            ? { ownerPersonId: actor.personId }
            : { departmentIds: actor.memberships.map((m) => m.departmentId) };
      return (await repo.listObjectives(actor.workspaceId, period.id, filter)).map((o) => scoreObjective(o));
    },

    async show(actor, objectiveNumber) {
      const objective = await findObjectiveOrFail(actor.workspaceId, objectiveNumber);
      const scored = scoreObjective(objective);
      if (objective.department) return scored;
      const period = await repo.findPeriod(actor.workspaceId, objective.periodKey);
      if (!period) return scored;
      const tree = await service.tree(actor.workspaceId, period.id);
      return tree.find((o) => o.id === objective.id) ?? scored;
    },

    async tree(workspaceId, periodId) {
      return withChildren(await repo.listPeriod(workspaceId, periodId));
    },
  };
  return service;
}
