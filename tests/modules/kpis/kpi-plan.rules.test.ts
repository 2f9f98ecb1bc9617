import { describe, expect, it } from 'vitest';
import {
  breachedLevel,
  breachStep,
  escalationSeverityOf,
  levelStatusOf,
} from '../../../src/modules/kpis/kpi-plan.rules.js';
import type { KpiThresholdDto } from '../../../src/modules/kpis/kpi-plan.types.js';

const lowerIsBetter = { direction: 'LOWER_IS_BETTER' as const, target: 1, period: 'DAILY' as const };
const higherIsBetter = { direction: 'HIGHER_IS_BETTER' as const, target: 3.5, period: 'DAILY' as const };

const level = (l: 1 | 2 | 3, rest: Partial<KpiThresholdDto>): KpiThresholdDto => ({
  level: l,
  rule: 'absolute_above',
  value: 0,
  periods: 1,
  measures: [],
  escalateTo: [],
  ...rest,
});

const days = (values: number[], last = '2026-12-07') =>
  values.map((value, i) => {
    const d = new Date(`${last}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - (values.length - 1 - i));
    return { period: d.toISOString().slice(0, 10), value };
  });

describe('breachedLevel', () => {
  const stockout = [level(1, { value: 0.9 }), level(2, { value: 1 }), level(3, { value: 3 })];

  it('takes the worst level whose absolute rule holds at the latest period', () => {
    expect(breachedLevel(lowerIsBetter, stockout, days([0.5, 0.8])).level).toBe(0);
    expect(breachedLevel(lowerIsBetter, stockout, days([0.5, 0.95])).level).toBe(1);
    expect(breachedLevel(lowerIsBetter, stockout, days([0.5, 1.2])).level).toBe(2);
    expect(breachedLevel(lowerIsBetter, stockout, days([5, 3.5])).level).toBe(3);
    // Exactly at the value is not above it.
    expect(breachedLevel(lowerIsBetter, stockout, days([1])).level).toBe(1);
  });

  it('compares with the value N periods before for relative rules (week over week)', () => {
    const complaints = [level(2, { rule: 'relative_up', value: 30, periods: 7 })];
    expect(breachedLevel(lowerIsBetter, complaints, days([0.4, 0, 0, 0, 0, 0, 0, 0.52])).level).toBe(2);
    expect(breachedLevel(lowerIsBetter, complaints, days([0.4, 0, 0, 0, 0, 0, 0, 0.5])).level).toBe(0);
    // No baseline: no breach.
    expect(breachedLevel(lowerIsBetter, complaints, days([0.9, 2])).level).toBe(0);
    const down = [level(2, { rule: 'relative_down', value: 20, periods: 1 })];
    expect(breachedLevel(higherIsBetter, down, days([4, 3.1])).level).toBe(2);
    expect(breachedLevel(higherIsBetter, down, days([4, 3.5])).level).toBe(0);
  });

  it('counts periods off target in a row, in the KPI’s direction, and needs each period', () => {
    const conversion = [level(1, { rule: 'below_target', periods: 3 })];
    expect(breachedLevel(higherIsBetter, conversion, days([3.6, 3.4, 3.3, 3.2])).level).toBe(1);
    expect(breachedLevel(higherIsBetter, conversion, days([3.4, 3.6, 3.3, 3.2])).level).toBe(0);
    expect(breachedLevel(higherIsBetter, conversion, days([3.3, 3.2])).level).toBe(0);
    const stock = [level(1, { rule: 'below_target', periods: 2 })];
    expect(breachedLevel(lowerIsBetter, stock, days([1.2, 1.1])).level).toBe(1);
    expect(breachedLevel({ ...lowerIsBetter, target: null }, stock, days([1.2, 1.1])).level).toBe(0);
  });
});

describe('breachStep', () => {
  it('opens, worsens, persists and recovers', () => {
    expect(breachStep(null, 0)).toEqual({ kind: 'none' });
    expect(breachStep(null, 2)).toEqual({ kind: 'open', level: 2 });
    expect(breachStep({ level: 2 }, 3)).toEqual({ kind: 'worsen', level: 3 });
    expect(breachStep({ level: 2 }, 2)).toEqual({ kind: 'persist' });
    expect(breachStep({ level: 3 }, 1)).toEqual({ kind: 'persist' });
    expect(breachStep({ level: 1 }, 0)).toEqual({ kind: 'recover' });
  });
});

describe('levels for others', () => {
  it('names the status by level and the escalation severity', () => {
    expect(levelStatusOf('off_target', 3)).toBe('level3');
    expect(levelStatusOf('on_target', 0)).toBe('normal');
    expect(levelStatusOf('no_data', 0)).toBe('no_data');
    expect(escalationSeverityOf(3)).toBe('URGENT');
    expect(escalationSeverityOf(2)).toBe('HIGH');
    expect(escalationSeverityOf(1)).toBeNull();
  });
});
