import type { AccessSubject } from '../access/access.types.js';
import type { Authorization } from '../access/authorization.service.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import {
  CURRENCY_PATTERN,
  changePercent,
  currentPeriodLabel,
  KPI_KEY_PATTERN,
  KPI_NAME_MAX,
  parseKpiValue,
  parsePeriodLabel,
  statusOf,
} from './kpi.rules.js';
import {
  KPI_AGGREGATIONS,
  KPI_DIRECTIONS,
  KPI_PERIODS,
  KPI_UNITS,
  type KpiDefinition,
  type KpiDto,
  type KpiSnapshot,
  type SampleSource,
  type SampleWrite,
  type WriteOutcome,
} from './kpi.types.js';
import type { KpisRepository } from './kpis.repository.js';

/** What the define modal sends, as text: checked here, field by field. */
export interface KpiDefinitionForm {
  key: string;
  nameEn: string;
  nameZh: string;
  unit: string;
  currency: string;
  ownerDepartmentKey: string;
  direction: string;
  aggregation: string;
  period: string;
  target: string;
}

/** A page of KPI health, worst first, with the counts of the whole. */
export interface KpiHealth {
  snapshots: KpiSnapshot[];
  total: number;
  onTarget: number;
}

/** How many periods `/kpi show` and Home look back. */
export const RECENT_PERIODS = 30;

export interface KpisServiceDeps {
  repo: KpisRepository;
  authorization: Authorization;
  clock: Clock;
  /** Called after samples changed (thresholds look at them); never fails the write. */
  afterWrite?(kpiIds: readonly string[]): Promise<void>;
}

const field = (
  name: string,
  key: Parameters<typeof fieldError>[1],
  params?: Record<string, string | number>,
) => fieldError(name, key, params);

function fieldError(
  name: string,
  key:
    | 'kpis.errors.badKey'
    | 'kpis.errors.badName'
    | 'kpis.errors.badCurrency'
    | 'kpis.errors.unknownDepartment'
    | 'kpis.errors.badChoice'
    | 'kpis.errors.badTarget',
  params?: Record<string, string | number>,
): DomainError {
  return new DomainError(`kpi.invalid_${name}`, { key, params }, { field: name, detail: `bad ${name}` });
}

function oneOf<T extends string>(values: readonly T[], text: string, name: string): T {
  const value = values.find((v) => v === text);
  if (!value) throw field(name, 'kpis.errors.badChoice');
  return value;
}

