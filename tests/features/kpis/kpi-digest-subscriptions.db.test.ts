import { describe, expect, it } from 'vitest';
import { servicesOf } from '../../../src/features/feature-registry.js';
import { kpiDigestSendJob } from '../../../src/features/kpis/kpi-digest-send.job.js';
import { kpisFeature } from '../../../src/features/kpis/kpis.feature.js';
import { COMMANDS } from '../../../src/slack/ids.js';
import { calendarLiaisonForThisFile } from '../../slack/calendar-test-setup.js';

// Monday 1 December 2036, 07:00 UTC: 08:00 in Berlin (Priya, Marketing's head).
const { state } = calendarLiaisonForThisFile('2036-12-01T07:00:00Z');
const db = () => state.db.prisma;
const CHANNEL = 'C0MKTKPIS';

/** Types `/kpi TEXT` as a user and returns the private answer's text. */
async function kpiAs(userId: string, text: string): Promise<string> {
  const { slack } = state.liaison;
  const before = slack.ephemerals(userId, 'C0GENERAL').length;
  const response = await state.driver.slashCommand({
    command: COMMANDS.kpi,
    text,
    userId,
    channelId: 'C0GENERAL',
  });
  expect(response.status).toBe(200);
  await slack.waitForCall(
    'response_url',
    () => slack.ephemerals(userId, 'C0GENERAL').length > before,
    10_000,
  );
  return String(slack.ephemerals(userId, 'C0GENERAL').at(-1)?.text ?? '');
}

async function runJob() {
  const job = kpiDigestSendJob({ subscriptions: servicesOf(state.liaison.deps, kpisFeature).subscriptions });
  const workspace = await db().workspace.findFirstOrThrow({ where: { isDemo: true } });
  return (await job.run({ workspaceId: workspace.id } as never)) as { result: { sent: number } };
}

const channelPosts = () =>
  state.liaison.slack.messages(CHANNEL).filter((m) => String(m.text).startsWith('*KPI digest*'));

describe('channel KPI digests (/kpi digest)', () => {
  it('subscribes a channel, lists it, posts once at its local time (chart in the thread), unsubscribes', async () => {
    state.liaison.slack.addChannel({ id: CHANNEL, name: 'marketing-kpis' });
    const subscribed = await kpiAs(
      'U0DEMOPRIYA',
      `digest subscribe <#${CHANNEL}|marketing-kpis> cac,roi daily 09:00`,
    );
    expect(subscribed).toContain(
      'Subscribed #1: KPIs cac, roi goes to <#C0MKTKPIS> daily at 09:00 (Europe/Berlin)',
    );
    const row = await db().kpiDigestSubscription.findFirstOrThrow({ where: { channelId: CHANNEL } });
    expect(row.nextDueAt.toISOString()).toBe('2036-12-01T08:00:00.000Z');

    const list = await kpiAs('U0DEMOSAM', 'digest list');
    expect(list).toContain(
      '1. <#C0MKTKPIS> — KPIs cac, roi · daily at 09:00 (Europe/Berlin) · last sent never',
    );

    expect((await runJob()).result.sent).toBe(0); // 08:00 in Berlin: not yet
    expect(channelPosts()).toHaveLength(0);

    const chartsBefore = state.liaison.slack.uploadedFiles(CHANNEL).length;
    state.clock.set('2036-12-01T08:05:00Z');
    const runs = await Promise.all([runJob(), runJob()]);
    expect(runs.map((r) => r.result.sent).sort()).toEqual([0, 1]);
    expect((await runJob()).result.sent).toBe(0);
    const posts = channelPosts();
    expect(posts).toHaveLength(1);
    const text = String(posts[0]?.text);
    expect(text.split('\n')[0]).toBe('*KPI digest* — KPIs cac, roi · daily, worst first');
    expect(text).toContain('Acquisition cost');
    expect(text).toContain('ROI');
    expect(text).not.toContain('GMV');
    expect(state.liaison.slack.uploadedFiles(CHANNEL)).toHaveLength(chartsBefore + 1);
    const after = await db().kpiDigestSubscription.findFirstOrThrow({ where: { channelId: CHANNEL } });
    expect(after.lastPeriodKey).toBe('daily:2036-12-01');
    expect(after.nextDueAt.toISOString()).toBe('2036-12-02T08:00:00.000Z');
    expect(after.claimedAt).toBeNull();

    expect(await kpiAs('U0DEMOPRIYA', `digest now <#${CHANNEL}>`)).toBe(
      'Posted 1 KPI digest(s) to <#C0MKTKPIS>.',
    );
    expect(channelPosts()).toHaveLength(2);

    expect(await kpiAs('U0DEMOPRIYA', 'digest unsubscribe 1')).toBe(
      'Unsubscribed #1: <#C0MKTKPIS> no longer gets KPIs cac, roi.',
    );
    expect(await db().kpiDigestSubscription.count()).toBe(0);
    expect(await kpiAs('U0DEMOPRIYA', 'digest list')).toContain('No channel gets a KPI digest yet.');
  });

  it('subscribes a department in its language and answers bad input politely in both languages', async () => {
    const zh = await kpiAs(
      'U0DEMOZHANG',
      `digest subscribe <#C0SUPPLYCHAIN|supply-chain> supply-chain weekly 8:30`,
    );
    expect(zh).toContain('已订阅');
    expect(zh).toContain('每周 08:30（Asia/Shanghai）');

    expect(await kpiAs('U0DEMOPRIYA', `digest subscribe <#${CHANNEL}> nosuchkpi`)).toBe(
      'There is no KPI “nosuchkpi”. See `/kpi list`.',
    );
    expect(await kpiAs('U0DEMOZHANG', `digest subscribe <#${CHANNEL}> nosuchkpi`)).toBe(
      '没有 KPI“nosuchkpi”。见 `/kpi list`。',
    );
    expect(await kpiAs('U0DEMOPRIYA', `digest subscribe <#${CHANNEL}> cac 25:00`)).toBe(
      'Write the time as HH:MM on a 24-hour clock, e.g. 09:00 or 18:30.',
    );
    expect(await kpiAs('U0DEMOZHANG', `digest subscribe <#${CHANNEL}> cac 9:75`)).toBe(
      '时间请写成 24 小时制的 HH:MM，例如 09:00 或 18:30。',
    );
    expect(await kpiAs('U0DEMOPRIYA', 'digest subscribe marketing daily')).toContain(
      'Name the channel as a mention',
    );
    expect(await kpiAs('U0DEMOPRIYA', 'digest unsubscribe 99')).toBe(
      'There is no KPI digest subscription #99. See `/kpi digest list`.',
    );
  });

  it('refuses a member privately, and records the refusal', async () => {
    const before = await db().auditEvent.count({ where: { action: 'authorization.refused' } });
    const refused = await kpiAs('U0DEMOSAM', `digest subscribe <#${CHANNEL}> marketing daily`);
    expect(refused).toMatch(/lead|admin/i);
    expect(await db().kpiDigestSubscription.count({ where: { channelId: CHANNEL } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: 'authorization.refused' } })).toBe(before + 1);
    // Nor may a member remove someone else's subscription.
    const zhang = await db().kpiDigestSubscription.findFirstOrThrow({
      where: { channelId: 'C0SUPPLYCHAIN' },
    });
    expect(await kpiAs('U0DEMOSAM', `digest unsubscribe ${zhang.number}`)).toMatch(/lead|admin/i);
    expect(await db().kpiDigestSubscription.count({ where: { channelId: 'C0SUPPLYCHAIN' } })).toBe(1);
  });
});
