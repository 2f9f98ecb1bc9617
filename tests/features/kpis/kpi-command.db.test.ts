import { describe, expect, it } from 'vitest';
import { KPI_BLOCKS, KPI_FIELDS } from '../../../src/features/kpis/kpis.ids.js';
import { COMMANDS } from '../../../src/slack/ids.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { liaisonForThisFile } from '../../harness/liaison-under-test.js';
import { allText, kpiAs, option, plainText, submitModal } from './kpi-test-helpers.js';

const file = liaisonForThisFile({ seedDemo: true });

async function openDefine(userId: string, text = 'define') {
  const { liaison } = file;
  liaison.slack.clearCalls();
  await liaison.driver.slashCommand({ command: COMMANDS.kpi, text, userId, channelId: 'C0GENERAL' });
  await liaison.slack.waitForCall('views.open');
  const modal = liaison.slack.currentModal(userId);
  if (!modal) throw new Error('no modal');
  return modal;
}

const uptimeForm = (overrides: Record<string, Record<string, unknown>> = {}) => ({
  [KPI_FIELDS.key]: plainText('uptime'),
  [KPI_FIELDS.nameEn]: plainText('Stream uptime'),
  [KPI_FIELDS.nameZh]: plainText('直播可用率'),
  [KPI_FIELDS.unit]: option('PERCENT'),
  [KPI_FIELDS.currency]: plainText(''),
  [KPI_FIELDS.ownerDepartmentKey]: plainText('tech'),
  [KPI_FIELDS.direction]: option('HIGHER_IS_BETTER'),
  [KPI_FIELDS.aggregation]: option('MEAN'),
  [KPI_FIELDS.period]: option('DAILY'),
  [KPI_FIELDS.target]: plainText('99.5'),
  ...overrides,
});

describe('/kpi define', () => {
  it('lets a lead define a KPI for their department; it is stored, audited and confirmed by DM', async () => {
    const modal = await openDefine('U0DEMOALEX');
    const result = await submitModal(file.liaison, 'U0DEMOALEX', modal, uptimeForm());
    expect(result.errors).toBeUndefined();
    expect(result.dm).toContain('KPI *uptime* (Stream uptime) defined for Tech');
    const kpi = await file.db.prisma.kpi.findFirstOrThrow({ where: { key: 'uptime' } });
    expect(kpi).toMatchObject({ unit: 'PERCENT', target: 99.5, aggregation: 'MEAN', nameZh: '直播可用率' });
    expect(
      await file.db.prisma.auditEvent.count({ where: { action: 'kpi.defined', objectId: kpi.id } }),
    ).toBe(1);
  });

  it('shows bad fields under them, and refuses a member of the department, writing nothing', async () => {
    const modal = await openDefine('U0DEMOALEX');
    const bad = await submitModal(
      file.liaison,
      'U0DEMOALEX',
      modal,
      uptimeForm({ [KPI_FIELDS.key]: plainText('Up Time') }),
    );
    expect(bad.errors?.[KPI_FIELDS.key]).toContain('lowercase letters');
    const currency = await submitModal(
      file.liaison,
      'U0DEMOALEX',
      modal,
      uptimeForm({ [KPI_FIELDS.key]: plainText('cloud_cost'), [KPI_FIELDS.unit]: option('CURRENCY') }),
    );
    expect(currency.errors?.[KPI_FIELDS.currency]).toContain('three-letter code');

    const samModal = await openDefine('U0DEMOSAM');
    const refused = await submitModal(
      file.liaison,
      'U0DEMOSAM',
      samModal,
      uptimeForm({
        [KPI_FIELDS.key]: plainText('tickets'),
        [KPI_FIELDS.ownerDepartmentKey]: plainText('customer-service'),
      }),
    );
    expect(refused.errors?.[KPI_FIELDS.key]).toContain('lead or head');
    expect(await file.db.prisma.kpi.count({ where: { key: { in: ['tickets', 'cloud_cost'] } } })).toBe(0);
  });

  it('opens the form filled with an existing KPI, in Chinese for a Chinese reader', async () => {
    const modal = (await openDefine('U0DEMOLIN', 'define uptime')) as unknown as {
      blocks: Record<string, unknown>[];
    };
    const key = modal.blocks.find((b) => b.block_id === KPI_FIELDS.nameZh) as {
      element: { initial_value: string };
      label: { text: string };
    };
    expect(key.element.initial_value).toBe('直播可用率');
    expect(key.label.text).toBe('中文名称');
  });
});

