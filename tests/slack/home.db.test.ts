import { describe, expect, it } from 'vitest';
import { KPI_BLOCKS } from '../../src/features/kpis/kpis.ids.js';
import { createPacedHomeRefresher } from '../../src/slack/home/paced-home-refresher.js';
import { BLOCKS } from '../../src/slack/ids.js';
import { blockById, textOf } from '../harness/blocks.js';
import type { StoredView } from '../harness/fake-slack.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });

const DEMO = ['U0DEMOLIN', 'U0DEMOALEX', 'U0DEMOZHANG', 'U0DEMOPRIYA', 'U0DEMOCHEN', 'U0DEMOSAM'];
/** The sections the features declare for everyone (admins also get holiday data when it runs out). */
const SECTIONS = [BLOCKS.home.actionItems, BLOCKS.home.escalations];
const sectionIds = (view: StoredView | undefined) =>
  (view?.blocks ?? [])
    .map((block) => (block as { block_id?: string }).block_id ?? '')
    .filter((id) => id.startsWith('home.') && !NOT_SECTIONS.has(id));
const NOT_SECTIONS = new Set<string>([
  BLOCKS.home.header,
  BLOCKS.home.intro,
  BLOCKS.home.departments,
  BLOCKS.home.roles,
  BLOCKS.home.admin,
  BLOCKS.home.help,
]);

let eventCounter = 0;
async function openHome(userId: string): Promise<StoredView | undefined> {
  const { slack, driver } = file.liaison;
  eventCounter += 1;
  const before = slack.callsTo('views.publish').length;
  await driver.event({
    event: {
      type: 'app_home_opened',
      user: userId,
      channel: 'D0HOME',
      tab: 'home',
      event_ts: `1764100000.${eventCounter}`,
    },
  });
  await slack.waitForCall('views.publish', () => slack.callsTo('views.publish').length > before, 5_000);
  return slack.homeView(userId);
}

const ids = async (slackUserIds: string[]) => {
  const people = await file.db.prisma.person.findMany({ where: { slackUserId: { in: slackUserIds } } });
  return slackUserIds.map((id) => people.find((p) => p.slackUserId === id)?.id ?? 'missing');
};
const workspaceId = async () =>
  (await file.db.prisma.workspace.findFirstOrThrow({ where: { isDemo: true } })).id;
const sectionTexts = (view: StoredView | undefined) =>
  SECTIONS.map((id) => textOf(blockById(view?.blocks, id)));

