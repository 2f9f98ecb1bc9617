import { describe, expect, it } from 'vitest';
import { DIGEST_BLOCKS } from '../../../src/features/digest/digest.view.js';
import { createPacedSlackSender } from '../../../src/slack/delivery/paced-slack-sender.js';
import { SLACK_FLOOR_RATES, scaleRates } from '../../../src/slack/delivery/rate-floors.js';
import { createBulkClient } from '../../../src/slack/delivery/slack-clients.js';
import { COMMANDS } from '../../../src/slack/ids.js';
import { buildDeliveryWorker } from '../../../src/wiring/notifications.wiring.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { liaisonForThisFile } from '../../harness/liaison-under-test.js';
import { silent } from '../../modules/delivery/outbox-fixture.js';

const file = liaisonForThisFile({ seedDemo: true });

/** Sets a KPI's two latest periods to the given values. */
async function setLatest(key: string, previous: number, latest: number) {
  const { prisma } = file.db;
  const [last, before] = await prisma.kpiSample.findMany({
    where: { kpi: { key } },
    orderBy: { period: 'desc' },
    take: 2,
  });
  if (!last || !before) throw new Error(`no history for ${key}`);
  await prisma.kpiSample.update({ where: { id: last.id }, data: { value: latest } });
  await prisma.kpiSample.update({ where: { id: before.id }, data: { value: previous } });
  return { latest: last.period, previous: before.period };
}

/**
 * `/liaison digest now`, then the digest as queued for the reader's DM (the real clock may put
 * the reader in their quiet hours, so the message is read from its Delivery row).
 */
async function digestNow(userId: string) {
  const { slack, driver } = file.liaison;
  const { prisma } = file.db;
  const person = await prisma.person.findFirstOrThrow({ where: { slackUserId: userId } });
  const before = await prisma.delivery.count({
    where: { kind: 'digest.managers', recipientPersonId: person.id },
  });
  await driver.slashCommand({
    command: COMMANDS.liaison,
    text: 'digest now',
    userId,
    channelId: 'C0GENERAL',
  });
  await slack.waitForCall('response_url', () => slack.ephemerals(userId, 'C0GENERAL').length > 0, 10_000);
  const rows = await prisma.delivery.findMany({
    where: { kind: 'digest.managers', recipientPersonId: person.id },
    orderBy: { createdAt: 'asc' },
  });
  expect(rows.length).toBe(before + 1);
  return rows.at(-1)?.payload as {
    text: string;
    blocks?: unknown[];
    files?: { filename: string; title: string; base64: string }[];
  };
}

describe('the KPI section of the managers’ digest', () => {
  it('gives a lead their departments’ KPIs: value, change, target, status, and a narrative citing KPI and period', async () => {
    const cac = await setLatest('cac', 50, 80); // lower is better, target 45: off target, worse
    await setLatest('roi', 4, 4.4);
    await setLatest('conversion_rate', 5, 5.5);
    const dm = await digestNow('U0DEMOPRIYA'); // Marketing head, English
    expect(textOf(blockById(dm.blocks, DIGEST_BLOCKS.section('kpis')))).toBe('*KPIs*');
    const narrative = textOf(blockById(dm.blocks, DIGEST_BLOCKS.group('kpis', 0))).split('\n');
    expect(narrative[0]).toBe('_In short (written by rules from the values below)_ (2)');
    expect(narrative[1]).toMatch(
      new RegExp(
        `^• Acquisition cost was 80 CNY on ${cac.latest}, short of its target of .+\\. \\[KPI:cac@${cac.latest}\\]$`,
      ),
    );
    expect(narrative[2]).toMatch(/^• 2 of 3 KPIs are on target in their latest period\. \[KPI:/);
    const values = textOf(blockById(dm.blocks, DIGEST_BLOCKS.group('kpis', 1))).split('\n');
    expect(values[0]).toBe('_Values, worst first_ (3)');
    expect(values[1]).toMatch(
      new RegExp(
        `^• Acquisition cost ${cac.latest}: 80 CNY \\(\\+60% vs ${cac.previous}\\) · target .+ · off target$`,
      ),
    );
    expect(values.slice(2).join('\n')).toContain('· on target');
    // The KPI off target is a fact of the risk summary, cited by its key and period.
    expect(textOf(blockById(dm.blocks, DIGEST_BLOCKS.risk))).toContain(`KPI:cac@${cac.latest}`);
    expect(dm.blocks?.length).toBeLessThanOrEqual(50);
  });

  /** Zhang's digest (one per minute: `digest now` is keyed by the minute), read by the next test too. */
  let zhangDigest: Awaited<ReturnType<typeof digestNow>> | undefined;

  it('is written in Chinese for a Chinese reader', async () => {
    await setLatest('stockout_rate', 1, 9); // lower is better: far off target
    const dm = await digestNow('U0DEMOZHANG');
    zhangDigest = dm;
    expect(textOf(blockById(dm.blocks, DIGEST_BLOCKS.section('kpis')))).toBe('*KPI*');
    expect(textOf(blockById(dm.blocks, DIGEST_BLOCKS.group('kpis', 0)))).toContain(
      '概要（由规则根据下列数值生成）',
    );
    expect(textOf(blockById(dm.blocks, DIGEST_BLOCKS.group('kpis', 1)))).toContain('断货率');
  });

  it('delivers the charts of the worst KPIs with the DM, as PNGs titled in the reader’s language', async () => {
    const dm = zhangDigest;
    if (!dm) throw new Error('the Chinese reader’s digest was not composed');
    const { prisma } = file.db;
    const stockout = dm.files?.find((f) => f.filename === 'kpi-stockout_rate.png');
    expect(stockout?.title).toBe('断货率 — 最近 30 个周期');
    expect(
      Buffer.from(stockout?.base64 ?? '', 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(dm.files?.length).toBeLessThanOrEqual(3);
    // Sent: the DM, then the charts uploaded into its thread (files.uploadV2).
    const { slack } = file.liaison;
    await prisma.delivery.updateMany({
      where: { kind: 'digest.managers', status: { in: ['QUEUED', 'HELD'] } },
      data: { status: 'QUEUED', notBefore: new Date(0) },
    });
    const worker = buildDeliveryWorker({
      db: file.db,
      clock: file.liaison.deps.clock,
      logger: silent,
      sender: createPacedSlackSender({
        client: createBulkClient({ token: slack.botToken, apiUrl: slack.url }),
        rates: scaleRates(SLACK_FLOOR_RATES, 20),
      }),
      notifications: { releaseHeld: file.liaison.deps.notifications.releaseHeld },
    });
    await worker.drain();
    const dmChannel = slack.dmChannelId('U0DEMOZHANG') ?? '';
    const uploaded = slack.uploadedFiles(dmChannel);
    expect(uploaded.map((f) => f.title)).toContain('断货率 — 最近 30 个周期');
    expect(uploaded.find((f) => f.title === '断货率 — 最近 30 个周期')?.name).toBe('kpi-stockout_rate.png');
  });

  it('is left out for a lead whose departments have no KPIs', async () => {
    const dm = await digestNow('U0DEMOALEX');
    const ids = (dm.blocks ?? []).map((b) => (b as { block_id?: string }).block_id);
    expect(ids).not.toContain(DIGEST_BLOCKS.section('kpis'));
  });
});
