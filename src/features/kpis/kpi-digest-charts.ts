import type { DeliveryFile } from '../../modules/delivery/delivery.types.js';
import type { DigestAudience } from '../../modules/digest/digest-section.types.js';
import type { KpiSnapshot } from '../../modules/kpis/kpi.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import { servicesOf } from '../feature-registry.js';
import { chartLabels } from './kpi-chart.delivery.js';
import { renderKpiChart } from './kpi-chart.renderer.js';
import { kpisFeature } from './kpis.feature.js';

/**
 * The charts of the managers' digest: for each KPI given (the worst few), its recent trend
 * with the target and the plan's absolute levels drawn as lines, as `/kpi show` draws it,
 * titled in the reader's language. A KPI with fewer than two values gets none.
 */
export function kpiDigestCharts(deps: SlackDeps) {
  return async (snapshots: readonly KpiSnapshot[], audience: DigestAudience): Promise<DeliveryFile[]> => {
    const { kpis, plans } = servicesOf(deps, kpisFeature);
    const trends = await kpis.trendsOf(snapshots.map((s) => s.kpi.id));
    const files: DeliveryFile[] = [];
    for (const snapshot of snapshots) {
      const recent = trends.get(snapshot.kpi.id) ?? [];
      if (recent.length < 2) continue;
      const lines = (await plans.thresholdsOf(snapshot.kpi.id))
        .filter((th) => th.rule === 'absolute_above' || th.rule === 'absolute_below')
        .map((th) => ({ level: th.level, value: th.value }));
      const withTrend = { ...snapshot, recent };
      const labels = chartLabels(withTrend, audience.t, audience.locale);
      try {
        files.push({
          filename: `kpi-${snapshot.kpi.key}.png`,
          title: labels.title,
          base64: renderKpiChart(withTrend, labels, lines).toString('base64'),
        });
      } catch (error) {
        deps.logger.warn({ err: error, kpi: snapshot.kpi.key }, 'KPI digest chart could not be drawn');
      }
    }
    return files;
  };
}
