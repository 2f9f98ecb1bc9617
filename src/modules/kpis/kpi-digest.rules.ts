import type { Translate } from '../../i18n/catalog.js';
import { formatKpiValue, kpiName } from './kpi.rules.js';
import type { KpiSnapshot } from './kpi.types.js';

/** The reference a digest line and the narrative cite: the KPI's key and its latest period. */
export function kpiFactRef(snapshot: Pick<KpiSnapshot, 'kpi' | 'latest'>): string {
  return `KPI:${snapshot.kpi.key}@${snapshot.latest?.period ?? '-'}`;
}

/** A snapshot's status as the digest says it (a breach names its level). */
export function kpiStatusWords(snapshot: Pick<KpiSnapshot, 'status' | 'breachLevel'>, t: Translate): string {
  if (snapshot.breachLevel > 0) return t('kpis.status.breach', { level: snapshot.breachLevel });
  return t(`kpis.status.${snapshot.status}`);
}

const percentFormats = {
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
};

function percent(change: number, locale: string): string {
  return `${(locale === 'zh-CN' ? percentFormats.zh : percentFormats.en).format(change)}%`;
}

/** One KPI's digest line: value and period, change versus the previous period, target, status. */
export function kpiDigestLine(snapshot: KpiSnapshot, t: Translate, locale: string): string {
  const { kpi, latest, previous, changePercent } = snapshot;
  return t('kpis.digest.line', {
    name: kpiName(kpi, locale),
    value: formatKpiValue(kpi, latest?.value ?? null, locale),
    period: latest?.period ?? '—',
    change:
      changePercent === null || !previous
        ? t('kpis.digest.noChange')
        : t('kpis.digest.change', { change: percent(changePercent, locale), previous: previous.period }),
    target: kpi.target === null ? '—' : formatKpiValue(kpi, kpi.target, locale),
    status: kpiStatusWords(snapshot, t),
  });
}

/** Severity for the risk summary: a breach's level, 2 off target, 0 otherwise. */
export function kpiSeverity(snapshot: Pick<KpiSnapshot, 'status' | 'breachLevel'>): number {
  if (snapshot.breachLevel > 0) return Math.min(3, snapshot.breachLevel + 1);
  return snapshot.status === 'off_target' ? 2 : 0;
}

/** A KPI moving the wrong way by at least this much (percent) is worth a sentence. */
export const NOTABLE_CHANGE_PERCENT = 10;

export interface NarrativeSentence {
  text: string;
  /** The facts it rests on (kpiFactRef). */
  refs: string[];
}

/**
 * The narrative by rules: the KPIs off target (worst first), then those that moved the wrong
 * way by NOTABLE_CHANGE_PERCENT or more, then a count of the rest — each sentence naming its
 * KPI and period. `snapshots` come worst first; when they are the first page of more, `counts`
 * says how many there are in all and on target.
 */
export function narrateKpisByRules(
  snapshots: readonly KpiSnapshot[],
  t: Translate,
  locale: string,
  maxSentences: number,
  counts?: { total: number; onTarget: number },
): NarrativeSentence[] {
  const sentences: NarrativeSentence[] = [];
  const withData = snapshots.filter((s) => s.latest);
  for (const s of withData) {
    if (sentences.length >= maxSentences - 1) break;
    const params = {
      name: kpiName(s.kpi, locale),
      period: s.latest?.period ?? '',
      value: formatKpiValue(s.kpi, s.latest?.value ?? null, locale),
      target: formatKpiValue(s.kpi, s.kpi.target, locale),
    };
    if (s.status === 'off_target' || s.breachLevel > 0) {
      sentences.push({ text: t('kpis.digest.narrative.offTarget', params), refs: [kpiFactRef(s)] });
      continue;
    }
    const change = s.changePercent;
    const worse =
      change !== null &&
      (s.kpi.direction === 'HIGHER_IS_BETTER' ? -change : change) >= NOTABLE_CHANGE_PERCENT;
    if (worse && change !== null)
      sentences.push({
        text: t('kpis.digest.narrative.worsened', {
          ...params,
          change: percent(change, locale),
          previous: s.previous?.period ?? '',
        }),
        refs: [kpiFactRef(s)],
      });
  }
  const onTarget = withData.filter((s) => s.status === 'on_target' && s.breachLevel === 0);
  const onTargetCount = counts?.onTarget ?? onTarget.length;
  if (onTargetCount > 0)
    sentences.push({
      text: t(onTargetCount === 1 ? 'kpis.digest.narrative.onTargetOne' : 'kpis.digest.narrative.onTarget', {
        count: onTargetCount,
        total: counts?.total ?? snapshots.length,
      }),
      refs: onTarget.slice(0, 5).map(kpiFactRef),
    });
  return sentences;
}
