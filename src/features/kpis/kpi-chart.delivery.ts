import type { WebClient } from '@slack/web-api';
import type { Translate } from '../../i18n/catalog.js';
import type { Logger } from '../../logger.js';
import { kpiName } from '../../modules/kpis/kpi.rules.js';
import type { KpiSnapshot } from '../../modules/kpis/kpi.types.js';
import { type ChartLine, renderKpiChart } from './kpi-chart.renderer.js';

/** The chart's labels in the reader's language. */
export function chartLabels(snapshot: KpiSnapshot, t: Translate, locale: string) {
  return {
    title: t('kpis.show.chartTitle', { name: kpiName(snapshot.kpi, locale), count: snapshot.recent.length }),
    target: t('kpis.show.chartTarget'),
    level: (level: number) => t('kpis.show.chartLevel', { level }),
  };
}

/**
 * `/kpi show`'s chart, as a PNG in the reader's DM with Liaison (files.uploadV2; the answer
 * itself is private, so the chart is too). A failure is logged: the facts were already shown.
 */
export async function sendKpiChartToDm(
  client: WebClient,
  logger: Logger,
  input: {
    slackUserId: string;
    snapshot: KpiSnapshot;
    t: Translate;
    locale: string;
    /** The plan's absolute levels, drawn as lines. */
    lines?: readonly ChartLine[];
  },
): Promise<void> {
  const { snapshot, t, locale } = input;
  if (snapshot.recent.length < 2) return;
  try {
    const labels = chartLabels(snapshot, t, locale);
    const png = renderKpiChart(snapshot, labels, input.lines ?? []);
    const opened = await client.conversations.open({ users: input.slackUserId });
    const channelId = opened.channel?.id;
    if (!channelId) throw new Error(`conversations.open gave no channel for ${input.slackUserId}`);
    await client.filesUploadV2({
      channel_id: channelId,
      file: png,
      filename: `kpi-${snapshot.kpi.key}.png`,
      title: labels.title,
      alt_text: labels.title,
    });
  } catch (error) {
    logger.warn({ err: error, kpi: snapshot.kpi.key }, 'KPI chart could not be sent');
  }
}