describe('/kpi record, list and show', () => {
  it('records a value for a day, changes nothing on the same value, keeps every change', async () => {
    const first = await kpiAs(file.liaison, 'U0DEMOALEX', 'record uptime 99.1 2026-11-30');
    expect(first.text).toBe('✅ *uptime* 2026-11-30: 99.1%');
    const again = await kpiAs(file.liaison, 'U0DEMOALEX', 'record uptime 99.1 2026-11-30');
    expect(again.text).toContain('already holds 99.1%. Nothing was changed.');
    await kpiAs(file.liaison, 'U0DEMOALEX', 'record uptime 99.7 2026-11-30');
    await kpiAs(file.liaison, 'U0DEMOALEX', 'record uptime 98.2 2026-12-01');
    const sample = await file.db.prisma.kpiSample.findFirstOrThrow({
      where: { period: '2026-11-30', kpi: { key: 'uptime' } },
      include: { changes: { orderBy: { at: 'asc' } } },
    });
    expect(sample.value).toBe(99.7);
    expect(sample.changes.map((c) => [c.previousValue, c.value, c.source])).toEqual([
      [null, 99.1, 'command'],
      [99.1, 99.7, 'command'],
    ]);
  });

  it('refuses bad values and periods, unknown KPIs and people outside the owner department', async () => {
    expect(allText(await kpiAs(file.liaison, 'U0DEMOALEX', 'record uptime lots'))).toContain(
      '“lots” is not a number',
    );
    expect(allText(await kpiAs(file.liaison, 'U0DEMOALEX', 'record uptime 99 2026-02-30'))).toContain(
      '“2026-02-30” is not a day',
    );
    expect(allText(await kpiAs(file.liaison, 'U0DEMOALEX', 'record nope 1'))).toContain(
      'There is no KPI “nope”',
    );
    expect(allText(await kpiAs(file.liaison, 'U0DEMOSAM', 'record uptime 50 2026-12-02'))).toContain(
      "Only members of the KPI's owner department",
    );
    expect(
      await file.db.prisma.kpiSample.count({ where: { period: '2026-12-02', kpi: { key: 'uptime' } } }),
    ).toBe(0);
  });

  it('lists KPIs of a department and shows one with its change, target and status, in the reader’s language', async () => {
    const list = await kpiAs(file.liaison, 'U0DEMOALEX', 'list tech');
    expect(textOf(blockById(list.blocks, KPI_BLOCKS.list))).toContain(
      '• *uptime* Stream uptime — 98.2% (🟡 off target) · Tech',
    );
    const show = await kpiAs(file.liaison, 'U0DEMOLIN', 'show uptime');
    expect(textOf(blockById(show.blocks, KPI_BLOCKS.showTitle))).toBe('*直播可用率*（`uptime`）· 技术');
    const facts = textOf(blockById(show.blocks, KPI_BLOCKS.showFacts));
    expect(facts).toContain('*最新*（2026-12-01）\n98.2%');
    expect(facts).toContain('*较上一周期*\n-1.5%');
    expect(facts).toContain('*目标*\n99.5%');
    expect(facts).toContain('未达标');
  });

  it('answers a usage line for a bad subcommand', async () => {
    expect(allText(await kpiAs(file.liaison, 'U0DEMOALEX', 'frobnicate'))).toContain('Usage: `/kpi define');
  });
});
