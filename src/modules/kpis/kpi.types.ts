export const KPI_UNITS = ['COUNT', 'PERCENT', 'CURRENCY', 'RATIO'] as const;
export const KPI_DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;
export const KPI_AGGREGATIONS = ['SUM', 'MEAN', 'LAST'] as const;
export const KPI_PERIODS = ['DAILY', 'HOURLY'] as const;

export type KpiUnit = (typeof KPI_UNITS)[number];
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export type KpiAggregation = (typeof KPI_AGGREGATIONS)[number];
export type KpiPeriod = (typeof KPI_PERIODS)[number];

/** A KPI as services and views see it, with its owner department's names and channel. */
export interface KpiDto {
  id: string;
  workspaceId: string;
  key: string;
  nameEn: string;
  nameZh: string;
  unit: KpiUnit;
  currency: string | null;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  period: KpiPeriod;
  target: number | null;
  /** `locale`: the language of what Liaison posts in its channel (null: the workspace's). */
  owner: {
    id: string;
    key: string;
    nameEn: string;
    nameZh: string;
    channelId: string | null;
    locale?: string | null;
  };
}

/** What `/kpi define` submits (and the demo seeds). */
export interface KpiDefinition {
  key: string;
  nameEn: string;
  nameZh: string;
  unit: KpiUnit;
  currency: string | null;
  ownerDepartmentId: string;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  period: KpiPeriod;
  target: number | null;
}

/** One value for one period (period labels: `2026-12-06` or `2026-12-06 14:00`, workspace zone). */
export interface SamplePoint {
  period: string;
  value: number;
}

export interface SampleWrite extends SamplePoint {
  kpiId: string;
  note?: string | null;
}

/** Who wrote samples, for their change history. */
export interface SampleSource {
  source: 'command' | 'csv' | 'api' | 'demo';
  personId?: string | null;
  apiTokenId?: string | null;
}

export interface WriteOutcome {
  /** New periods or changed values. */
  written: number;
  /** The same value the period already held: nothing changed. */
  unchanged: number;
  /** The KPIs whose values changed, for threshold checks. */
  changedKpiIds: string[];
}

/** Latest against previous and target: what `/kpi show`, Home and digests say. */
export type KpiStatus = 'no_data' | 'no_target' | 'on_target' | 'off_target';

export interface KpiSnapshot {
  kpi: KpiDto;
  /** Most recent first. */
  recent: SamplePoint[];
  latest: SamplePoint | null;
  previous: SamplePoint | null;
  /** Latest versus previous in percent; null when either is missing or previous is 0. */
  changePercent: number | null;
  status: KpiStatus;
  /** The open breach's level, 0 when none. */
  breachLevel: number;
}
