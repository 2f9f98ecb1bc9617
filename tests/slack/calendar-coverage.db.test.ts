import { describe, expect, it } from 'vitest';
import {
  CALENDAR_COVERAGE_KIND,
  calendarCoverageJob,
  ensureCalendarCoverageSchedule,
} from '../../src/features/calendar/calendar-coverage.job.js';
import { addWorkingDays } from '../../src/modules/calendar/index.js';
import type { JobContext } from '../../src/modules/scheduling/job-handler.types.js';
import { BLOCKS, CALENDAR_FIELDS, COMMANDS } from '../../src/slack/ids.js';
import { CALENDAR_BLOCKS } from '../../src/slack/views/calendar.view.js';
import { COVERAGE_BLOCKS } from '../../src/slack/views/calendar-coverage.view.js';
import { NOTICE_BLOCKS } from '../../src/slack/views/calendar-notice.view.js';
import { SCHEDULES_BLOCKS } from '../../src/slack/views/schedules.view.js';
import { NOTICE_2027_INVENTED } from '../fixtures/holiday-notices.js';
import { blockById, textOf, textOfAll } from '../harness/blocks.js';
import { calendarLiaisonForThisFile } from './calendar-test-setup.js';

// Requests are signed with the test's clock, which must not be behind real time (see
// calendar-test-setup.ts): they are sent in 2036. The daily check runs without Slack
// requests, so it can run on the days around the end of China's built-in data (2026).
const IN_2036 = '2036-11-24T15:00:00Z';
const { state, replyTo, personId } = calendarLiaisonForThisFile(IN_2036);
const db = () => state.db.prisma;
const deps = () => state.liaison.deps;
const slack = () => state.liaison.slack;

async function workspaceId() {
  return (await db().workspace.findFirstOrThrow({ select: { id: true } })).id;
}

async function runDailyCheck(at: string) {
  state.clock.set(at);
  const refreshed: string[][] = [];
  const outcome = await calendarCoverageJob({
    coverage: deps().calendarCoverage,
    requestHomeRefresh: (_workspace, personIds) => refreshed.push(personIds),
  }).run({ workspaceId: await workspaceId(), logger: deps().logger } as JobContext);
  state.clock.set(IN_2036);
  return { outcome, refreshed };
}

const warnings = () =>
  db().delivery.findMany({
    where: { kind: CALENDAR_COVERAGE_KIND },
    select: { key: true, recipientPersonId: true, payload: true },
    orderBy: { createdAt: 'asc' },
  });

/** Opens the paste form as the user and submits the text; the ack (errors, or the preview). */
async function pasteNotice(userId: string, text: string, command = 'calendar notice') {
  slack().reset();
  await state.driver.slashCommand({
    command: COMMANDS.liaison,
    text: command,
    userId,
    channelId: 'C0GENERAL',
  });
  await slack().waitForCall('views.open');
  const form = slack().currentModal(userId);
  if (!form) throw new Error('the notice form did not open');
  const response = await state.driver.viewSubmission({
    userId,
    view: form,
    values: { [CALENDAR_FIELDS.noticeText]: { value: { type: 'plain_text_input', value: text } } },
  });
  const ack = response.json as {
    response_action?: string;
    errors?: Record<string, string>;
    view?: { blocks: unknown[] };
  };
  if (ack.response_action === 'update') slack().applyViewResponse(userId, ack);
  return ack;
}

/** Presses the preview's submit button; the text of the last step. */
async function confirmPreview(userId: string, view = slack().currentModal(userId)) {
  if (!view) throw new Error('no preview to confirm');
  const response = await state.driver.viewSubmission({ userId, view, values: {} });
  const ack = response.json as { response_action?: string; view?: { blocks: unknown[] } };
  expect(ack.response_action).toBe('update');
  return textOf(blockById(ack.view?.blocks as never, NOTICE_BLOCKS.result));
}

const refusalsOf = async (slackUserId: string) =>
  (
    await db().auditEvent.findMany({
      where: { action: 'authorization.refused', actorSlackId: slackUserId },
      select: { after: true },
    })
  ).map((row) => (row.after as { attempted?: string } | null)?.attempted);

const cnDates = async () => db().calendarDate.count({ where: { calendar: { key: 'cn' } } });

