import { beforeAll, describe, expect, it } from 'vitest';
import { servicesOf } from '../../../src/features/feature-registry.js';
import { kpiBreachSweepJob } from '../../../src/features/kpis/kpi-breach-sweep.job.js';
import { KPI_SAMPLES_PATH } from '../../../src/features/kpis/kpi-samples.route.js';
import { kpisFeature } from '../../../src/features/kpis/kpis.feature.js';
import { KPI_BLOCKS, planBlock } from '../../../src/features/kpis/kpis.ids.js';
import { shiftPeriodLabel } from '../../../src/modules/kpis/kpi.rules.js';
import { COMMANDS } from '../../../src/slack/ids.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { liaisonForThisFile } from '../../harness/liaison-under-test.js';
import { allText, kpiAs, option, plainText, submitModal } from './kpi-test-helpers.js';

const file = liaisonForThisFile({ seedDemo: true });
const CHANNEL = 'C0SUPPLYCHAIN';

async function openPlan(userId: string, key: string) {
  const { liaison } = file;
  liaison.slack.clearCalls();
  await liaison.driver.slashCommand({
    command: COMMANDS.kpi,
    text: `plan ${key}`,
    userId,
    channelId: 'C0GENERAL',
  });
  await liaison.slack.waitForCall('views.open');
  const modal = liaison.slack.currentModal(userId);
  if (!modal) throw new Error('no modal');
  return modal;
}

type Level = { rule: string; value?: string; periods?: string; measures?: string; escalateTo?: string };

function planForm(levels: Partial<Record<1 | 2 | 3, Level>>) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const level of [1, 2, 3] as const) {
    const l = levels[level] ?? { rule: 'none' };
    values[planBlock(level, 'rule')] = option(l.rule);
    values[planBlock(level, 'value')] = plainText(l.value ?? '');
    values[planBlock(level, 'periods')] = plainText(l.periods ?? '');
    values[planBlock(level, 'measures')] = plainText(l.measures ?? '');
    values[planBlock(level, 'escalateTo')] = plainText(l.escalateTo ?? '');
  }
  return values;
}

const stockoutPlan = planForm({
  1: { rule: 'absolute_above', value: '1', measures: 'Check safety stock daily' },
  2: {
    rule: 'absolute_above',
    value: '1.5',
    measures: 'Start the backup suppliers\nAdjust the product mix',
    escalateTo: 'merchandising, logistics',
  },
  3: {
    rule: 'absolute_above',
    value: '3',
    measures: 'Pause non-core categories\nStart emergency purchasing',
    escalateTo: 'merchandising',
  },
});

let day = '';
/** Records the stock-out rate for the next day after the demo's history (or the same day again). */
async function record(value: string, options: { sameDay?: boolean } = {}) {
  if (!options.sameDay) day = shiftPeriodLabel(day, 'DAILY', -1);
  return kpiAs(file.liaison, 'U0DEMOZHANG', `record stockout_rate ${value} ${day}`);
}

/** Liaison's alerts and recoveries in the channel (the charts are files in their threads). */
const alerts = () =>
  file.liaison.slack
    .messages(CHANNEL)
    .filter((m) => JSON.stringify(m.blocks ?? []).includes(`"block_id":"${KPI_BLOCKS.alert}"`));
const breachEscalations = () =>
  file.db.prisma.escalation.findMany({
    where: { OR: [{ title: { contains: 'Stock-out rate' } }, { title: { contains: '断货率' } }] },
    orderBy: { number: 'asc' },
  });

async function openHome(userId: string) {
  const { slack, driver } = file.liaison;
  slack.clearCalls();
  await driver.event({ event: { type: 'app_home_opened', user: userId, tab: 'home', channel: 'D0HOME' } });
  await slack.waitForCall('views.publish', (call) => call.args.user_id === userId, 10_000);
  return textOf(blockById(slack.homeView(userId)?.blocks, KPI_BLOCKS.home));
}

