import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ESCALATION_ASSESSMENT_KIND,
  ensureEscalationAssessmentSchedule,
  escalationAssessmentJob,
} from '../../src/features/escalations/escalation-assessment.job.js';
import {
  previousQuarter,
  quarterBounds,
  quarterKey,
  quarterOf,
} from '../../src/modules/escalations/assessment.rules.js';
import type { RaiseInput } from '../../src/modules/escalations/escalations.types.js';
import type { JobContext } from '../../src/modules/scheduling/job-handler.types.js';
import { BLOCKS, COMMANDS } from '../../src/slack/ids.js';
import { ESCALATION_REPORT_BLOCKS } from '../../src/slack/views/escalation-report.view.js';
import { blockById, textOf, textOfAll } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });
const ZONE = 'Asia/Shanghai';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function reportAs(userId: string, text: string) {
  const { slack, driver } = file.liaison;
  const before = slack.ephemerals(userId, 'C0GENERAL').length;
  await driver.slashCommand({
    command: COMMANDS.escalate,
    text: `report ${text}`.trim(),
    userId,
    channelId: 'C0GENERAL',
  });
  await slack.waitForCall('response_url', () => slack.ephemerals(userId, 'C0GENERAL').length > before, 5_000);
  return slack.ephemerals(userId, 'C0GENERAL').at(-1);
}

const lines = (reply: { blocks?: unknown[] } | undefined) =>
  textOf(blockById(reply?.blocks, ESCALATION_REPORT_BLOCKS.departments)).split('\n');

const people = async () => {
  const rows = await file.db.prisma.person.findMany({ where: { slackUserId: { startsWith: 'U0DEMO' } } });
  const by = (slackUserId: string) => {
    const person = rows.find((p) => p.slackUserId === slackUserId);
    if (!person) throw new Error(`no ${slackUserId}`);
    return person;
  };
  return { lin: by('U0DEMOLIN'), zhang: by('U0DEMOZHANG'), chen: by('U0DEMOCHEN') };
};
const subject = (personId: string) => file.liaison.deps.authorization.subjectOf(personId);
const departmentId = async (workspaceId: string, key: string) =>
  (await file.db.prisma.department.findFirstOrThrow({ where: { workspaceId, key } })).id;

/** Last quarter in the workspace's zone, whatever day the suite runs. */
const lastQuarter = previousQuarter(quarterOf(new Date(), ZONE));
const bounds = quarterBounds(lastQuarter, ZONE);
const at = (offsetMs: number) => new Date(bounds.start.getTime() + offsetMs);
const dayAt = (offsetDays: number) =>
  DateTime.fromJSDate(bounds.start, { zone: ZONE }).plus({ days: offsetDays }).toISODate() ?? '';

/** Moves what the services recorded (at today's time) into last quarter, as if it happened then. */
async function backdate(
  escalationId: string,
  createdAt: Date,
  events: Record<string, Date>,
  decidedAt?: Date,
) {
  const { prisma } = file.db;
  await prisma.escalation.update({ where: { id: escalationId }, data: { createdAt } });
  await prisma.escalationEvent.updateMany({
    where: { escalationId, type: 'raised' },
    data: { at: createdAt },
  });
  for (const [type, when] of Object.entries(events))
    await prisma.escalationEvent.updateMany({ where: { escalationId, type }, data: { at: when } });
  if (decidedAt) await prisma.decision.updateMany({ where: { escalationId }, data: { decidedAt } });
}

let workspaceId = '';

