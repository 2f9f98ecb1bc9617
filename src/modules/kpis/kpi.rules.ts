import { DateTime } from 'luxon';
import type { KpiAggregation, KpiDto, KpiPeriod, KpiStatus, SamplePoint } from './kpi.types.js';

export const KPI_KEY_PATTERN = /^[a-z][a-z0-9_-]{1,31}$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
export const KPI_NAME_MAX = 80;
export const KPI_NOTE_MAX = 500;

const DAILY_LABEL = /^(\d{4}-\d{2}-\d{2})$/;
const HOURLY_LABEL = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):00$/;

/**
 * A period as people type it, normalized to its label: `2026-12-06` for a daily KPI,
 * `2026-12-06 14:00` for an hourly one (also `2026-12-06T14:00`). Null when it is not a
 * real day or hour, or not of the KPI's kind.
 */
export function parsePeriodLabel(text: string, period: KpiPeriod): string | null {
  const trimmed = text.trim();
  if (period === 'DAILY') {
    const day = DAILY_LABEL.exec(trimmed)?.[1];
    return day && DateTime.fromISO(day).isValid ? day : null;
  }
  const match = HOURLY_LABEL.exec(trimmed);
  if (!match?.[1] || !match[2]) return null;
  const hour = Number(match[2]);
  if (!DateTime.fromISO(match[1]).isValid || hour > 23) return null;
  return `${match[1]} ${match[2]}:00`;
}

/** The period `now` falls in, in the workspace's zone. */
export function currentPeriodLabel(now: Date, zone: string, period: KpiPeriod): string {
  const local = DateTime.fromJSDate(now, { zone });
  return period === 'DAILY' ? local.toFormat('yyyy-MM-dd') : local.toFormat('yyyy-MM-dd HH:00');
}

/** The label `steps` periods before (or after, when negative) the given one. */
export function shiftPeriodLabel(label: string, period: KpiPeriod, steps: number): string {
  if (period === 'DAILY')
    return DateTime.fromISO(label, { zone: 'UTC' }).minus({ days: steps }).toFormat('yyyy-MM-dd');
  const at = DateTime.fromFormat(label, 'yyyy-MM-dd HH:mm', { zone: 'UTC' }).minus({ hours: steps });
  return at.toFormat('yyyy-MM-dd HH:00');
}

/** A number as people type it: digits, one decimal point, optional sign, thousands commas, a trailing %. */
export function parseKpiValue(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, '').replace(/%$/, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** Several periods' values as the KPI adds them up (a week of a daily KPI, a day of an hourly one). */
export function aggregate(values: readonly number[], aggregation: KpiAggregation): number | null {
  if (values.length === 0) return null;
  if (aggregation === 'SUM') return values.reduce((a, b) => a + b, 0);
  if (aggregation === 'MEAN') return values.reduce((a, b) => a + b, 0) / values.length;
  return values[values.length - 1] ?? null;
}

/** Latest versus previous in percent, null when undefined (no previous, previous 0). */
export function changePercent(latest: SamplePoint | null, previous: SamplePoint | null): number | null {
  if (!latest || !previous || previous.value === 0) return null;
  return ((latest.value - previous.value) / Math.abs(previous.value)) * 100;
}

/** On target means at or beyond it in the KPI's good direction. */
export function statusOf(kpi: Pick<KpiDto, 'direction' | 'target'>, latest: SamplePoint | null): KpiStatus {
  if (!latest) return 'no_data';
  if (kpi.target === null) return 'no_target';
  const good = kpi.direction === 'HIGHER_IS_BETTER' ? latest.value >= kpi.target : latest.value <= kpi.target;
  return good ? 'on_target' : 'off_target';
}

/** Worst first: breaches by level, then off target, then the rest. */
export function healthRank(status: KpiStatus, breachLevel: number): number {
  if (breachLevel > 0) return 10 - breachLevel;
  return { off_target: 10, no_data: 11, no_target: 12, on_target: 13 }[status];
}

/** A KPI's name in the reader's language. */
export function kpiName(kpi: Pick<KpiDto, 'nameEn' | 'nameZh'>, locale: string): string {
  return locale === 'zh-CN' ? kpi.nameZh : kpi.nameEn;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** One formatter per language and precision (building one costs more than formatting thousands of values). */
function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const tag = locale === 'zh-CN' ? 'zh-CN' : 'en-US';
  const key = `${tag}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, { maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format;
}

/** A value with its unit, for people (locale digits, % or the currency code). */
export function formatKpiValue(
  kpi: Pick<KpiDto, 'unit' | 'currency'>,
  value: number | null,
  locale: string,
): string {
  if (value === null) return '—';
  const number = numberFormat(locale, Math.abs(value) >= 100 ? 0 : 2).format(value);
  if (kpi.unit === 'PERCENT') return `${number}%`;
  if (kpi.unit === 'CURRENCY') return `${number} ${kpi.currency ?? ''}`.trim();
  return number;
}