describe('KPI thresholds and response plans', () => {
  beforeAll(async () => {
    file.liaison.slack.addChannel({ id: CHANNEL, name: 'supply-chain' });
    // The demo's departments write in Chinese; these tests read Supply Chain's alerts in
    // English (locale null: the workspace's), and the last one turns Chinese back on.
    await file.db.prisma.department.updateMany({
      where: { key: 'supply-chain' },
      data: { slackChannelId: CHANNEL, locale: null },
    });
    const latest = await file.db.prisma.kpiSample.findFirstOrThrow({
      where: { kpi: { key: 'stockout_rate' } },
      orderBy: { period: 'desc' },
    });
    day = latest.period;
  });

  it('gives the demo KPIs the founding plan’s three-level plans, measures in both languages', async () => {
    const rows = await file.db.prisma.kpiThreshold.findMany({
      where: { kpi: { key: 'stockout_rate' } },
      orderBy: { level: 'asc' },
    });
    expect(rows.map((r) => [r.level, r.rule, r.comparator, r.value])).toEqual([
      [1, 'absolute', 'above', 0.9],
      [2, 'absolute', 'above', 1],
      [3, 'absolute', 'above', 3],
    ]);
    expect(rows[1]?.measures).toContain('启动备用供应商 / Start the backup suppliers');
    const complaints = await file.db.prisma.kpiThreshold.findFirstOrThrow({
      where: { kpi: { key: 'complaint_rate' }, level: 2 },
    });
    expect(complaints).toMatchObject({ rule: 'relative', comparator: 'up', value: 30, periods: 7 });
    const conversion = await file.db.prisma.kpiThreshold.findFirstOrThrow({
      where: { kpi: { key: 'conversion_rate' }, level: 1 },
    });
    expect(conversion).toMatchObject({ rule: 'below_target', periods: 3 });
  });

  it('refuses the plan to a member, privately and audited, and opens it for the owner’s lead', async () => {
    const refused = await kpiAs(file.liaison, 'U0DEMOSAM', 'plan stockout_rate');
    expect(allText(refused)).toMatch(/lead|admin/i);
    expect(file.liaison.slack.currentModal('U0DEMOSAM')).toBeFalsy();
    expect(
      await file.db.prisma.auditEvent.count({
        where: { action: 'authorization.refused', actorSlackId: 'U0DEMOSAM' },
      }),
    ).toBeGreaterThan(0);
  });

  it('shows bad plan fields under them and stores nothing', async () => {
    const modal = await openPlan('U0DEMOZHANG', 'stockout_rate');
    const before = await file.db.prisma.kpiThreshold.findMany({ where: { kpi: { key: 'stockout_rate' } } });
    const badValue = await submitModal(
      file.liaison,
      'U0DEMOZHANG',
      modal,
      planForm({ 2: { rule: 'absolute_above', value: 'lots', measures: 'x', escalateTo: 'logistics' } }),
    );
    expect(badValue.errors?.[planBlock(2, 'value')]).toContain('数字');
    const noDepartment = await submitModal(
      file.liaison,
      'U0DEMOZHANG',
      modal,
      planForm({ 3: { rule: 'absolute_above', value: '3', measures: 'x' } }),
    );
    expect(noDepartment.errors?.[planBlock(3, 'escalateTo')]).toContain('部门');
    const unknown = await submitModal(
      file.liaison,
      'U0DEMOZHANG',
      modal,
      planForm({
        2: { rule: 'relative_up', value: '30', periods: '0', measures: 'x', escalateTo: 'nowhere' },
      }),
    );
    expect(unknown.errors?.[planBlock(2, 'periods')]).toContain('周期');
    const after = await file.db.prisma.kpiThreshold.findMany({ where: { kpi: { key: 'stockout_rate' } } });
    expect(after.map((t) => t.updatedAt)).toEqual(before.map((t) => t.updatedAt));
  });

  it('saves the plan for the owner’s lead and shows it in /kpi show', async () => {
    const modal = await openPlan('U0DEMOZHANG', 'stockout_rate');
    const saved = await submitModal(file.liaison, 'U0DEMOZHANG', modal, stockoutPlan);
    expect(saved.errors).toBeUndefined();
    expect(saved.dm).toContain('stockout_rate');
    const rows = await file.db.prisma.kpiThreshold.findMany({
      where: { kpi: { key: 'stockout_rate' } },
      orderBy: { level: 'asc' },
    });
    expect(rows.map((r) => [r.level, r.rule, r.comparator, r.value])).toEqual([
      [1, 'absolute', 'above', 1],
      [2, 'absolute', 'above', 1.5],
      [3, 'absolute', 'above', 3],
    ]);
    expect(rows[1]?.escalateTo).toEqual(['merchandising', 'logistics']);
    expect(await file.db.prisma.auditEvent.count({ where: { action: 'kpi.plan_changed' } })).toBeGreaterThan(
      0,
    );
    const shown = await kpiAs(file.liaison, 'U0DEMOSAM', 'show stockout_rate');
    const plan = (shown.blocks as { block_id?: string; text?: { text: string } }[]).find(
      (b) => b.block_id === KPI_BLOCKS.showPlan,
    );
    expect(plan?.text?.text).toContain('Start the backup suppliers');
    expect(plan?.text?.text).toContain('above 1.5%');
  });

  it('alerts once per breach, escalates once per worse level, and announces the recovery once', async () => {
    await record('0.8');
    expect(alerts()).toHaveLength(0);

    // Level 1: one alert, nothing escalated.
    await record('1.2');
    expect(alerts()).toHaveLength(1);
    expect(String(alerts()[0]?.text)).toContain('level 1');
    expect(JSON.stringify(alerts()[0]?.blocks)).toContain('1.2%');
    expect(file.liaison.slack.uploadedFiles(CHANNEL)).toHaveLength(1);
    const breach = await file.db.prisma.kpiBreach.findFirstOrThrow({ where: { recoveredAt: null } });
    expect(breach).toMatchObject({ level: 1, alertedLevel: 1, escalatedLevel: 0, value: 1.2 });

    // The same value again, and another level-1 value: no second alert.
    await record('1.2', { sameDay: true });
    await record('1.3');
    expect(alerts()).toHaveLength(1);
    expect(await breachEscalations()).toHaveLength(0);

    // Level 2: alert, measures as action items, one high escalation with the named departments.
    await record('2.0');
    expect(alerts()).toHaveLength(2);
    expect(JSON.stringify(alerts()[1]?.blocks)).toContain('Start the backup suppliers');
    let escalations = await breachEscalations();
    expect(escalations).toHaveLength(1);
    expect(escalations[0]?.severity).toBe('HIGH');
    const items = await file.db.prisma.actionItem.findMany({ where: { sourceType: 'kpi_alert' } });
    expect(items.map((i) => i.title).sort()).toEqual([
      'Adjust the product mix',
      'Start the backup suppliers',
    ]);

    // Level 2 persists: nothing more.
    await record('1.8');
    await record('2.2');
    expect(alerts()).toHaveLength(2);
    expect(await breachEscalations()).toHaveLength(1);
    expect(await file.db.prisma.actionItem.count({ where: { sourceType: 'kpi_alert' } })).toBe(2);

    // Level 3: escalates again, urgent, and its measures.
    await record('3.5');
    expect(alerts()).toHaveLength(3);
    escalations = await breachEscalations();
    expect(escalations.map((e) => e.severity)).toEqual(['HIGH', 'URGENT']);
    expect(await file.db.prisma.actionItem.count({ where: { sourceType: 'kpi_alert' } })).toBe(4);
    const worst = await file.db.prisma.kpiBreach.findFirstOrThrow({ where: { recoveredAt: null } });
    expect(worst).toMatchObject({ level: 3, escalatedLevel: 3, escalationId: escalations[1]?.id });

    const home = await openHome('U0DEMOZHANG');
    expect(home.split('\n')[1]).toMatch(/^🔴 \*断货率\* — 3\.5%（三级 · 极端：应急）/);
    const list = await kpiAs(file.liaison, 'U0DEMOZHANG', 'list supply-chain');
    expect(allText(list)).toContain('🔴 三级 · 极端：应急');

    // Back under every level: one recovery, then quiet.
    await record('0.6');
    expect(alerts()).toHaveLength(4);
    expect(String(alerts()[3]?.text)).toContain('back to normal');
    await record('0.7');
    expect(alerts()).toHaveLength(4);
    expect(await file.db.prisma.kpiBreach.count({ where: { recoveredAt: null } })).toBe(0);
    // (The demo's seeded stock-out breach, never alerted, recovered quietly at the first 0.8.)
    expect(
      await file.db.prisma.kpiBreach.count({
        where: { recoveryAnnouncedAt: { not: null }, alertTs: { not: null } },
      }),
    ).toBe(1);
  });

  it('evaluates an HTTP API request of many samples once: one alert', async () => {
    const reply = await kpiAs(file.liaison, 'U0DEMOLIN', 'token create thresholds');
    const token = /```(lkpi_[A-Za-z0-9_-]+)```/.exec(reply.text ?? '')?.[1];
    const before = alerts().length;
    const samples = [1.1, 1.2, 1.3].map((value) => {
      day = shiftPeriodLabel(day, 'DAILY', -1);
      return { kpi: 'stockout_rate', period: day, value };
    });
    const response = await fetch(`${file.liaison.baseUrl}${KPI_SAMPLES_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ samples }),
    });
    expect(response.status).toBe(200);
    expect(alerts()).toHaveLength(before + 1);
    expect(JSON.stringify(alerts().at(-1)?.blocks)).toContain('1.3%');
  });

  it('gives the claim back when the alert cannot be posted, so the next sample posts it once', async () => {
    const before = alerts().length;
    const escalationsBefore = (await breachEscalations()).length;
    // The escalation cards of the earlier breaches go to this channel too, a moment after their
    // escalation (coalesced, paced): they go first, so the one failure below is the alert's.
    await file.liaison.deps.escalationCards.refresher.settled();
    // The alert's post fails (not another message the app posts meanwhile elsewhere).
    file.liaison.slack.failNext('chat.postMessage', { error: 'internal_error', channel: CHANNEL });
    await record('2.0');
    expect(alerts()).toHaveLength(before);
    const pending = await file.db.prisma.kpiBreach.findFirstOrThrow({ where: { recoveredAt: null } });
    expect(pending).toMatchObject({ level: 2, alertedLevel: 1, alertPostingSince: null });
    // The department writes in Chinese (as the demo's do): its alert is in Chinese.
    await file.db.prisma.department.updateMany({ where: { key: 'supply-chain' }, data: { locale: 'zh-CN' } });
    await record('2.1');
    expect(alerts()).toHaveLength(before + 1);
    expect(JSON.stringify(alerts().at(-1)?.blocks)).toContain('触发 *2 级预案* — 供应短缺：行动');
    expect(await breachEscalations()).toHaveLength(escalationsBefore + 1);
    // Another process holding a fresh claim: this one posts nothing.
    await file.db.prisma.kpiBreach.update({
      where: { id: pending.id },
      data: { level: 3, alertPostingSince: new Date() },
    });
    await record('2.2');
    expect(alerts()).toHaveLength(before + 1);
  });

  it('sends an alert owed after a crash at the next sweep, not at the next value, and once', async () => {
    const { prisma } = file.db;
    const kpi = await prisma.kpi.findFirstOrThrow({ where: { key: 'stockout_rate' } });
    // Quiet the breaches so far (announced), then the state a crash leaves: a level-1 breach
    // recorded, its alert never posted.
    await prisma.kpiBreach.updateMany({
      where: { kpiId: kpi.id },
      data: { recoveredAt: new Date(), recoveryAnnouncedAt: new Date(), alertPostingSince: null },
    });
    await prisma.kpiBreach.create({
      data: { kpiId: kpi.id, level: 1, period: day, value: 1.2, lastPeriod: day, lastValue: 1.2 },
    });
    const before = alerts().length;
    const sweep = kpiBreachSweepJob({ breaches: servicesOf(file.liaison.deps, kpisFeature).breaches });
    const context = { workspaceId: kpi.workspaceId } as Parameters<typeof sweep.run>[0];
    await sweep.run(context);
    expect(alerts()).toHaveLength(before + 1);
    expect(
      await prisma.kpiBreach.findFirstOrThrow({ where: { kpiId: kpi.id, recoveredAt: null } }),
    ).toMatchObject({ alertedLevel: 1, alertPostingSince: null });
    await sweep.run(context);
    expect(alerts()).toHaveLength(before + 1);
  });

  it('raises a breach’s escalation once when a crash came between raising it and recording it', async () => {
    const { prisma } = file.db;
    const kpi = await prisma.kpi.findFirstOrThrow({ where: { key: 'stockout_rate' } });
    await prisma.kpiBreach.updateMany({
      where: { kpiId: kpi.id, recoveredAt: null },
      data: { recoveredAt: new Date(), recoveryAnnouncedAt: new Date() },
    });
    // A level-2 breach, alerted: its escalation is raised once and recorded.
    const breach = await prisma.kpiBreach.create({
      data: { kpiId: kpi.id, level: 2, period: day, value: 2.0, lastPeriod: day, lastValue: 2.0 },
    });
    await prisma.kpiBreach.update({ where: { id: breach.id }, data: { alertedLevel: 2, alertTs: '1.000' } });
    const sweep = kpiBreachSweepJob({ breaches: servicesOf(file.liaison.deps, kpisFeature).breaches });
    const context = { workspaceId: kpi.workspaceId } as Parameters<typeof sweep.run>[0];
    const escalationsBefore = (await breachEscalations()).length;
    await sweep.run(context);
    const raised = await prisma.kpiBreach.findUniqueOrThrow({ where: { id: breach.id } });
    expect(raised.escalatedLevel).toBe(2);
    expect(await breachEscalations()).toHaveLength(escalationsBefore + 1);
    const itemsBefore = await prisma.actionItem.count({
      where: { sourceType: 'kpi_alert', sourceId: breach.id },
    });
    expect(itemsBefore).toBe(2);

    // The crash: the escalation exists, but the breach never recorded it (its claim went stale).
    await prisma.kpiBreach.update({
      where: { id: breach.id },
      data: { escalatedLevel: 0, escalationId: null, escalatingSince: new Date(Date.now() - 60 * 60_000) },
    });
    await prisma.actionItem.deleteMany({ where: { sourceType: 'kpi_alert', sourceId: breach.id } });
    await sweep.run(context);
    expect(await breachEscalations()).toHaveLength(escalationsBefore + 1);
    const recovered = await prisma.kpiBreach.findUniqueOrThrow({ where: { id: breach.id } });
    expect(recovered).toMatchObject({
      escalatedLevel: 2,
      escalationId: raised.escalationId,
      escalatingSince: null,
    });
    expect(await prisma.actionItem.count({ where: { sourceType: 'kpi_alert', sourceId: breach.id } })).toBe(
      2,
    );
  });
});
