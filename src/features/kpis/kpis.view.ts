import type { KnownBlock } from '@slack/types';
import type { MessageKey, Translate } from '../../i18n/catalog.js';
import { formatKpiValue, kpiName } from '../../modules/kpis/kpi.rules.js';
import type { KpiDto, KpiSnapshot } from '../../modules/kpis/kpi.types.js';
import { levelStatusOf } from '../../modules/kpis/kpi-plan.rules.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { KPI_BLOCKS } from './kpis.ids.js';

export interface KpiViewContext {
  t: Translate;
  locale: string;
}

const MAX_LISTED = 40;

export function departmentName(kpi: KpiDto, locale: string): string {
  return escapeMrkdwn(locale === 'zh-CN' ? kpi.owner.nameZh : kpi.owner.nameEn);
}

/** A snapshot's status in words: an open breach says its plan level, else on/off target. */
export function statusText(snapshot: Pick<KpiSnapshot, 'status' | 'breachLevel'>, t: Translate): string {
  const level = levelStatusOf(snapshot.status, snapshot.breachLevel);
  if (level === 'level1' || level === 'level2' || level === 'level3') return t(`kpis.status.${level}`);
  return t(`kpis.status.${snapshot.status}` as MessageKey);
}

/** 🔴 level 3, 🟠 level 2, 🟡 level 1 or off target, 🟢 on target, ⚪ otherwise. */
export function statusIcon(snapshot: Pick<KpiSnapshot, 'status' | 'breachLevel'>): string {
  if (snapshot.breachLevel >= 3) return '🔴';
  if (snapshot.breachLevel === 2) return '🟠';
  if (snapshot.breachLevel === 1 || snapshot.status === 'off_target') return '🟡';
  return snapshot.status === 'on_target' ? '🟢' : '⚪';
}

export function changeText(change: number | null, locale: string): string {
  if (change === null) return '—';
  const formatted = new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(change);
  return `${formatted}%`;
}

/** `/kpi list [department]`. */
export function kpiListView(
  snapshots: readonly KpiSnapshot[],
  { t, locale }: KpiViewContext,
  department?: string,
): { text: string; blocks: KnownBlock[] } {
  const count = snapshots.length;
  const title = department
    ? t('kpis.list.titleDepartment', { department: escapeMrkdwn(department), count })
    : t('kpis.list.title', { count });
  const lines = snapshots.slice(0, MAX_LISTED).map((s) =>
    t('kpis.list.line', {
      key: s.kpi.key,
      name: escapeMrkdwn(kpiName(s.kpi, locale)),
      value: formatKpiValue(s.kpi, s.latest?.value ?? null, locale),
      status: `${statusIcon(s)} ${statusText(s, t)}`,
      department: departmentName(s.kpi, locale),
    }),
  );
  const body = count === 0 ? t('kpis.list.empty') : [title, ...lines].join('\n');
  return {
    text: t('kpis.list.fallback', { count }),
    blocks: [{ type: 'section', block_id: KPI_BLOCKS.list, text: { type: 'mrkdwn', text: body } }],
  };
}

/** `/kpi show KEY`: the facts (the chart goes up as a file beside it). */
export function kpiShowView(
  snapshot: KpiSnapshot,
  { t, locale }: KpiViewContext,
): { text: string; blocks: KnownBlock[] } {
  const { kpi, latest } = snapshot;
  const name = escapeMrkdwn(kpiName(kpi, locale));
  const value = formatKpiValue(kpi, latest?.value ?? null, locale);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: KPI_BLOCKS.showTitle,
      text: {
        type: 'mrkdwn',
        text: t('kpis.show.title', { name, key: kpi.key, department: departmentName(kpi, locale) }),
      },
    },
    {
      type: 'context',
      block_id: KPI_BLOCKS.showDefinition,
      elements: [
        {
          type: 'mrkdwn',
          text: t('kpis.show.definition', {
            unit:
              kpi.unit === 'CURRENCY'
                ? `${t('kpis.unit.CURRENCY')} ${kpi.currency ?? ''}`
                : t(`kpis.unit.${kpi.unit}` as MessageKey),
            direction: t(`kpis.direction.${kpi.direction}` as MessageKey),
            period: t(`kpis.period.${kpi.period}` as MessageKey),
            aggregation: t(`kpis.aggregation.${kpi.aggregation}` as MessageKey),
          }),
        },
      ],
    },
  ];
  if (!latest) {
    blocks.push({
      type: 'section',
      block_id: KPI_BLOCKS.showFacts,
      text: { type: 'mrkdwn', text: t('kpis.show.noData', { key: kpi.key }) },
    });
  } else {
    blocks.push({
      type: 'section',
      block_id: KPI_BLOCKS.showFacts,
      fields: [
        { type: 'mrkdwn', text: t('kpis.show.latest', { period: latest.period, value }) },
        {
          type: 'mrkdwn',
          text: t('kpis.show.change', { change: changeText(snapshot.changePercent, locale) }),
        },
        { type: 'mrkdwn', text: t('kpis.show.target', { target: formatKpiValue(kpi, kpi.target, locale) }) },
        {
          type: 'mrkdwn',
          text: t('kpis.show.status', { status: `${statusIcon(snapshot)} ${statusText(snapshot, t)}` }),
        },
      ],
    });
  }
  return { text: t('kpis.show.fallback', { key: kpi.key, value }), blocks };
}

/** Home's KPI health: one line per KPI of the reader's departments, worst first. */
export function kpiHomeLines(snapshots: readonly KpiSnapshot[], { t, locale }: KpiViewContext): string[] {
  return snapshots.map((s) =>
    t('kpis.home.line', {
      icon: statusIcon(s),
      name: escapeMrkdwn(kpiName(s.kpi, locale)),
      value: formatKpiValue(s.kpi, s.latest?.value ?? null, locale),
      status: statusText(s, t),
    }),
  );
}
