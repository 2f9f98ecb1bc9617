/** The plan's three levels: 1 normal operation (watch), 2 shortage (act), 3 extreme (emergency). */
export const PLAN_LEVELS = [1, 2, 3] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

/**
 * A level's rule, as the modal offers it:
 * - `absolute_above` / `absolute_below`: the latest value beyond `value` ("stock-out rate above 1%");
 * - `relative_up` / `relative_down`: the latest value `value` percent up (down) versus the value
 *   `periods` periods before ("complaints up 30% week over week": 30, 7 on a daily KPI);
 * - `below_target`: off target (in the KPI's direction) for `periods` periods in a row.
 */
export const THRESHOLD_RULES = [
  'absolute_above',
  'absolute_below',
  'relative_up',
  'relative_down',
  'below_target',
] as const;
export type ThresholdRule = (typeof THRESHOLD_RULES)[number];

export interface KpiThresholdDto {
  level: PlanLevel;
  rule: ThresholdRule;
  value: number;
  periods: number;
  /** The owner department's checklist, one measure per entry. */
  measures: string[];
  /** Keys of the departments the escalation names besides the owner (levels 2 and 3). */
  escalateTo: string[];
}

/** A KPI's breach as the KpiBreach table holds it (digests and meetings read these too). */
export interface KpiBreachDto {
  id: string;
  kpiId: string;
  /** The worst level reached so far. */
  level: number;
  period: string;
  value: number;
  lastPeriod: string | null;
  lastValue: number | null;
  alertedLevel: number;
  /** The posted alert's message (null: none posted: no channel, or recorded quietly by the demo). */
  alertTs: string | null;
  escalatedLevel: number;
  escalationId: string | null;
  startedAt: Date;
  recoveredAt: Date | null;
  recoveryAnnouncedAt: Date | null;
}

/** KPI status with the plan's levels: worst first is level 3, then 2, 1, off target, the rest. */
export type KpiLevelStatus = 'level3' | 'level2' | 'level1' | 'normal' | 'no_data';
