import type {
  KpiDefinition,
  KpiDto,
  SamplePoint,
  SampleSource,
  SampleWrite,
  WriteOutcome,
} from './kpi.types.js';

/** One KPI of a health page: the KPI, its latest two values, its open breach's level (0: none). */
export interface KpiHealthRow {
  kpi: KpiDto;
  latest: SamplePoint | null;
  previous: SamplePoint | null;
  breachLevel: number;
}

export interface KpiHealthPage {
  rows: KpiHealthRow[];
  /** KPIs of the departments in all. */
  total: number;
  /** Of them, on target and not in breach. */
  onTarget: number;
}

export interface DepartmentRef {
  id: string;
  key: string;
}

export interface KpisRepository {
  /** The workspace's zone: periods are its days and hours. */
  workspaceZone(workspaceId: string): Promise<string>;
  findDepartment(workspaceId: string, key: string): Promise<DepartmentRef | null>;
  /** Creates or changes the KPI of that key, and its audit row, in one transaction. */
  saveDefinition(
    workspaceId: string,
    definition: KpiDefinition,
    actorSlackId: string | null,
  ): Promise<KpiDto>;
  find(workspaceId: string, key: string): Promise<KpiDto | null>;
  findById(id: string): Promise<KpiDto | null>;
  findByKeys(workspaceId: string, keys: readonly string[]): Promise<KpiDto[]>;
  findByIds(ids: readonly string[]): Promise<KpiDto[]>;
  /** Every KPI of the workspace, or of one department, by key. */
  list(workspaceId: string, departmentId?: string): Promise<KpiDto[]>;
  listForDepartments(workspaceId: string, departmentIds: readonly string[]): Promise<KpiDto[]>;
  /**
   * The departments' KPIs in health order (worst first, then by key), the first `limit` of
   * them (null: all) with their latest two values and open breach level, and how many there are in all and
   * on target — one statement over the latest values kept on each KPI (no samples read).
   */
  worstOf(
    workspaceId: string,
    departmentIds: readonly string[],
    limit: number | null,
  ): Promise<KpiHealthPage>;
  /** The latest `count` samples of each KPI, most recent first. */
  recentSamples(kpiIds: readonly string[], count: number): Promise<Map<string, SamplePoint[]>>;
  /** The open breach level of each KPI (absent: none). */
  openBreachLevels(kpiIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Writes the samples in one transaction: a new period is inserted, a changed value updated;
   * each write adds a change row; the same value again changes nothing.
   */
  writeSamples(samples: readonly SampleWrite[], source: SampleSource): Promise<WriteOutcome>;
}