describe('the Home tab dashboard', () => {
  it('shows a Chinese reader their departments, roles, the sections features declare and the admin block', async () => {
    const home = await openHome('U0DEMOLIN'); // admin, zh-CN
    expect(textOf(blockById(home?.blocks, BLOCKS.home.header))).toBe('欢迎使用 Liaison，林伟 Lin Wei');
    expect(textOf(blockById(home?.blocks, BLOCKS.home.departments))).toContain('直播运营 — 负责人');
    expect(textOf(blockById(home?.blocks, BLOCKS.home.roles))).toContain('管理员 · 负责人 · 成员');
    const [actions, escalations] = sectionTexts(home);
    expect(actions).toContain('*我的待办事项*');
    expect(actions).toContain('暂无待办事项');
    expect(escalations).toContain('*我负责或需处理的升级事项*');
    // The KPI feature declares its section; no feature declares check-ins or meetings on Home.
    expect(textOf(blockById(home?.blocks, KPI_BLOCKS.home))).toContain('你所在部门的 KPI 健康状况');
    expect(JSON.stringify(home?.blocks)).not.toMatch(/进度更新|联席会议/);
    const admin = textOf(blockById(home?.blocks, BLOCKS.home.admin));
    expect(admin).toContain('*部门*\n12');
    expect(admin).toContain('*成员*\n6 位在职');
    expect(admin).toContain('尚未同步');
    expect(home?.blocks.length).toBeLessThanOrEqual(100);
  });

  it('shows an English reader the same sections in English, and no admin block', async () => {
    const home = await openHome('U0DEMOALEX'); // Tech lead, en-US
    expect(textOf(blockById(home?.blocks, BLOCKS.home.roles))).toContain('*Your roles:* lead · member');
    expect(sectionIds(home)).toEqual(SECTIONS);
    expect(sectionTexts(home)).toEqual([
      expect.stringContaining('*My action items*\n_No action items'),
      expect.stringContaining('*Escalations I own or must act on*\n_No escalations need you'),
    ]);
    expect(textOf(blockById(home?.blocks, KPI_BLOCKS.home))).toContain('KPI health of your departments');
    expect(JSON.stringify(home?.blocks)).not.toMatch(/check-in|joint meeting/i);
    expect(
      home?.blocks.some((block) => (block as { block_id?: string }).block_id === BLOCKS.home.admin),
    ).toBe(false);
  });

  it('publishes once for a burst of 20 changes to one person, and not at all for someone who never looked', async () => {
    const { slack, deps } = file.liaison;
    const [alex, sam] = await ids(['U0DEMOALEX', 'U0DEMOSAM']);
    const workspace = await workspaceId();
    slack.reset();
    for (let i = 0; i < 20; i += 1) {
      deps.home.requestRefresh(workspace, [alex ?? '', sam ?? '']);
      if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await deps.home.settled();
    expect(slack.callsTo('views.publish').map((call) => call.args.user_id)).toEqual(['U0DEMOALEX']);
    expect(slack.homeView('U0DEMOSAM')).toBeUndefined();
  });

  it('paces publishes for many people per workspace and publishes every one of them', async () => {
    const { slack, deps, logs } = file.liaison;
    for (const userId of DEMO) await openHome(userId);
    slack.reset();
    const refresher = createPacedHomeRefresher({
      homeTab: deps.homeTab,
      clients: deps.slackClients,
      logger: deps.logger,
      rate: { perMinute: 300, burst: 1 }, // one every 200 ms
      coalesceMs: 0,
    });
    refresher.requestRefresh(await workspaceId(), await ids(DEMO));
    await refresher.settled();
    const calls = slack.callsTo('views.publish', { ok: true });
    expect(calls.map((call) => call.args.user_id).sort()).toEqual([...DEMO].sort());
    // Tokens are 200 ms apart; arrival times also carry each render's own duration, so
    // compare the whole span (5 gaps) rather than single gaps.
    const span = (calls.at(-1)?.at ?? 0) - (calls[0]?.at ?? 0);
    expect(span).toBeGreaterThanOrEqual(850);
    expect(logs().filter((line) => line.msg === 'could not refresh a Home tab')).toEqual([]);
  });

  it('waits out a 429 for Retry-After and then publishes', async () => {
    const { slack, deps } = file.liaison;
    const [priya] = await ids(['U0DEMOPRIYA']);
    slack.reset();
    slack.failNext('views.publish', { status: 429, retryAfterSec: 1 });
    deps.home.requestRefresh(await workspaceId(), [priya ?? '']);
    await deps.home.settled();
    const calls = slack.callsTo('views.publish');
    expect(calls.map((call) => call.status)).toEqual([429, 200]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(slack.homeView('U0DEMOPRIYA')).toBeDefined();
  });

  it('shows what a registered provider returns, and a failing provider costs only its own section', async () => {
    const { slack, deps } = file.liaison;
    const sections = deps.homeTab.sections;
    const original = sections.list();
    sections.provide(BLOCKS.home.actionItems, async ({ t, locale }) => [
      `• ${locale === 'zh-CN' ? '提交直播复盘' : 'Send the live-stream review'}`,
      ...Array.from({ length: 11 }, (_, i) => `• item ${i}`),
      t('common.none'),
    ]);
    sections.provide(BLOCKS.home.escalations, async () => {
      throw new Error('escalation store down');
    });
    try {
      slack.reset();
      deps.home.requestRefresh(await workspaceId(), await ids(['U0DEMOALEX']));
      await deps.home.settled();
      const home = slack.homeView('U0DEMOALEX');
      const actions = textOf(blockById(home?.blocks, BLOCKS.home.actionItems));
      expect(actions).toContain('• Send the live-stream review');
      expect(actions).toContain('…and 5 more');
      expect(textOf(blockById(home?.blocks, BLOCKS.home.escalations))).toContain(
        'could not be loaded just now',
      );
      expect(textOf(blockById(home?.blocks, BLOCKS.home.header))).toContain('Welcome to Liaison');
    } finally {
      for (const section of original) sections.provide(section.id, section.load);
    }
  });

  it("republishes a person's Home when Slack says their profile changed", async () => {
    const { slack, driver } = file.liaison;
    slack.reset();
    const updated = 1_764_200_000;
    await driver.event({
      event: {
        type: 'user_change',
        event_ts: `${updated}.000100`,
        cache_ts: updated,
        user: {
          id: 'U0DEMOALEX',
          team_id: slack.teamId,
          name: 'alex',
          real_name: 'Alex Morgan-Li',
          tz: 'Asia/Shanghai',
          locale: 'zh-CN',
          is_admin: false,
          is_bot: false,
          deleted: false,
          updated,
          profile: { display_name: 'alex', real_name: 'Alex Morgan-Li' },
        },
      },
    });
    await slack.waitForCall('views.publish', (call) => call.args.user_id === 'U0DEMOALEX', 5_000);
    const home = slack.homeView('U0DEMOALEX');
    expect(textOf(blockById(home?.blocks, BLOCKS.home.header))).toBe('欢迎使用 Liaison，Alex Morgan-Li');
    expect(textOf(blockById(home?.blocks, BLOCKS.home.actionItems))).toContain('我的待办事项');
  });
});
