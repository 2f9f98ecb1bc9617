import { expect } from 'vitest';
import { MEETING_NEW_FIELDS as F } from '../../../src/features/meetings/meetings.ids.js';
import type { JobContext } from '../../../src/modules/scheduling/job-handler.types.js';
import { COMMANDS } from '../../../src/slack/ids.js';
import { calendarLiaisonForThisFile } from '../../slack/calendar-test-setup.js';

/**
 * The real Liaison on the demo workspace with a clock the test moves (no holiday calendar:
 * weekends only), and helpers to drive `/meeting` as a person would.
 */
export function meetingsLiaisonForThisFile(start: string) {
  const setup = calendarLiaisonForThisFile(start);
  const { state } = setup;
  const db = () => state.db.prisma;
  const slack = () => state.liaison.slack;

  async function departmentId(key: string) {
    return (await db().department.findFirstOrThrow({ where: { key, workspace: { isDemo: true } } })).id;
  }

  /** `/meeting <text>` as the user; the private answer's text. */
  async function meeting(userId: string, text: string, channelId = 'C0GENERAL') {
    slack().reset();
    const response = await state.driver.slashCommand({ command: COMMANDS.meeting, text, userId, channelId });
    expect(response.status).toBe(200);
    await slack().waitForCall('response_url');
    const reply = slack().ephemerals(userId, channelId).at(-1);
    if (!reply) throw new Error(`no reply to /meeting ${text}`);
    return reply;
  }

  const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
  const select = (value: string | null) => ({
    value: { type: 'static_select', selected_option: value ? { value } : null },
  });
  const multi = (values: string[]) => ({
    value: { type: 'multi_static_select', selected_options: values.map((value) => ({ value })) },
  });

  /** The values of a filled `/meeting new` modal: weekly on Mondays at 10:00 Shanghai. */
  async function seriesValues(overrides: Record<string, Record<string, unknown>> = {}) {
    return {
      [F.title]: text('Launch sync 新品联席会'),
      [F.departments]: multi([
        await departmentId('supply-chain'),
        await departmentId('marketing'),
        await departmentId('tech'),
      ]),
      [F.recurrence]: select('weekly'),
      [F.weekday]: select('1'),
      [F.interval]: text('2'),
      [F.monthDay]: text(''),
      [F.nth]: select(null),
      [F.time]: text('10:00'),
      [F.timeZone]: text('Asia/Shanghai'),
      [F.duration]: text('60'),
      [F.channel]: { value: { type: 'conversations_select', selected_conversation: 'C0LAUNCH' } },
      [F.facilitator]: { value: { type: 'multi_users_select', selected_users: [] } },
      [F.opens]: text('72'),
      [F.closes]: text('24'),
      [F.holiday]: { value: { type: 'radio_buttons', selected_option: { value: 'NEXT_WORKING_DAY' } } },
      ...overrides,
    };
  }

  /** Opens `/meeting new` as the user and submits it; the field errors, or the private confirmation. */
  async function createSeries(userId: string, overrides: Record<string, Record<string, unknown>> = {}) {
    slack().reset();
    await state.driver.slashCommand({
      command: COMMANDS.meeting,
      text: 'new',
      userId,
      channelId: 'C0GENERAL',
    });
    await slack().waitForCall('views.open');
    const modal = slack().currentModal(userId);
    if (!modal) throw new Error(`no modal for ${userId}`);
    const response = await state.driver.viewSubmission({
      userId,
      view: modal,
      values: await seriesValues(overrides),
    });
    expect(response.status).toBe(200);
    const ack = response.json as { response_action?: string; errors?: Record<string, string> } | undefined;
    if (ack?.response_action === 'errors') return { errors: ack.errors ?? {}, modal };
    await slack().waitForCall('chat.postEphemeral');
    return { errors: undefined, modal, reply: slack().ephemerals(userId, 'C0GENERAL').at(-1) };
  }

  const deps = () => state.liaison.deps;

  /** One run of the every-minute meeting cycle, as the scheduler would run it, at the clock's time. */
  async function runCycle() {
    const job = deps().features.jobs.find((j) => j.kind === 'meetings.cycle');
    if (!job) throw new Error('no meetings.cycle job');
    const workspace = await db().workspace.findFirstOrThrow({ where: { isDemo: true } });
    const outcome = await job
      .handler(deps(), { instanceId: 'test' })
      .run({ workspaceId: workspace.id } as JobContext);
    return (outcome as { result: Record<string, number> }).result;
  }

  async function subjectOf(slackUserId: string) {
    return deps().authorization.subjectOf(await setup.personId(slackUserId));
  }

  /** An escalation raised by a lead of `own` towards `counterpart`, marked for the meeting. */
  async function markedEscalation(slackUserId: string, title: string, own: string, counterpart: string) {
    const subject = await subjectOf(slackUserId);
    const esc = await deps().escalations.raise(subject, {
      title,
      blocked: 'The launch',
      impact: 'A week late',
      decisionNeeded: 'Which supplier',
      options: [],
      severity: 'HIGH',
      raiserDepartmentId: await departmentId(own),
      counterpartDepartmentIds: [await departmentId(counterpart)],
    });
    await deps().escalations.markForMeeting(subject, esc.number, 'needs the joint meeting');
    return esc;
  }

  /** DMs queued for a person through the notification budget, of a kind. */
  async function deliveriesTo(slackUserId: string, kind: string) {
    return db().delivery.findMany({
      where: { kind, recipientPersonId: await setup.personId(slackUserId) },
      orderBy: { createdAt: 'asc' },
    });
  }

  return {
    ...setup,
    db,
    slack,
    deps,
    departmentId,
    meeting,
    createSeries,
    seriesValues,
    runCycle,
    subjectOf,
    markedEscalation,
    deliveriesTo,
    text,
    select,
    multi,
  };
}
