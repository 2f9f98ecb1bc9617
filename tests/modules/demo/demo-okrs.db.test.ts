import { describe, expect, it } from 'vitest';
import { OKR_BLOCKS } from '../../../src/features/okrs/okrs.ids.js';
import { createDemoPrismaRepository } from '../../../src/modules/demo/demo.prisma-repository.js';
import { ensureDemoOkrs } from '../../../src/modules/demo/demo.service.js';
import { okrDriver } from '../../features/okrs/okr-helpers.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { calendarLiaisonForThisFile } from '../../slack/calendar-test-setup.js';

// Monday 7 December 2026, 10:00 in Shanghai (the demo workspace's zone is UTC in tests): 2026-Q4.
const { state } = calendarLiaisonForThisFile('2026-12-07T02:00:00Z');
const { okr } = okrDriver(state);
const db = () => state.db.prisma;

describe('the demo workspace’s quarter of OKRs', () => {
  it('is seeded once for the current quarter: company objectives, aligned department ones, two check-in rounds', async () => {
    const repo = createDemoPrismaRepository(db());
    expect(await ensureDemoOkrs({ repo, clock: state.clock })).toBe(7);
    expect(await ensureDemoOkrs({ repo, clock: state.clock })).toBe(0);
    expect(await db().okrObjective.count()).toBe(7);
    const period = await db().okrPeriod.findFirstOrThrow();
    expect(period).toMatchObject({ key: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' });
    const windows = await db().okrCheckInWindow.findMany({ select: { cycleOn: true, closedAt: true } });
    expect(new Set(windows.map((w) => w.cycleOn))).toEqual(new Set(['2026-11-23', '2026-11-30']));
    expect(windows.every((w) => w.closedAt !== null)).toBe(true);
    const following = await db().okrKeyResult.count({ where: { kpiId: { not: null } } });
    expect(following).toBeGreaterThanOrEqual(5);
    expect(await db().okrKeyResult.count({ where: { kind: 'MILESTONE' } })).toBeGreaterThanOrEqual(4);
  });

  it('shows in /okr list company and /okr show, a KPI-following key result with its KPI’s latest value', async () => {
    const list = textOf(blockById((await okr('U0DEMOSAM', 'list company'))?.blocks, OKR_BLOCKS.list));
    expect(list).toContain('2026-Q4');
    expect(list).toContain('Grow live-commerce GMV');
    expect(list).toContain('Reliable supply and fulfilment');
    expect(list).not.toContain('Keep best-sellers in stock');

    const grow = await db().okrObjective.findFirstOrThrow({ where: { importKey: 'demo-grow-gmv' } });
    const shown = await okr('U0DEMOSAM', `show O-${grow.number}`);
    const krs = textOf(blockById(shown?.blocks, OKR_BLOCKS.showKeyResults));
    const gmv = await db().kpiSample.findFirstOrThrow({
      where: { kpi: { key: 'gmv' } },
      orderBy: { period: 'desc' },
    });
    expect(krs).toContain('Daily GMV');
    expect(krs).toContain(`now ${gmv.value}¥`);
    expect(krs).toContain(`from KPI \`gmv\` (${gmv.period})`);
    const children = textOf(blockById(shown?.blocks, OKR_BLOCKS.showChildren));
    expect(children).toContain('Make every live session convert');
    expect(children).toContain('A stable live room');

    const supply = await db().okrObjective.findFirstOrThrow({ where: { importKey: 'demo-supply-in-stock' } });
    const supplyShown = await okr('U0DEMOZHANG', `show O-${supply.number}`);
    const supplyKrs = textOf(blockById(supplyShown?.blocks, OKR_BLOCKS.showKeyResults));
    expect(supplyKrs).toContain('<@U0DEMOZHANG>');
    expect(supplyKrs).toContain('签约 3 家备选供应商');
  });

  it('gives /okr review scores, a confidence trend and the recurring blocker', async () => {
    const review = textOf(blockById((await okr('U0DEMOSAM', 'review'))?.blocks, OKR_BLOCKS.review));
    expect(review).toContain('OKR review — 2026-Q4');
    expect(review).toContain('Confidence: Mon 23 Nov 2026 ');
    expect(review).not.toMatch(/\b11-23\b/);
    expect(review).toContain('Supplier lead times slipping');
    // The rounds it draws on, in the one date style.
    expect(review).toContain('From check-ins of Mon 23 Nov 2026, Mon 30 Nov 2026.');
    // No language model in this file: the rules' narrative, and the review says so.
    const shown = await okr('U0DEMOSAM', 'review');
    expect(textOf(blockById(shown?.blocks, OKR_BLOCKS.reviewNarrative))).toContain('Written by rules');
  });
});
