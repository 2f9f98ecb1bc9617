import { translator } from '../../i18n/catalog.js';
import type { PostKpiDigest } from '../../modules/kpis/kpi-subscriptions.service.js';
import type { SlackDeps } from '../../slack/deps.js';
import { chartLabels } from './kpi-chart.delivery.js';
import { renderKpiChart } from './kpi-chart.renderer.js';
import { kpiChannelDigestMessage } from './kpi-subscription.view.js';

/**
 * Posts a channel's KPI digest with the workspace's bulk client, in the subscription's
 * language; the worst KPI's chart goes into its thread when it has two values or more
 * (the digest stands without it).
 */
export function postKpiChannelDigest(deps: SlackDeps): PostKpiDigest {
  return async (row, snapshots, locale) => {
    const client = await deps.slackClients.bulkFor(row.workspaceId);
    if (!client) throw new Error(`no Slack client for workspace ${row.workspaceId}`);
    const t = translator(locale);
    const posted = await client.chat.postMessage({
      channel: row.channelId,
      ...kpiChannelDigestMessage(row, snapshots, { t, locale }),
    });
    const worst = snapshots[0];
    if (!posted.ts || !worst || worst.recent.length < 2) return;
    try {
      const labels = chartLabels(worst, t, locale);
      await client.filesUploadV2({
        channel_id: row.channelId,
        thread_ts: posted.ts,
        file: renderKpiChart(worst, labels, []),
        filename: `kpi-${worst.kpi.key}.png`,
        title: labels.title,
        alt_text: labels.title,
      });
    } catch (error) {
      deps.logger.warn({ err: error, kpi: worst.kpi.key }, 'KPI digest chart could not be sent');
    }
  };
}
