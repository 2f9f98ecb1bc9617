import type { MessageKey, Translate } from '../../i18n/catalog.js';
import { formatDateTime } from '../../i18n/format.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { KpiSnapshot } from '../../modules/kpis/kpi.types.js';
import { kpiDigestLine } from '../../modules/kpis/kpi-digest.rules.js';
import { KPI_DIGEST_LINES } from '../../modules/kpis/kpi-digest.service.js';
import type { KpiSubscriptionRow } from '../../modules/kpis/kpi-subscriptions.repository.js';

type View = { t: Translate; locale: SupportedLocale };

export const channelRef = (channelId: string) => `<#${channelId}>`;

export function scopeOf(
  row: Pick<KpiSubscriptionRow, 'department' | 'kpiKeys'>,
  { t, locale }: View,
): string {
  if (row.department)
    return t('kpis.subscriptions.scopeDepartment', {
      department: locale === 'zh-CN' ? row.department.nameZh : row.department.nameEn,
    });
  return t('kpis.subscriptions.scopeKpis', { keys: row.kpiKeys.join(', ') });
}

const cadenceOf = (row: Pick<KpiSubscriptionRow, 'cadence'>, t: Translate) =>
  t(`kpis.subscriptions.cadence.${row.cadence}` as MessageKey);

/** The channel's digest: each KPI's value, change, target and status, worst first. */
export function kpiChannelDigestMessage(
  row: KpiSubscriptionRow,
  snapshots: readonly KpiSnapshot[],
  view: View,
) {
  const { t, locale } = view;
  const lines = snapshots.slice(0, KPI_DIGEST_LINES).map((s) => `• ${kpiDigestLine(s, t, locale)}`);
  if (snapshots.length > KPI_DIGEST_LINES)
    lines.push(t('kpis.subscriptions.more', { count: snapshots.length - KPI_DIGEST_LINES }));
  const header = t('kpis.subscriptions.header', { scope: scopeOf(row, view), cadence: cadenceOf(row, t) });
  const text = [header, ...(lines.length > 0 ? lines : [t('kpis.subscriptions.empty')])].join('\n');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } }] };
}

export function kpiSubscribedText(row: KpiSubscriptionRow, view: View): string {
  const { t, locale } = view;
  return t('kpis.subscriptions.subscribed', {
    number: row.number,
    scope: scopeOf(row, view),
    channel: channelRef(row.channelId),
    cadence: cadenceOf(row, t),
    time: row.timeOfDay,
    zone: row.timeZone,
    language: t(`locales.${row.locale}` as MessageKey),
    next: formatDateTime(row.nextDueAt, locale, row.timeZone),
  });
}

export function kpiSubscriptionListText(rows: readonly KpiSubscriptionRow[], view: View): string {
  const { t } = view;
  if (rows.length === 0) return t('kpis.subscriptions.listEmpty');
  return [
    t('kpis.subscriptions.listTitle'),
    ...rows.map((row) =>
      t('kpis.subscriptions.listLine', {
        number: row.number,
        channel: channelRef(row.channelId),
        scope: scopeOf(row, view),
        cadence: cadenceOf(row, t),
        time: row.timeOfDay,
        zone: row.timeZone,
        last: row.lastPeriodKey ?? t('kpis.subscriptions.never'),
      }),
    ),
  ].join('\n');
}