describe('coverage: how far each calendar’s holidays are known', () => {
  it('shows the followed calendar’s coverage in /liaison calendar, in both languages', async () => {
    await replyTo('U0DEMOZHANG', 'calendar use cn');
    const zh = await replyTo('U0DEMOZHANG', 'calendar');
    expect(textOf(blockById(zh.blocks, CALENDAR_BLOCKS.coverage))).toBe(
      '节假日数据已知至 2026年12月31日（周四）',
    );

    await replyTo('U0DEMOPRIYA', 'calendar use cn');
    const en = await replyTo('U0DEMOPRIYA', 'calendar');
    expect(textOf(blockById(en.blocks, CALENDAR_BLOCKS.coverage))).toBe(
      'Holiday data known through Thu 31 Dec 2026',
    );

    await replyTo('U0DEMOALEX', 'calendar use us');
    const us = await replyTo('U0DEMOALEX', 'calendar');
    expect(textOf(blockById(us.blocks, CALENDAR_BLOCKS.coverage))).toBe(
      'Holiday data computed by rule for any year',
    );
  });

  it('lists every calendar for admins, with coverage and who follows it; refuses anyone else', async () => {
    await replyTo('U0DEMOLIN', 'calendar add offsite 2037-03-02 holiday Offsite');
    const list = await replyTo('U0DEMOLIN', 'calendar list');
    expect(textOf(blockById(list.blocks, COVERAGE_BLOCKS.listItem('cn')))).toContain(
      '节假日数据到 2026年12月31日（周四） 为止（已经到期）',
    );
    expect(textOf(blockById(list.blocks, COVERAGE_BLOCKS.listItem('cn')))).toContain('使用者：2 人');
    expect(textOf(blockById(list.blocks, COVERAGE_BLOCKS.listItem('us')))).toContain('按规则计算');
    expect(textOf(blockById(list.blocks, COVERAGE_BLOCKS.listItem('offsite')))).toContain(
      '节假日数据已知至 2037年12月31日（周四）',
    );
    expect(textOf(blockById(list.blocks, COVERAGE_BLOCKS.listItem('offsite')))).toContain('未被使用');

    const refused = await replyTo('U0DEMOALEX', 'calendar list');
    expect(textOf(blockById(refused.blocks, BLOCKS.error.message))).toContain('Only a workspace admin');
    expect(await refusalsOf('U0DEMOALEX')).toContain('calendar list');
  });
});

