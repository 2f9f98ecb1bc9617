// One KPI chart (30 periods, target and a threshold line, Chinese labels) rendered to PNG:
// the first render (font registered, ECharts loaded) and the warm ones. `npm run bench:kpi-chart`.
import { renderKpiChart } from '../src/features/kpis/kpi-chart.renderer.js';
import { DEMO_KPIS, demoHistory } from '../src/modules/demo/demo-kpis.data.js';
import type { KpiSnapshot } from '../src/modules/kpis/kpi.types.js';
import { summarize } from './lib/stats.js';

const demo = DEMO_KPIS.find((k) => k.key === 'stockout_rate');
if (!demo) throw new Error('no demo KPI');
const recent = demoHistory(demo, new Date(), 'Asia/Shanghai', 30).reverse();
const snapshot = {
  kpi: {
    ...demo,
    id: 'bench',
    workspaceId: 'bench',
    period: 'DAILY',
    owner: { id: 'd', key: 'supply-chain', nameEn: 'Supply Chain', nameZh: '供应链', channelId: null },
  },
  recent,
  latest: recent[0] ?? null,
  previous: recent[1] ?? null,
  changePercent: null,
  status: 'off_target',
  breachLevel: 0,
} as KpiSnapshot;
const labels = { title: '断货率 — 最近 30 个周期', target: '目标', level: (level: number) => `${level} 级` };

let began = performance.now();
renderKpiChart(snapshot, labels, [{ level: 2, value: 1.3 }]);
const first = performance.now() - began;
const warm: number[] = [];
for (let i = 0; i < 30; i++) {
  began = performance.now();
  renderKpiChart(snapshot, labels, [{ level: 2, value: 1.3 }]);
  warm.push(performance.now() - began);
}
const stats = summarize(warm);
console.log(`first chart ${first.toFixed(0)} ms; warm (n=30) ${JSON.stringify(stats)}`);
