import { DateTime } from 'luxon';
import type { KpiAggregation, KpiDirection, KpiUnit, SamplePoint } from '../kpis/kpi.types.js';
import type { DemoDepartmentKey } from './demo.data.js';

export interface DemoKpi {
  key: string;
  nameEn: string;
  nameZh: string;
  unit: KpiUnit;
  currency: string | null;
  owner: DemoDepartmentKey;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  target: number;
  /** A typical day, how much days vary, and how far weekends lift it. */
  base: number;
  noise: number;
  weekend: number;
  /** Change over the 90 days, as a fraction of base (0.2 = up 20 %). */
  trend: number;
  decimals: number;
}

const kpi = (k: Omit<DemoKpi, 'currency'> & { currency?: string }): DemoKpi => ({ currency: null, ...k });

/** The founding plan's core KPIs, owned by the departments that answer for them. */
export const DEMO_KPIS: DemoKpi[] = [
  kpi({
    key: 'viewers',
    nameEn: 'Viewers',
    nameZh: '观看人数',
    unit: 'COUNT',
    owner: 'live-ops',
    direction: 'HIGHER_IS_BETTER',
    aggregation: 'SUM',
    target: 120_000,
    base: 110_000,
    noise: 0.12,
    weekend: 0.25,
    trend: 0.2,
    decimals: 0,
  }),
  kpi({
    key: 'interaction_rate',
    nameEn: 'Interaction rate',
    nameZh: '互动率',
    unit: 'PERCENT',
    owner: 'hosts',
    direction: 'HIGHER_IS_BETTER',
    aggregation: 'MEAN',
    target: 8,
    base: 7.6,
    noise: 0.08,
    weekend: 0.06,
    trend: 0.1,
    decimals: 2,
  }),
  kpi({
    key: 'conversion_rate',
    nameEn: 'Conversion rate',
    nameZh: '转化率',
    unit: 'PERCENT',
    owner: 'marketing',
    direction: 'HIGHER_IS_BETTER',
    aggregation: 'MEAN',
    target: 3.5,
    base: 3.3,
    noise: 0.1,
    weekend: 0.05,
    trend: 0.08,
    decimals: 2,
  }),
  kpi({
    key: 'roi',
    nameEn: 'ROI',
    nameZh: '投资回报率',
    unit: 'RATIO',
    owner: 'marketing',
    direction: 'HIGHER_IS_BETTER',
    aggregation: 'MEAN',
    target: 3,
    base: 2.9,
    noise: 0.12,
    weekend: 0.04,
    trend: 0.05,
    decimals: 2,
  }),
  kpi({
    key: 'gmv',
    nameEn: 'GMV',
    nameZh: '成交总额',
    unit: 'CURRENCY',
    currency: 'CNY',
    owner: 'live-ops',
    direction: 'HIGHER_IS_BETTER',
    aggregation: 'SUM',
    target: 1_500_000,
    base: 1_350_000,
    noise: 0.15,
    weekend: 0.3,
    trend: 0.25,
    decimals: 0,
  }),
  kpi({
    key: 'aov',
    nameEn: 'Average order value',
    nameZh: '客单价',
    unit: 'CURRENCY',
    currency: 'CNY',
    owner: 'merchandising',
    direction: 'HIGHER_IS_BETTER',
    aggregation: 'MEAN',
    target: 180,
    base: 172,
    noise: 0.06,
    weekend: 0.05,
    trend: 0.04,
    decimals: 1,
  }),
  kpi({
    key: 'completion_rate',
    nameEn: 'Completion rate',
    nameZh: '完播率',
    unit: 'PERCENT',
    owner: 'content',
    direction: 'HIGHER_IS_BETTER',
    aggregation: 'MEAN',
    target: 35,
    base: 33,
    noise: 0.07,
    weekend: 0.03,
    trend: 0.06,
    decimals: 1,
  }),
  kpi({
    key: 'complaint_rate',
    nameEn: 'Complaint rate',
    nameZh: '投诉率',
    unit: 'PERCENT',
    owner: 'customer-service',
    direction: 'LOWER_IS_BETTER',
    aggregation: 'MEAN',
    target: 0.5,
    base: 0.45,
    noise: 0.15,
    weekend: 0.1,
    trend: 0.1,
    decimals: 2,
  }),
  kpi({
    key: 'stockout_rate',
    nameEn: 'Stock-out rate',
    nameZh: '断货率',
    unit: 'PERCENT',
    owner: 'supply-chain',
    direction: 'LOWER_IS_BETTER',
    aggregation: 'MEAN',
    target: 1,
    base: 0.8,
    noise: 0.2,
    weekend: 0.15,
    trend: 0.5,
    decimals: 2,
  }),
  kpi({
    key: 'inventory_turnover',
    nameEn: 'Inventory turnover',
    nameZh: '库存周转率',
    unit: 'RATIO',
    owner: 'logistics',
    direction: 'HIGHER_IS_BETTER',
    aggregation: 'LAST',
    target: 10,
    base: 9.5,
    noise: 0.04,
    weekend: 0,
    trend: 0.06,
    decimals: 2,
  }),
  kpi({
    key: 'cac',
    nameEn: 'Acquisition cost',
    nameZh: '获客成本',
    unit: 'CURRENCY',
    currency: 'CNY',
    owner: 'marketing',
    direction: 'LOWER_IS_BETTER',
    aggregation: 'MEAN',
    target: 45,
    base: 47,
    noise: 0.08,
    weekend: -0.04,
    trend: -0.06,
    decimals: 1,
  }),
];

export const DEMO_HISTORY_DAYS = 90;

/** A small seeded generator (mulberry32): the same history on every machine and run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const seedOf = (text: string) =>
  [...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16_777_619), 2_166_136_261);

/**
 * `days` days of plausible values ending yesterday in `zone`: a trend, weekends lifted,
 * day-to-day noise. Deterministic per KPI key, so demos and tests look the same.
 */
export function demoHistory(
  kpi: DemoKpi,
  today: Date,
  zone: string,
  days = DEMO_HISTORY_DAYS,
): SamplePoint[] {
  const next = random(seedOf(kpi.key));
  const last = DateTime.fromJSDate(today, { zone }).startOf('day').minus({ days: 1 });
  const factor = 10 ** kpi.decimals;
  const points: SamplePoint[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = last.minus({ days: i });
    const progress = (days - 1 - i) / Math.max(days - 1, 1);
    const weekend = day.weekday >= 6 ? kpi.weekend : 0;
    const noise = (next() * 2 - 1) * kpi.noise;
    const value = kpi.base * (1 + kpi.trend * progress) * (1 + weekend) * (1 + noise);
    points.push({ period: day.toFormat('yyyy-MM-dd'), value: Math.round(value * factor) / factor });
  }
  return points;
}