describe('warnings to admins before a calendar in use runs out', () => {
  it('is scheduled once per workspace, daily in its zone', async () => {
    const workspace = await db().workspace.findFirstOrThrow();
    await ensureCalendarCoverageSchedule(deps().schedules, workspace);
    await ensureCalendarCoverageSchedule(deps().schedules, workspace);
    const schedules = (await deps().schedules.list(workspace.id)).filter(
      (s) => s.kind === CALENDAR_COVERAGE_KIND,
    );
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({ timeOfDay: '09:00', timeZone: workspace.defaultTimeZone });
  });

  it('DMs each admin once, from 60 days before the end of the data, in their language', async () => {
    await replyTo('U0DEMOLIN', 'calendar default cn');
    // Priya is a granted Liaison admin: admins who are not Slack admins are warned too.
    await db().person.updateMany({ where: { slackUserId: 'U0DEMOPRIYA' }, data: { isLiaisonAdmin: true } });

    // 31 October 2026 is 61 days before 31 December: too early.
    await runDailyCheck('2026-10-31T01:00:00Z');
    expect(await warnings()).toEqual([]);

    const first = await runDailyCheck('2026-11-01T01:00:00Z');
    expect(first.outcome?.result).toMatchObject({ runningOut: 1, notified: 2 });
    const sent = await warnings();
    expect(sent.map((d) => d.recipientPersonId).sort()).toEqual(
      [await personId('U0DEMOLIN'), await personId('U0DEMOPRIYA')].sort(),
    );
    expect(first.refreshed).toHaveLength(1);
    expect(JSON.stringify(sent.map((d) => d.payload))).toContain(
      '*中国法定节假日（含调休） (`cn`) 的节假日数据到 2026年12月31日（周四） 为止*（还剩 60 天）',
    );
    expect(JSON.stringify(sent.map((d) => d.payload))).toContain(
      '*Holiday data for China (statutory holidays and make-up workdays) (`cn`) ends Thu 31 Dec 2026* (60 days left)',
    );

    // The same day again, the next day and 25 days before the end: nothing new.
    await runDailyCheck('2026-11-01T05:00:00Z');
    await runDailyCheck('2026-11-02T01:00:00Z');
    const later = await runDailyCheck('2026-12-06T01:00:00Z');
    expect(later.outcome?.result).toMatchObject({ runningOut: 1, notified: 0 });
    expect(later.refreshed).toEqual([]);
    expect(await warnings()).toHaveLength(2);
  });

  it('lists deadlines and scheduled runs computed past the data, logs them, and shows admins on Home', async () => {
    const workspace = await workspaceId();
    const lin = await personId('U0DEMOLIN');
    const liveOps = await db().department.findFirstOrThrow({
      where: { key: 'live-ops' },
      select: { id: true },
    });
    await db().escalation.create({
      data: {
        workspaceId: workspace,
        number: 901,
        title: 'Courier contract for January',
        blocked: 'Shipping',
        impact: 'Orders wait',
        decisionNeeded: 'Which courier',
        options: [],
        severity: 'NORMAL',
        raisedByPersonId: lin,
        slaDueAt: new Date('2027-01-05T02:00:00Z'),
        departments: { create: [{ departmentId: liveOps.id, role: 'RAISER' }] },
      },
    });
    const cn = await db().calendar.findFirstOrThrow({ where: { key: 'cn' }, select: { id: true } });
    state.clock.set('2026-12-30T02:00:00Z');
    const digest = await deps().schedules.create({
      workspaceId: workspace,
      kind: 'kpi.digest',
      name: 'Weekly KPI digest',
      recurrence: { type: 'weekly', weekdays: [1] },
      timeOfDay: '09:00',
      timeZone: 'Asia/Shanghai',
      calendarId: cn.id,
      skipNonWorkingDays: true,
    });
    state.clock.set(IN_2036);
    expect(digest.nextRunAt?.toISOString()).toBe('2027-01-04T01:00:00.000Z');

    const logged = state.liaison.logs().length;
    const { outcome } = await runDailyCheck('2026-12-06T01:00:00Z');
    expect(outcome?.result).toMatchObject({ pastCoverage: 2 });
    const lines = state.liaison
      .logs()
      .slice(logged)
      .filter((line) => String(line.msg).includes('past the calendar'));
    expect(lines.map((line) => line.escalation ?? line.scheduleId)).toEqual(['ESC-901', digest.id]);

    state.clock.set('2026-12-06T01:00:00Z');
    const adminHome = await deps().homeTab.render(lin);
    const memberHome = await deps().homeTab.render(await personId('U0DEMOALEX'));
    state.clock.set(IN_2036);
    const notice = textOf(blockById(adminHome?.view.blocks, BLOCKS.home.holidayData));
    expect(notice).toContain('*节假日数据*');
    expect(notice).toContain('的节假日数据到 2026年12月31日（周四） 为止（还剩 25 天）');
    expect(notice).toContain('添加下一年：`/liaison calendar notice cn`');
    expect(notice).toContain('ESC-901 Courier contract for January：截止时间 2027年1月5日（周二）10:00');
    expect(notice).toContain('排程 *Weekly KPI digest*：下次运行 2027年1月4日（周一）09:00');
    const memberBlocks = (memberHome?.view.blocks ?? []).map((b) => (b as { block_id?: string }).block_id);
    expect(memberBlocks).toContain(BLOCKS.home.escalations);
    expect(memberBlocks).not.toContain(BLOCKS.home.holidayData);
  });

  it('adds a line to /liaison schedules and marks a schedule whose next run is past the data', async () => {
    const reply = await replyTo('U0DEMOLIN', 'schedules');
    expect(textOf(blockById(reply.blocks, SCHEDULES_BLOCKS.coverage))).toBe(
      ':warning: *中国法定节假日（含调休） (`cn`)* 的节假日数据到 2026年12月31日（周四） 为止（已经到期）；之后的节假日会被当作工作日。 添加下一年：`/liaison calendar notice cn`',
    );
    const digest = await db().schedule.findFirstOrThrow({ where: { name: 'Weekly KPI digest' } });
    expect(textOf(blockById(reply.blocks, SCHEDULES_BLOCKS.item(digest.id)))).toContain(
      ':warning: *超出节假日数据* — 下次运行晚于 2026年12月31日（周四）',
    );
  });
});