beforeAll(async () => {
  const { prisma } = file.db;
  const deps = file.liaison.deps;
  const { lin, zhang, chen } = await people();
  workspaceId = lin.workspaceId;
  await prisma.workspace.update({ where: { id: workspaceId }, data: { defaultTimeZone: ZONE } });
  // A department name that would notify everyone if it were not escaped.
  await prisma.department.updateMany({
    where: { workspaceId, key: 'legal' },
    data: { nameZh: '法务 <!channel>' },
  });
  const liveOps = await departmentId(workspaceId, 'live-ops');
  const supplyChain = await departmentId(workspaceId, 'supply-chain');
  const raise = (title: string, raiser: string, counterpart: string): RaiseInput => ({
    title,
    blocked: 'b',
    impact: 'i',
    decisionNeeded: 'd',
    options: [],
    severity: 'HIGH',
    raiserDepartmentId: raiser,
    counterpartDepartmentIds: [counterpart],
  });

  // ESC-1: Live Ops against Supply Chain; Zhang acknowledges within the hour; decided after 1 d 4 h,
  // with an action item for Lin (Live Ops) done on its due day.
  const a = await deps.escalations.raise(
    await subject(lin.id),
    raise('Stock for Friday', liveOps, supplyChain),
  );
  await deps.escalations.acknowledge(await subject(zhang.id), a.number);
  await deps.escalations.resolve(await subject(lin.id), a.number, {
    decision: 'Supply Chain reserves 500 units',
    optionsConsidered: [],
    // The form takes no due date in the past: the item is dated now, then moved into last quarter.
    actionItems: [
      {
        title: 'Confirm the reservation',
        ownerPersonId: lin.id,
        dueOn: DateTime.now().setZone(ZONE).plus({ days: 7 }).toISODate() ?? '',
      },
    ],
  });
  await backdate(
    a.id,
    at(2 * DAY),
    { acknowledge: at(2 * DAY + HOUR), resolve: at(3 * DAY + 4 * HOUR) },
    at(3 * DAY + 4 * HOUR),
  );
  const linItem = await prisma.actionItem.findFirstOrThrow({ where: { ownerPersonId: lin.id } });
  await deps.actionItems.complete(await subject(lin.id), linItem.id);
  await prisma.actionItem.update({
    where: { id: linItem.id },
    data: {
      dueOn: new Date(`${dayAt(30)}T00:00:00Z`),
      completedAt: DateTime.fromISO(`${dayAt(30)}T22:00`, { zone: ZONE }).toJSDate(),
    },
  });

  // ESC-2: Live Ops against Supply Chain; nobody answers, the SLA passes, it climbs to Chen
  // (no heads), who acknowledges and decides after 2 days.
  const b = await deps.escalations.raise(
    await subject(lin.id),
    raise('Courier cut-off', liveOps, supplyChain),
  );
  const deadline = new Date(Date.now() - 60_000);
  await prisma.escalation.update({ where: { id: b.id }, data: { slaDueAt: deadline } });
  expect((await deps.escalations.sweep({ workspaceId })).breached).toBe(1);
  await deps.escalations.acknowledge(await subject(chen.id), b.number);
  await deps.escalations.resolve(await subject(chen.id), b.number, {
    decision: 'Cut-off 16:00',
    optionsConsidered: [],
  });
  await backdate(
    b.id,
    at(10 * DAY),
    { acknowledge: at(10 * DAY + 6 * HOUR), resolve: at(12 * DAY) },
    at(12 * DAY),
  );
  await prisma.escalationEvent.updateMany({
    where: { escalationId: b.id, type: 'sla_breached' },
    data: { at: at(10 * DAY + 4 * HOUR + 60_000), slaDueAt: at(10 * DAY + 4 * HOUR) },
  });

  // ESC-3: Supply Chain against Live Ops, unanswered.
  const c = await deps.escalations.raise(
    await subject(zhang.id),
    raise('Returns <!here>', supplyChain, liveOps),
  );
  await backdate(c.id, at(20 * DAY), {});

  // Supply Chain's own action items: one done a day late, one never done.
  const [late] = await deps.actionItems.createMany([
    {
      workspaceId,
      title: 'Late',
      ownerPersonId: zhang.id,
      ownerDepartmentId: supplyChain,
      due: { date: dayAt(40) },
      sourceType: 'escalation',
    },
    {
      workspaceId,
      title: 'Never',
      ownerPersonId: zhang.id,
      ownerDepartmentId: supplyChain,
      due: { date: dayAt(41) },
      sourceType: 'escalation',
    },
  ]);
  await deps.actionItems.complete(await subject(zhang.id), late?.id ?? '');
  await prisma.actionItem.update({
    where: { id: late?.id ?? '' },
    data: { completedAt: DateTime.fromISO(`${dayAt(41)}T09:00`, { zone: ZONE }).toJSDate() },
  });
});

