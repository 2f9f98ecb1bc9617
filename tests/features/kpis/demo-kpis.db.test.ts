import { describe, expect, it } from 'vitest';
import { KPI_BLOCKS } from '../../../src/features/kpis/kpis.ids.js';
import { DEMO_KPI_PLANS } from '../../../src/modules/demo/demo-kpi-plans.data.js';
import { DEMO_KPIS, demoHistory } from '../../../src/modules/demo/demo-kpis.data.js';
import { breachedLevel } from '../../../src/modules/kpis/kpi-plan.rules.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { liaisonForThisFile } from '../../harness/liaison-under-test.js';
import { kpiAs } from './kpi-test-helpers.js';

const file = liaisonForThisFile({ seedDemo: true });

describe('the demo workspace’s KPIs', () => {
  it('has the plan’s 11 KPIs, named in both languages, each with 90 days of history ending yesterday', async () => {
    const kpis = await file.db.prisma.kpi.findMany({ include: { _count: { select: { samples: true } } } });
    expect(kpis.map((k) => k.nameZh).sort()).toEqual(
      [
        '观看人数',
        '互动率',
        '转化率',
        '投资回报率',
        '成交总额',
        '客单价',
        '完播率',
        '投诉率',
        '断货率',
        '库存周转率',
        '获客成本',
      ].sort(),
    );
    for (const kpi of kpis) expect(kpi._count.samples).toBe(90);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const latest = await file.db.prisma.kpiSample.findFirstOrThrow({
      where: { kpi: { key: 'gmv' } },
      orderBy: { period: 'desc' },
    });
    expect(latest.period).toBe(yesterday);
  });

  it('looks plausible: every value positive and near its base, the same on every run', () => {
    const today = new Date('2026-12-07T00:00:00Z');
    for (const kpi of DEMO_KPIS) {
      const history = demoHistory(kpi, today, 'UTC');
      expect(history).toHaveLength(90);
      for (const { value } of history) {
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThan(kpi.base * 2.5);
        expect(value).toBeGreaterThan(kpi.base * 0.5);
      }
    }
    // Deterministic: the same history every time.
    expect(demoHistory(DEMO_KPIS[0] as never, today, 'UTC')).toEqual(
      demoHistory(DEMO_KPIS[0] as never, today, 'UTC'),
    );
  });

  it('stands at the levels its plans give the seeded history, recorded without alerts or escalations', async () => {
    const { prisma } = file.db;
    const breaches = await prisma.kpiBreach.findMany({ include: { kpi: { select: { key: true } } } });
    let expected = 0;
    for (const kpi of DEMO_KPIS) {
      const samples = await prisma.kpiSample.findMany({ where: { kpi: { key: kpi.key } } });
      const plan = DEMO_KPI_PLANS[kpi.key] ?? [];
      const { level, latest } = breachedLevel({ ...kpi, period: 'DAILY' }, plan, samples);
      const breach = breaches.find((b) => b.kpi.key === kpi.key);
      if (level === 0) {
        expect(breach).toBeUndefined();
        continue;
      }
      expected += 1;
      expect(breach).toMatchObject({
        level,
        lastPeriod: latest?.period,
        recoveredAt: null,
        // Nothing owed: the console's demo starts without a flood of alerts and escalations.
        alertedLevel: level,
        escalatedLevel: level >= 2 ? level : 0,
        escalationId: null,
      });
    }
    expect(breaches).toHaveLength(expected);
    expect(expected).toBeGreaterThan(0);
    expect(await prisma.escalation.count()).toBe(0);
    // What people see: the level, not just "off target".
    const stockout = breaches.find((b) => b.kpi.key === 'stockout_rate');
    if (stockout) {
      const reply = await kpiAs(file.liaison, 'U0DEMOZHANG', 'list supply-chain');
      expect(textOf(blockById(reply.blocks, KPI_BLOCKS.list))).toContain(
        `${['', '一级', '二级', '三级'][stockout.level]} · `,
      );
    }
  });

  it('lists a department’s KPIs with their latest values for its people', async () => {
    const reply = await kpiAs(file.liaison, 'U0DEMOZHANG', 'list supply-chain');
    const text = textOf(blockById(reply.blocks, KPI_BLOCKS.list));
    expect(text).toContain('*供应链的 KPI*（1）');
    expect(text).toMatch(/• \*stockout_rate\* 断货率 — [\d.]+%/);
  });

  it('sends /kpi show’s chart as a PNG to the reader’s DM, titled in their language', async () => {
    const { slack } = file.liaison;
    slack.reset();
    await kpiAs(file.liaison, 'U0DEMOZHANG', 'show stockout_rate');
    await slack.waitForCall('files.completeUploadExternal', undefined, 15_000);
    const dm = slack.dmChannelId('U0DEMOZHANG') ?? '';
    const [chart] = slack.uploadedFiles(dm);
    expect(chart?.name).toBe('kpi-stockout_rate.png');
    expect(chart?.title).toBe('断货率 — 最近 30 个周期');
    expect(chart?.content.slice(1, 4)).toBe('PNG');
    expect(chart?.size).toBeGreaterThan(10_000);
  });
});
