import { describe, expect, it } from 'vitest';
import { KPI_BLOCKS } from '../../../src/features/kpis/kpis.ids.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { liaisonForThisFile } from '../../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });

async function openHome(userId: string) {
  const { slack, driver } = file.liaison;
  slack.reset();
  await driver.event({ event: { type: 'app_home_opened', user: userId, tab: 'home', channel: 'D0HOME' } });
  await slack.waitForCall('views.publish', (call) => call.args.user_id === userId, 10_000);
  return textOf(blockById(slack.homeView(userId)?.blocks, KPI_BLOCKS.home));
}

describe('KPI health on Home', () => {
  it('shows the KPIs of the reader’s departments, worst first, in their language', async () => {
    const { prisma } = file.db;
    // Marketing's acquisition cost far above its target (lower is better): off target.
    const cac = await prisma.kpi.findFirstOrThrow({ where: { key: 'cac' } });
    const latest = await prisma.kpiSample.findFirstOrThrow({
      where: { kpiId: cac.id },
      orderBy: { period: 'desc' },
    });
    await prisma.kpiSample.update({ where: { id: latest.id }, data: { value: 80 } });
    await prisma.kpiSample.updateMany({
      where: { kpi: { key: { in: ['roi', 'conversion_rate'] } } },
      data: { value: 50 },
    });
    const text = await openHome('U0DEMOPRIYA'); // Marketing head, en
    const lines = text.split('\n').slice(1);
    expect(lines).toEqual([
      '🟡 *Acquisition cost* — 80 CNY (off target)',
      '🟢 *Conversion rate* — 50% (on target)',
      '🟢 *ROI* — 50 (on target)',
    ]);
  });

  it('says so when the reader’s departments have no KPIs', async () => {
    expect(await openHome('U0DEMOALEX')).toContain('Your departments have no KPIs yet.');
  });
});
