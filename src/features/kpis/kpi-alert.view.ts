import type { KnownBlock } from '@slack/types';
import type { MessageKey, Translate } from '../../i18n/catalog.js';
import { formatDate } from '../../i18n/format.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import { formatKpiValue, kpiName } from '../../modules/kpis/kpi.rules.js';
import type { BreachNotice } from '../../modules/kpis/kpi-breaches.service.js';
import { trendOf } from '../../modules/kpis/kpi-plan.rules.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { ruleText } from './kpi-plan.view.js';
import { KPI_BLOCKS } from './kpis.ids.js';

const LEVEL_ICON = ['✅', '🟡', '🟠', '🔴'];
const TREND_PERIODS = 7;

interface AlertContext {
  t: Translate;
  locale: SupportedLocale;
}

/** "0.9% → 1.1% → 1.4%": the last periods, oldest first. */
function trendLine(notice: BreachNotice, locale: string): string {
  return trendOf(notice.recent, TREND_PERIODS)
    .map((p) => formatKpiValue(notice.kpi, p.value, locale))
    .join(' → ');
}

/** The alert in the owner department's channel: level, value, rule, trend, and the measures. */
export function kpiAlertMessage(notice: BreachNotice, { t, locale }: AlertContext) {
  const { kpi, level, threshold, latest } = notice;
  const name = escapeMrkdwn(kpiName(kpi, locale));
  const levelName = t(`kpis.plan.levelName.${level}` as MessageKey);
  const value = formatKpiValue(kpi, latest.value, locale);
  const icon = LEVEL_ICON[level] ?? '🔴';
  const lines = [
    t('kpis.alert.title', { icon, name, key: kpi.key, level, levelName }),
    t('kpis.alert.facts', {
      value,
      period: latest.period,
      rule: threshold ? ruleText(t, kpi, threshold, locale) : '—',
      target: formatKpiValue(kpi, kpi.target, locale),
    }),
    t('kpis.alert.trend', { trend: trendLine(notice, locale) }),
  ];
  if (threshold && threshold.measures.length > 0)
    lines.push(
      t('kpis.alert.measures', {
        measures: threshold.measures.map((m) => `• ${escapeMrkdwn(m)}`).join('\n'),
      }),
    );
  if (threshold && level >= 2 && threshold.escalateTo.length > 0)
    lines.push(
      t('kpis.alert.escalating', {
        department: escapeMrkdwn(locale === 'zh-CN' ? kpi.owner.nameZh : kpi.owner.nameEn),
        departments: threshold.escalateTo.join(', '),
      }),
    );
  const blocks: KnownBlock[] = [
    { type: 'section', block_id: KPI_BLOCKS.alert, text: { type: 'mrkdwn', text: lines.join('\n') } },
  ];
  return { text: t('kpis.alert.fallback', { icon, name, level, levelName, value }), blocks };
}

/** The one recovery notice of a breach. */
export function kpiRecoveryMessage(notice: BreachNotice, { t, locale }: AlertContext) {
  const name = escapeMrkdwn(kpiName(notice.kpi, locale));
  return {
    text: t('kpis.alert.recoveredFallback', { name }),
    blocks: [
      {
        type: 'section',
        block_id: KPI_BLOCKS.alert,
        text: {
          type: 'mrkdwn',
          text: t('kpis.alert.recovered', {
            name,
            key: notice.kpi.key,
            value: formatKpiValue(notice.kpi, notice.latest.value, locale),
            period: notice.latest.period,
            level: notice.breach.level,
            since: formatDate(notice.breach.period.slice(0, 10), locale),
          }),
        },
      },
    ] as KnownBlock[],
  };
}