export function createKpisService(deps: KpisServiceDeps) {
  const { repo } = deps;

  async function requireKpi(workspaceId: string, key: string): Promise<KpiDto> {
    const kpi = await repo.find(workspaceId, key.trim().toLowerCase());
    if (!kpi)
      throw new DomainError(
        'kpi.not_found',
        { key: 'kpis.errors.unknownKpi', params: { key: key.trim() } },
        { detail: `no KPI ${key} in workspace ${workspaceId}` },
      );
    return kpi;
  }

  /** Admins, and anyone in the owner department, record values. */
  function mayRecord(subject: AccessSubject, kpi: KpiDto): boolean {
    return subject.isAdmin || subject.memberships.some((m) => m.departmentId === kpi.owner.id);
  }

  async function write(samples: readonly SampleWrite[], source: SampleSource): Promise<WriteOutcome> {
    const outcome = await repo.writeSamples(samples, source);
    if (outcome.changedKpiIds.length > 0) await deps.afterWrite?.(outcome.changedKpiIds);
    return outcome;
  }

  return {
    requireKpi,
    mayRecord,

    /** The KPI of that key, or null (everyone in the workspace reads KPIs). */
    async find(actor: AccessSubject, key: string): Promise<KpiDto | null> {
      return repo.find(actor.workspaceId, key.trim().toLowerCase());
    },
    write,

    /** `/kpi define`: creates the KPI or changes the one of that key. Admins and the owner's leads. */
    async define(actor: AccessSubject, form: KpiDefinitionForm): Promise<{ kpi: KpiDto; created: boolean }> {
      const key = form.key.trim().toLowerCase();
      if (!KPI_KEY_PATTERN.test(key)) throw field('key', 'kpis.errors.badKey');
      const nameEn = form.nameEn.trim();
      const nameZh = form.nameZh.trim();
      if (!nameEn || nameEn.length > KPI_NAME_MAX)
        throw field('nameEn', 'kpis.errors.badName', { max: KPI_NAME_MAX });
      if (!nameZh || nameZh.length > KPI_NAME_MAX)
        throw field('nameZh', 'kpis.errors.badName', { max: KPI_NAME_MAX });
      const unit = oneOf(KPI_UNITS, form.unit, 'unit');
      const currency = form.currency.trim().toUpperCase();
      if (unit === 'CURRENCY' && !CURRENCY_PATTERN.test(currency))
        throw field('currency', 'kpis.errors.badCurrency');
      const department = await repo.findDepartment(actor.workspaceId, form.ownerDepartmentKey.trim());
      if (!department)
        throw field('ownerDepartmentKey', 'kpis.errors.unknownDepartment', {
          department: form.ownerDepartmentKey,
        });
      const targetText = form.target.trim();
      const target = targetText === '' ? null : parseKpiValue(targetText);
      if (target === null && targetText !== '') throw field('target', 'kpis.errors.badTarget');
      await deps.authorization.require(actor, 'kpis.edit', { departmentId: department.id });
      const existing = await repo.find(actor.workspaceId, key);
      // Moving a KPI away from a department is that department's call too.
      if (existing && existing.owner.id !== department.id)
        await deps.authorization.require(actor, 'kpis.edit', { departmentId: existing.owner.id });
      const definition: KpiDefinition = {
        key,
        nameEn,
        nameZh,
        unit,
        currency: unit === 'CURRENCY' ? currency : null,
        ownerDepartmentId: department.id,
        direction: oneOf(KPI_DIRECTIONS, form.direction, 'direction'),
        aggregation: oneOf(KPI_AGGREGATIONS, form.aggregation, 'aggregation'),
        period: oneOf(KPI_PERIODS, form.period, 'period'),
        target,
      };
      const kpi = await repo.saveDefinition(actor.workspaceId, definition, actor.slackUserId);
      return { kpi, created: !existing };
    },

    /** The form's starting values for a KPI being changed. */
    async definitionOf(actor: AccessSubject, key: string): Promise<KpiDto> {
      const kpi = await requireKpi(actor.workspaceId, key);
      await deps.authorization.require(actor, 'kpis.edit', { departmentId: kpi.owner.id });
      return kpi;
    },

    /** `/kpi list [department]`: everyone reads KPIs, with their latest status. */
    async list(actor: AccessSubject, departmentKey?: string): Promise<KpiSnapshot[]> {
      let departmentId: string | undefined;
      if (departmentKey) {
        const department = await repo.findDepartment(actor.workspaceId, departmentKey.trim());
        if (!department)
          throw new DomainError(
            'kpi.unknown_department',
            { key: 'kpis.errors.unknownDepartment', params: { department: departmentKey } },
            { detail: `no department ${departmentKey}` },
          );
        departmentId = department.id;
      }
      return snapshots(await repo.list(actor.workspaceId, departmentId), 2);
    },

    /** `/kpi show KEY`: the latest values, change, target and status. */
    async show(actor: AccessSubject, key: string): Promise<KpiSnapshot> {
      const kpi = await requireKpi(actor.workspaceId, key);
      const [snapshot] = await snapshots([kpi], RECENT_PERIODS);
      if (!snapshot) throw new Error(`no snapshot for ${kpi.id}`);
      return snapshot;
    },

    /** KPI health of the given departments, worst first (Home, channel digests). */
    async healthOf(workspaceId: string, departmentIds: readonly string[]): Promise<KpiSnapshot[]> {
      return (await worstOf(workspaceId, departmentIds, null)).snapshots;
    },

    worstOf,

    /** The last RECENT_PERIODS values of each KPI, most recent first (charts). */
    async trendsOf(kpiIds: readonly string[]) {
      return repo.recentSamples(kpiIds, RECENT_PERIODS);
    },

    /** `/kpi record KEY VALUE [DATE | DATE HH:00]`: one value, for this period unless one is named. */
    async record(
      actor: AccessSubject,
      input: { key: string; value: string; period?: string; note?: string },
    ): Promise<{ kpi: KpiDto; period: string; value: number; changed: boolean }> {
      const kpi = await requireKpi(actor.workspaceId, input.key);
      if (!mayRecord(actor, kpi)) {
        await deps.authorization.require(actor, 'kpis.record', { departmentId: kpi.owner.id });
      }
      const value = parseKpiValue(input.value);
      if (value === null)
        throw new DomainError('kpi.bad_value', {
          key: 'kpis.errors.badValue',
          params: { value: input.value },
        });
      const period = input.period
        ? parsePeriodLabel(input.period, kpi.period)
        : currentPeriodLabel(deps.clock.now(), await repo.workspaceZone(actor.workspaceId), kpi.period);
      if (!period)
        throw new DomainError('kpi.bad_period', {
          key: kpi.period === 'DAILY' ? 'kpis.errors.badDailyPeriod' : 'kpis.errors.badHourlyPeriod',
          params: { period: input.period ?? '' },
        });
      const outcome = await write([{ kpiId: kpi.id, period, value, note: input.note ?? null }], {
        source: 'command',
        personId: actor.personId,
      });
      return { kpi, period, value, changed: outcome.written > 0 };
    },
  };

  /**
   * The first `limit` KPIs of the departments, worst first (healthRank, then key), and how many
   * there are in all and on target: what a digest shows of thousands of KPIs, read in one query.
   */
  async function worstOf(
    workspaceId: string,
    departmentIds: readonly string[],
    limit: number | null,
  ): Promise<KpiHealth> {
    if (departmentIds.length === 0) return { snapshots: [], total: 0, onTarget: 0 };
    const page = await repo.worstOf(workspaceId, departmentIds, limit);
    const snapshots = page.rows.map(({ kpi, latest, previous, breachLevel }) => ({
      kpi,
      recent: [latest, previous].filter((p): p is NonNullable<typeof p> => p !== null),
      latest,
      previous,
      changePercent: changePercent(latest, previous),
      status: statusOf(kpi, latest),
      breachLevel,
    }));
    return { snapshots, total: page.total, onTarget: page.onTarget };
  }

  async function snapshots(kpis: readonly KpiDto[], count: number): Promise<KpiSnapshot[]> {
    const ids = kpis.map((k) => k.id);
    const [recent, breaches] = await Promise.all([
      repo.recentSamples(ids, count),
      repo.openBreachLevels(ids),
    ]);
    return kpis.map((kpi) => {
      const points = recent.get(kpi.id) ?? [];
      const latest = points[0] ?? null;
      const previous = points[1] ?? null;
      return {
        kpi,
        recent: points,
        latest,
        previous,
        changePercent: changePercent(latest, previous),
        status: statusOf(kpi, latest),
        breachLevel: breaches.get(kpi.id) ?? 0,
      };
    });
  }
}

export type KpisService = ReturnType<typeof createKpisService>;
