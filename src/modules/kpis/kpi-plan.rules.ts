import { shiftPeriodLabel } from './kpi.rules.js';
import type { KpiDto, KpiStatus, SamplePoint } from './kpi.types.js';
import type { KpiBreachDto, KpiLevelStatus, KpiThresholdDto } from './kpi-plan.types.js';

export const MEASURES_MAX = 10;
export const MEASURE_MAX_LENGTH = 150;
export const PERIODS_MAX = 366;

/** How many recent periods an evaluation needs for these thresholds (the newest first). */
export function periodsNeeded(thresholds: readonly Pick<KpiThresholdDto, 'rule' | 'periods'>[]): number {
  return Math.max(2, ...thresholds.map((t) => t.periods + 1));
}

function offTarget(kpi: Pick<KpiDto, 'direction' | 'target'>, value: number): boolean {
  if (kpi.target === null) return false;
  return kpi.direction === 'HIGHER_IS_BETTER' ? value < kpi.target : value > kpi.target;
}

/**
 * Whether one level's rule holds at the latest period. `byPeriod` holds the recent values by
 * period label; a missing baseline or period never breaches (no data is not a shortage).
 */
export function ruleHolds(
  kpi: Pick<KpiDto, 'direction' | 'target' | 'period'>,
  threshold: Pick<KpiThresholdDto, 'rule' | 'value' | 'periods'>,
  latest: SamplePoint,
  byPeriod: ReadonlyMap<string, number>,
): boolean {
  switch (threshold.rule) {
    case 'absolute_above':
      return latest.value > threshold.value;
    case 'absolute_below':
      return latest.value < threshold.value;
    case 'relative_up':
    case 'relative_down': {
      const baseline = byPeriod.get(shiftPeriodLabel(latest.period, kpi.period, threshold.periods));
      if (baseline === undefined || baseline === 0) return false;
      const change = ((latest.value - baseline) / Math.abs(baseline)) * 100;
      return threshold.rule === 'relative_up' ? change >= threshold.value : -change >= threshold.value;
    }
    case 'below_target': {
      for (let step = 0; step < threshold.periods; step++) {
        const value = byPeriod.get(shiftPeriodLabel(latest.period, kpi.period, step));
        if (value === undefined || !offTarget(kpi, value)) return false;
      }
      return true;
    }
  }
}

/** The worst level whose rule holds at the latest value (0: none), with its threshold. */
export function breachedLevel(
  kpi: Pick<KpiDto, 'direction' | 'target' | 'period'>,
  thresholds: readonly KpiThresholdDto[],
  recent: readonly SamplePoint[],
): { level: number; threshold: KpiThresholdDto | null; latest: SamplePoint | null } {
  const latest = recent.reduce<SamplePoint | null>(
    (best, point) => (!best || point.period > best.period ? point : best),
    null,
  );
  if (!latest) return { level: 0, threshold: null, latest: null };
  const byPeriod = new Map(recent.map((p) => [p.period, p.value]));
  const worst = [...thresholds]
    .sort((a, b) => b.level - a.level)
    .find((threshold) => ruleHolds(kpi, threshold, latest, byPeriod));
  return { level: worst?.level ?? 0, threshold: worst ?? null, latest };
}

/** What an evaluation does to the KPI's open breach (if any). */
export type BreachStep =
  | { kind: 'none' }
  | { kind: 'open'; level: number }
  | { kind: 'worsen'; level: number }
  | { kind: 'persist' }
  | { kind: 'recover' };

/**
 * A breach opens when a level holds and none is open; a worse level worsens it (alerted and
 * escalated again); the same or a milder level persists (nothing more is owed); no level
 * recovers it (announced once).
 */
export function breachStep(open: Pick<KpiBreachDto, 'level'> | null, level: number): BreachStep {
  if (!open) return level > 0 ? { kind: 'open', level } : { kind: 'none' };
  if (level === 0) return { kind: 'recover' };
  if (level > open.level) return { kind: 'worsen', level };
  return { kind: 'persist' };
}

/** The status other features show (list, show, Home, digests): the open breach's level, else normal. */
export function levelStatusOf(status: KpiStatus, breachLevel: number): KpiLevelStatus {
  if (breachLevel >= 3) return 'level3';
  if (breachLevel === 2) return 'level2';
  if (breachLevel === 1) return 'level1';
  return status === 'no_data' ? 'no_data' : 'normal';
}

/** Levels 2 and 3 create measures and escalate: urgent (one hour) at 3, high at 2. */
export function escalationSeverityOf(level: number): 'URGENT' | 'HIGH' | null {
  if (level >= 3) return 'URGENT';
  if (level === 2) return 'HIGH';
  return null;
}

/** The recent values, oldest first, for an alert's trend line. */
export function trendOf(recent: readonly SamplePoint[], count: number): SamplePoint[] {
  return [...recent].sort((a, b) => a.period.localeCompare(b.period)).slice(-count);
}
