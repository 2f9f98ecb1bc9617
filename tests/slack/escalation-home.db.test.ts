import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EscalationDto, RaiseInput } from '../../src/modules/escalations/escalations.types.js';
import { BLOCKS } from '../../src/slack/ids.js';
import { blockById, textOf } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });

let eventCounter = 0;
async function homeSection(userId: string): Promise<string> {
  const { slack, driver } = file.liaison;
  eventCounter += 1;
  const before = slack.callsTo('views.publish').length;
  await driver.event({
    event: {
      type: 'app_home_opened',
      user: userId,
      channel: 'D0HOME',
      tab: 'home',
      event_ts: `1764200000.${eventCounter}`,
    },
  });
  await slack.waitForCall('views.publish', () => slack.callsTo('views.publish').length > before, 5_000);
  return textOf(blockById(slack.homeView(userId)?.blocks, BLOCKS.home.escalations));
}

const person = (slackUserId: string) => file.db.prisma.person.findFirstOrThrow({ where: { slackUserId } });
const subject = async (slackUserId: string) =>
  file.liaison.deps.authorization.subjectOf((await person(slackUserId)).id);
const department = async (key: string) =>
  (await file.db.prisma.department.findFirstOrThrow({ where: { key } })).id;
const raise = async (slackUserId: string, title: string, raiser: string, counterpart: string) => {
  const input: RaiseInput = {
    title,
    blocked: 'b',
    impact: 'i',
    decisionNeeded: 'd',
    options: [],
    severity: 'HIGH',
    raiserDepartmentId: await department(raiser),
    counterpartDepartmentIds: [await department(counterpart)],
  };
  return file.liaison.deps.escalations.raise(await subject(slackUserId), input);
};
const due = (esc: EscalationDto, zone: string, locale: string, format: string) =>
  DateTime.fromJSDate(esc.slaDueAt as Date, { zone })
    .setLocale(locale)
    .toFormat(format);

let stock: EscalationDto;
let courier: EscalationDto;
let returns: EscalationDto;

beforeAll(async () => {
  // Level 1: Lin and Zhang (the leads).
  stock = await raise('U0DEMOLIN', 'Stock <!channel> for Friday', 'live-ops', 'supply-chain');
  // Level 1: Zhang and Alex.
  courier = await raise('U0DEMOZHANG', 'Courier cut-off', 'supply-chain', 'tech');
  // Customer Service and Marketing have no leads: it lands on level 2, Priya (Marketing head).
  returns = await raise('U0DEMOSAM', 'Returns policy', 'customer-service', 'marketing');
  // Lin (an admin, at the level) hands the first one to Sam.
  await file.liaison.deps.escalations.reassign(
    await subject('U0DEMOLIN'),
    stock.number,
    (await person('U0DEMOSAM')).id,
  );
});

describe('Home: escalations I own or must act on', () => {
  it('lists what a person was handed first, then what they raised, deadlines in their zone, titles escaped', async () => {
    const sam = await homeSection('U0DEMOSAM');
    expect(sam).toContain('*Escalations I own or must act on*');
    const lines = sam.split('\n').filter((line) => line.startsWith('•'));
    expect(lines).toEqual([
      `• ESC-${stock.number} · high · open · level 1 · Stock &lt;!channel&gt; for Friday · due ${due(stock, 'Australia/Melbourne', 'en-US', 'ccc d LLL yyyy, HH:mm')} — *waiting on you*`,
      `• ESC-${returns.number} · high · open · level 2 · Returns policy · due ${due(returns, 'Australia/Melbourne', 'en-US', 'ccc d LLL yyyy, HH:mm')}`,
    ]);
  });

  it("shows the current level's people what waits on them, in their language, and nothing to those not at the level", async () => {
    const zhang = await homeSection('U0DEMOZHANG');
    expect(zhang).toContain(
      `• ESC-${stock.number} · 高 · 待处理 · 第 1 级 · Stock &lt;!channel&gt; for Friday · 截止 ${due(stock, 'Asia/Shanghai', 'zh-CN', 'yyyy年M月d日（ccc）HH:mm')} — *等你处理*`,
    );
    expect(zhang).toContain(`• ESC-${courier.number} · 高 · 待处理 · 第 1 级 · Courier cut-off`);
    const priya = await homeSection('U0DEMOPRIYA');
    expect(priya).toContain(`ESC-${returns.number} · high · open · level 2 · Returns policy`);
    expect(priya).not.toContain(`ESC-${stock.number}`);
    // Chen is an executive of Live Ops, but ESC on level 1 waits on the leads.
    const chen = await homeSection('U0DEMOCHEN');
    expect(chen).not.toContain('ESC-');
    expect(chen).toContain('我负责或需处理的升级事项');
  });

  it('refreshes the Home tab of the people an escalation now waits on when it changes', async () => {
    const { slack } = file.liaison;
    // Alex opened his Home tab before the escalation existed.
    expect(await homeSection('U0DEMOALEX')).not.toContain('Login outage');
    const before = slack.callsTo('views.publish').length;
    const outage = await raise('U0DEMOZHANG', 'Login outage', 'supply-chain', 'tech');
    await slack.waitForCall(
      'views.publish',
      () =>
        slack
          .callsTo('views.publish')
          .slice(before)
          .some((call) => call.args.user_id === 'U0DEMOALEX'),
      10_000,
    );
    const alex = textOf(blockById(slack.homeView('U0DEMOALEX')?.blocks, BLOCKS.home.escalations));
    expect(alex).toContain(`ESC-${outage.number} · high · open · level 1 · Login outage`);
  });
});

describe('deactivation', () => {
  it("flags a deactivated lead's open escalations to the admins covering for the department", async () => {
    await file.liaison.driver.event({
      event: {
        type: 'user_change',
        event_ts: '1764200100.000100',
        user: {
          id: 'U0DEMOZHANG',
          team_id: 'T0LIAISON',
          name: 'zhang.min',
          real_name: '张敏 Zhang Min',
          tz: 'Asia/Shanghai',
          locale: 'zh-CN',
          is_admin: false,
          is_bot: false,
          deleted: true,
          updated: 1_764_200_100,
          profile: { display_name: '', real_name: '张敏 Zhang Min', email: 'zhang@example.test' },
        },
      },
    });
    const lin = await person('U0DEMOLIN');
    const { prisma } = file.db;
    const deadline = Date.now() + 5_000;
    let flag = await prisma.delivery.findFirst({
      where: { recipientPersonId: lin.id, kind: 'directory.deactivated' },
    });
    while (!flag && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      flag = await prisma.delivery.findFirst({
        where: { recipientPersonId: lin.id, kind: 'directory.deactivated' },
      });
    }
    const text = JSON.stringify(flag?.payload);
    // Zhang was at ESC-1's level and raised ESC-2; ESC-3 never involved her.
    expect(text).toContain(`未关闭的升级事项 ESC-${stock.number}：Stock &lt;!channel&gt; for Friday`);
    expect(text).toContain(`未关闭的升级事项 ESC-${courier.number}：Courier cut-off`);
    expect(text).not.toContain(`ESC-${returns.number}`);
    expect(text).not.toContain('<!channel>');
  });
});