describe('/escalate report', () => {
  it('shows an executive every department of last quarter in Chinese, names escaped, and keeps the figures', async () => {
    const reply = await reportAs('U0DEMOCHEN', 'last');
    const key = quarterKey(lastQuarter);
    expect(textOf(blockById(reply?.blocks, ESCALATION_REPORT_BLOCKS.header))).toBe(`联合评估 · ${key}`);
    const context = textOf(blockById(reply?.blocks, ESCALATION_REPORT_BLOCKS.context));
    const first = DateTime.fromJSDate(bounds.start, { zone: ZONE });
    expect(context).toContain(`${first.toFormat('yyyy年M月d日')}（`);
    expect(context).toContain('全部部门');
    expect(context).toContain('已结束季度的存档数据');
    const shown = lines(reply);
    expect(shown).toHaveLength(12);
    expect(shown).toContain(
      '*供应链* —— 发起 1 · 收到 2 · SLA 内响应 1/2（50%） · 决定用时中位数 1天14小时 · 待办按时完成 0/2 · 复盘回复 — · 议题提出 0、解决 0 · 问题解决周期 —',
    );
    expect(shown).toContain(
      '*直播运营* —— 发起 2 · 收到 1 · SLA 内响应 0/1（0%） · 决定用时中位数 1天14小时 · 待办按时完成 1/1 · 复盘回复 — · 议题提出 0、解决 0 · 问题解决周期 —',
    );
    expect(shown).toContain(
      '*技术* —— 发起 0 · 收到 0 · SLA 内响应 — · 决定用时中位数 — · 待办按时完成 — · 复盘回复 — · 议题提出 0、解决 0 · 问题解决周期 —',
    );
    expect(shown.join('\n')).toContain('*法务 &lt;!channel&gt;*');
    expect(JSON.stringify(reply)).not.toContain('<!channel>');

    const stored = await file.db.prisma.assessmentSnapshot.findMany({ where: { workspaceId, quarter: key } });
    expect(stored).toHaveLength(12);
    const supplyChain = await departmentId(workspaceId, 'supply-chain');
    expect(stored.find((row) => row.departmentId === supplyChain)).toMatchObject({
      raised: 1,
      received: 2,
      answered: 2,
      answeredWithinSla: 1,
      medianMinutesToDecision: 38 * 60,
      actionItemsDue: 2,
      actionItemsOnTime: 0,
    });
  });

  it('shows a lead only the departments they lead, and says which', async () => {
    const reply = await reportAs('U0DEMOZHANG', quarterKey(lastQuarter).replace('-', ''));
    expect(textOf(blockById(reply?.blocks, ESCALATION_REPORT_BLOCKS.context))).toContain(
      '你负责的部门：供应链',
    );
    expect(lines(reply)).toEqual([
      '*供应链* —— 发起 1 · 收到 2 · SLA 内响应 1/2（50%） · 决定用时中位数 1天14小时 · 待办按时完成 0/2 · 复盘回复 — · 议题提出 0、解决 0 · 问题解决周期 —',
    ]);

    const alex = await reportAs('U0DEMOALEX', '');
    const current = quarterKey(quarterOf(new Date(), ZONE));
    expect(textOf(blockById(alex?.blocks, ESCALATION_REPORT_BLOCKS.header))).toBe(
      `Joint assessment · ${current}`,
    );
    const context = textOf(blockById(alex?.blocks, ESCALATION_REPORT_BLOCKS.context));
    expect(context).toContain('Departments you lead: Tech');
    expect(context).toContain('Quarter in progress');
    expect(lines(alex)).toEqual([
      '*Tech* — raised 0 · received 0 · answered within SLA — · median time to decision — · action items on time — · check-ins answered — · agenda items raised 0, resolved 0 · issue-resolution cycle —',
    ]);
  });

  it('refuses a member privately in their language and audits it; explains a bad quarter', async () => {
    const sam = await reportAs('U0DEMOSAM', 'last');
    expect(sam?.text).toBe('Only department leads, heads and executives can see that.');
    const refusal = await file.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'authorization.refused', actorSlackId: 'U0DEMOSAM' },
    });
    expect(refusal.after).toEqual({ attempted: 'report.read' });

    const bad = await reportAs('U0DEMOALEX', 'Q5');
    expect(JSON.stringify(bad)).toContain('Usage: `/escalate report [quarter]`');
    const future = await reportAs('U0DEMOCHEN', `${quarterOf(new Date(), ZONE).year + 1}-Q1`);
    expect(JSON.stringify(future)).toContain('还没有开始');
  });

  it('shows the kept snapshot of a finished quarter even when its data changes later', async () => {
    const { prisma } = file.db;
    const deps = file.liaison.deps;
    const { lin } = await people();
    const late = await deps.escalations.raise(await subject(lin.id), {
      title: 'Found later',
      blocked: 'b',
      impact: 'i',
      decisionNeeded: 'd',
      options: [],
      severity: 'NORMAL',
      raiserDepartmentId: await departmentId(workspaceId, 'live-ops'),
      counterpartDepartmentIds: [await departmentId(workspaceId, 'supply-chain')],
    });
    await backdate(late.id, at(30 * DAY), {});
    const reply = await reportAs('U0DEMOCHEN', quarterKey(lastQuarter));
    expect(lines(reply)).toContain(
      '*供应链* —— 发起 1 · 收到 2 · SLA 内响应 1/2（50%） · 决定用时中位数 1天14小时 · 待办按时完成 0/2 · 复盘回复 — · 议题提出 0、解决 0 · 问题解决周期 —',
    );
    // Recomputing (what the nightly job does in a quarter's first week) would count it.
    const recomputed = await deps.assessment.compute(workspaceId, lastQuarter);
    const supplyChain = await departmentId(workspaceId, 'supply-chain');
    expect(recomputed.find((row) => row.departmentId === supplyChain)?.received).toBe(3);
    expect(
      await prisma.assessmentSnapshot.count({ where: { workspaceId, quarter: quarterKey(lastQuarter) } }),
    ).toBe(12);
  });
});

