import type { AccessSubject } from '../access/access.types.js';
import type { Authorization } from '../access/authorization.service.js';
import { DomainError } from '../shared/domain-error.types.js';
import { parseKpiValue } from './kpi.rules.js';
import type { KpiDto } from './kpi.types.js';
import { MEASURE_MAX_LENGTH, MEASURES_MAX, PERIODS_MAX } from './kpi-plan.rules.js';
import { type KpiThresholdDto, PLAN_LEVELS, type PlanLevel, THRESHOLD_RULES } from './kpi-plan.types.js';
import type { KpiPlansRepository } from './kpi-plans.repository.js';

/** One level of the plan modal, as text; `rule` is `none` or one of THRESHOLD_RULES. */
export interface PlanLevelForm {
  rule: string;
  value: string;
  periods: string;
  measures: string;
  escalateTo: string;
}

export type PlanForm = Record<PlanLevel, PlanLevelForm>;

type PlanErrorKey =
  | 'kpis.plan.errors.badChoice'
  | 'kpis.plan.errors.valueRequired'
  | 'kpis.plan.errors.percentRequired'
  | 'kpis.plan.errors.periodsRequired'
  | 'kpis.plan.errors.noTarget'
  | 'kpis.plan.errors.tooManyMeasures'
  | 'kpis.plan.errors.measureTooLong'
  | 'kpis.plan.errors.measuresRequired'
  | 'kpis.plan.errors.escalateRequired'
  | 'kpis.plan.errors.unknownDepartments'
  | 'kpis.plan.errors.ownDepartment';

/** The field of a level's error: `level2.value`, mapped to the modal's block by the listener. */
export const planField = (level: PlanLevel, name: keyof PlanLevelForm) => `level${level}.${name}`;

function invalid(
  level: PlanLevel,
  name: keyof PlanLevelForm,
  key: PlanErrorKey,
  params?: Record<string, string | number>,
): DomainError {
  const field = planField(level, name);
  return new DomainError('kpi.invalid_plan', { key, params }, { field, detail: `bad ${field}` });
}

export function createKpiPlansService(deps: {
  repo: KpiPlansRepository;
  authorization: Authorization;
  requireKpi(workspaceId: string, key: string): Promise<KpiDto>;
}) {
  const { repo } = deps;

  async function levelOf(
    kpi: KpiDto,
    level: PlanLevel,
    form: PlanLevelForm,
  ): Promise<KpiThresholdDto | null> {
    if (form.rule === 'none' || form.rule === '') return null;
    const rule = THRESHOLD_RULES.find((r) => r === form.rule);
    if (!rule) throw invalid(level, 'rule', 'kpis.plan.errors.badChoice');
    let value = 0;
    let periods = 1;
    if (rule !== 'below_target') {
      const parsed = parseKpiValue(form.value);
      const relative = rule === 'relative_up' || rule === 'relative_down';
      if (parsed === null || (relative && parsed <= 0))
        throw invalid(
          level,
          'value',
          relative ? 'kpis.plan.errors.percentRequired' : 'kpis.plan.errors.valueRequired',
        );
      value = parsed;
    }
    if (rule !== 'absolute_above' && rule !== 'absolute_below') {
      const text = form.periods.trim();
      periods = /^\d{1,3}$/.test(text) ? Number(text) : 0;
      if (periods < 1 || periods > PERIODS_MAX)
        throw invalid(level, 'periods', 'kpis.plan.errors.periodsRequired', { max: PERIODS_MAX });
    }
    if (rule === 'below_target' && kpi.target === null)
      throw invalid(level, 'rule', 'kpis.plan.errors.noTarget', { key: kpi.key });
    const measures = form.measures
      .split('\n')
      .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
      .filter((line) => line.length > 0);
    if (measures.length > MEASURES_MAX)
      throw invalid(level, 'measures', 'kpis.plan.errors.tooManyMeasures', { max: MEASURES_MAX });
    if (measures.some((m) => m.length > MEASURE_MAX_LENGTH))
      throw invalid(level, 'measures', 'kpis.plan.errors.measureTooLong', { max: MEASURE_MAX_LENGTH });
    const keys = [
      ...new Set(
        form.escalateTo
          .split(/[\s,，、]+/)
          .map((k) => k.trim().replace(/^#/, '').toLowerCase())
          .filter(Boolean),
      ),
    ];
    if (level >= 2 && measures.length === 0)
      throw invalid(level, 'measures', 'kpis.plan.errors.measuresRequired');
    if (level >= 2 && keys.length === 0)
      throw invalid(level, 'escalateTo', 'kpis.plan.errors.escalateRequired');
    if (keys.includes(kpi.owner.key))
      throw invalid(level, 'escalateTo', 'kpis.plan.errors.ownDepartment', { department: kpi.owner.key });
    const found = new Set((await repo.departmentsByKeys(kpi.workspaceId, keys)).map((d) => d.key));
    const unknown = keys.filter((k) => !found.has(k));
    if (unknown.length > 0)
      throw invalid(level, 'escalateTo', 'kpis.plan.errors.unknownDepartments', {
        departments: unknown.join(', '),
      });
    return { level, rule, value, periods, measures, escalateTo: keys };
  }

  return {
    /** The KPI and its levels, for the modal: admins and the owner department's leads. */
    async planOf(actor: AccessSubject, key: string): Promise<{ kpi: KpiDto; thresholds: KpiThresholdDto[] }> {
      const kpi = await deps.requireKpi(actor.workspaceId, key);
      await deps.authorization.require(actor, 'kpis.edit', { departmentId: kpi.owner.id });
      return { kpi, thresholds: (await repo.thresholdsFor([kpi.id])).get(kpi.id) ?? [] };
    },

    /** Anyone reads a KPI's plan (`/kpi show`). */
    async thresholdsOf(kpiId: string): Promise<KpiThresholdDto[]> {
      return (await repo.thresholdsFor([kpiId])).get(kpiId) ?? [];
    },

    /** `/kpi plan KEY` submitted: every level checked field by field, then all replaced at once. */
    async save(actor: AccessSubject, key: string, form: PlanForm): Promise<{ kpi: KpiDto; levels: number }> {
      const kpi = await deps.requireKpi(actor.workspaceId, key);
      await deps.authorization.require(actor, 'kpis.edit', { departmentId: kpi.owner.id });
      const thresholds: KpiThresholdDto[] = [];
      for (const level of PLAN_LEVELS) {
        const threshold = await levelOf(kpi, level, form[level]);
        if (threshold) thresholds.push(threshold);
      }
      await repo.savePlan(kpi, thresholds, actor.slackUserId);
      return { kpi, levels: thresholds.length };
    },
  };
}

export type KpiPlansService = ReturnType<typeof createKpiPlansService>;