describe('adding a year by pasting the State Council’s notice', () => {
  it('refuses a non-admin before any form opens, and audits it', async () => {
    const reply = await replyTo('U0DEMOALEX', 'calendar notice');
    expect(textOf(blockById(reply.blocks, BLOCKS.error.message))).toContain('Only a workspace admin');
    expect(slack().callsTo('views.open')).toEqual([]);
    expect(await refusalsOf('U0DEMOALEX')).toContain('calendar notice');
  });

  it('keeps the form open with the reason when the paste has no title', async () => {
    const ack = await pasteNotice('U0DEMOLIN', '一、元旦：1月1日（周五）至3日（周日）放假，共3天。');
    expect(ack.response_action).toBe('errors');
    expect(ack.errors?.[CALENDAR_FIELDS.noticeText]).toContain('没有找到年份');
    expect(await cnDates()).toBe(0);
    slack().closeModal('U0DEMOLIN');
  });

  it('previews the days off and make-up workdays with counts, and cancelling stores nothing', async () => {
    const ack = await pasteNotice('U0DEMOLIN', `${NOTICE_2027_INVENTED}八、春假：三月某日放假。\n`);
    expect(ack.response_action).toBe('update');
    const blocks = ack.view?.blocks as never;
    expect(textOf(blockById(blocks, NOTICE_BLOCKS.heading))).toBe(
      '国务院通知中的 *2027 年*安排，添加到 *中国法定节假日（含调休） (`cn`)* — 放假：*29* 天，调休上班：*6* 天。',
    );
    const items = textOf(blockById(blocks, NOTICE_BLOCKS.items));
    expect(items).toContain(
      '• *春节* — 放假（9 天）：2027年2月5日（周五）至2027年2月13日（周六）\n    调休上班（2 天）：2027年1月31日（周日）、2027年2月20日（周六）',
    );
    expect(items).toContain('• *端午节* — 放假（1 天）：2027年6月9日（周三）');
    expect(textOf(blockById(blocks, NOTICE_BLOCKS.problems))).toContain(
      '未能读懂的内容（1 条）* — 不会被添加。',
    );
    expect(textOf(blockById(blocks, NOTICE_BLOCKS.problems))).toContain(
      '• “八、春假:三月某日放假.” — 读不出放假或上班日期',
    );
    expect(await cnDates()).toBe(0);

    slack().closeModal('U0DEMOLIN');
    expect(slack().currentModal('U0DEMOLIN')).toBeUndefined();
    expect(await cnDates()).toBe(0);
    expect(await db().auditEvent.count({ where: { action: 'calendar.notice_applied' } })).toBe(0);
  });

  it('refuses a preview submitted by a non-admin, storing nothing', async () => {
    await pasteNotice('U0DEMOLIN', NOTICE_2027_INVENTED);
    const preview = slack().currentModal('U0DEMOLIN');
    slack().closeModal('U0DEMOLIN');
    const text = await confirmPreview('U0DEMOALEX', preview);
    expect(text).toContain('Nothing was added: Only a workspace admin');
    expect(await cnDates()).toBe(0);
  });

  it('stores the year on confirm, audited, and working time counts it (2027 Spring Festival)', async () => {
    const lin = await personId('U0DEMOLIN');
    // Thursday 4 February 2027, 10:00 in Shanghai, two working days on.
    const raised = new Date('2027-02-04T02:00:00Z');
    const before = addWorkingDays(raised, 2, await deps().calendar.calendars.workingTimeProfileFor(lin));
    expect(before.toISOString()).toBe('2027-02-08T02:00:00.000Z');

    await pasteNotice('U0DEMOLIN', NOTICE_2027_INVENTED);
    const text = await confirmPreview('U0DEMOLIN');
    expect(text).toContain(
      '已将 *2027 年*添加到 *中国法定节假日（含调休） (`cn`)* — 放假 29 天，调休上班 6 天。',
    );
    expect(text).toContain('节假日数据已知至 2027年12月31日（周五）');
    expect(await cnDates()).toBe(35);
    const audit = await db().auditEvent.findMany({
      where: { action: 'calendar.notice_applied' },
      select: { actorSlackId: true, after: true },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorSlackId: 'U0DEMOLIN', after: { year: 2027 } });

    // 5–13 February are off, Sunday 14 is a weekend: the deadline moves to Tuesday 16 February.
    const after = addWorkingDays(raised, 2, await deps().calendar.calendars.workingTimeProfileFor(lin));
    expect(after.toISOString()).toBe('2027-02-16T02:00:00.000Z');
    // Sunday 31 January 2027 is a make-up workday now.
    const profile = await deps().calendar.calendars.workingTimeProfileFor(lin);
    expect(profile.calendar.dayKind('2027-01-31')).toBe('workday');

    const reply = await replyTo('U0DEMOPRIYA', 'calendar');
    expect(textOf(blockById(reply.blocks, CALENDAR_BLOCKS.coverage))).toBe(
      'Holiday data known through Fri 31 Dec 2027',
    );
  });

  it('moves the warnings to the new end of the data', async () => {
    const { outcome } = await runDailyCheck('2026-12-06T01:00:00Z');
    expect(outcome?.result).toMatchObject({ runningOut: 0, notified: 0, pastCoverage: 0 });
    const { outcome: nextYear } = await runDailyCheck('2027-11-01T01:00:00Z');
    expect(nextYear?.result).toMatchObject({ runningOut: 1, notified: 2 });
    expect((await warnings()).map((d) => d.key)).toEqual(
      expect.arrayContaining([expect.stringContaining(':2027-12-31:')]),
    );
  });

  it('lists the new commands in help for admins only', async () => {
    const admin = textOfAll((await replyTo('U0DEMOLIN', 'help')).blocks, BLOCKS.help.commands);
    expect(admin).toContain('/liaison calendar notice [KEY]');
    expect(admin).toContain('/liaison calendar list');
    const member = textOfAll((await replyTo('U0DEMOALEX', 'help')).blocks, BLOCKS.help.commands);
    expect(member).not.toContain('/liaison calendar notice');
  });
});