describe('/liaison help', () => {
  it("lists /escalate report in the reader's language", async () => {
    const { slack, driver } = file.liaison;
    const before = slack.ephemerals('U0DEMOCHEN', 'C0GENERAL').length;
    await driver.slashCommand({
      command: COMMANDS.liaison,
      text: 'help',
      userId: 'U0DEMOCHEN',
      channelId: 'C0GENERAL',
    });
    await slack.waitForCall(
      'response_url',
      () => slack.ephemerals('U0DEMOCHEN', 'C0GENERAL').length > before,
      5_000,
    );
    const help = slack.ephemerals('U0DEMOCHEN', 'C0GENERAL').at(-1);
    expect(textOfAll(help?.blocks, BLOCKS.help.commands)).toContain(
      '`/escalate report [季度]` —— 各部门的联合评估（负责人、高管可用）',
    );
  });
});

describe('the nightly escalations.assessment job', () => {
  it('is scheduled once per workspace in its zone and stores the current quarter', async () => {
    const { prisma } = file.db;
    const deps = file.liaison.deps;
    const workspace = await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    await ensureEscalationAssessmentSchedule(deps.schedules, workspace);
    await ensureEscalationAssessmentSchedule(deps.schedules, workspace);
    const schedules = (await deps.schedules.list(workspaceId)).filter(
      (s) => s.kind === ESCALATION_ASSESSMENT_KIND,
    );
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({ timeZone: ZONE, timeOfDay: '02:30' });

    const current = quarterKey(quarterOf(new Date(), ZONE));
    await prisma.assessmentSnapshot.deleteMany({ where: { workspaceId, quarter: current } });
    const outcome = await escalationAssessmentJob({ assessment: deps.assessment }).run({
      workspaceId,
    } as JobContext);
    expect(outcome?.result).toMatchObject({ quarters: expect.arrayContaining([current]) });
    const tech = await departmentId(workspaceId, 'tech');
    const rows = await prisma.assessmentSnapshot.findMany({ where: { workspaceId, quarter: current } });
    expect(rows).toHaveLength(12);
    expect(rows.find((row) => row.departmentId === tech)).toMatchObject({
      raised: 0,
      received: 0,
      medianMinutesToDecision: null,
    });
  });
});
