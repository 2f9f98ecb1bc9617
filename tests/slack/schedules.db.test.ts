import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/slack/ids.js';
import { SCHEDULES_BLOCKS } from '../../src/slack/views/schedules.view.js';
import { blockById, textOf } from '../harness/blocks.js';
import { answeredInAck } from '../harness/fake-slack.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });

async function schedulesAs(userId: string) {
  file.liaison.slack.reset();
  await file.liaison.driver.slashCommand({
    command: COMMANDS.liaison,
    text: 'schedules',
    userId,
    channelId: 'C0GENERAL',
  });
  await file.liaison.slack.waitForCall('response_url', (call) => call.args.response_type === 'ephemeral');
  return file.liaison.slack.ephemerals(userId, 'C0GENERAL').at(-1);
}

const demoWorkspaceId = async () =>
  (await file.db.prisma.workspace.findFirstOrThrow({ where: { isDemo: true } })).id;

describe('/liaison schedules', () => {
  it('tells an admin, in their language, that there are no schedules yet', async () => {
    const reply = await schedulesAs('U0DEMOLIN'); // admin, zh-CN
    expect(textOf(blockById(reply?.blocks, SCHEDULES_BLOCKS.header))).toBe('排程');
    expect(textOf(blockById(reply?.blocks, SCHEDULES_BLOCKS.empty))).toContain('还没有排程');
  });

  it("lists schedules with the next run in the viewer's time zone, and marks paused and failing ones", async () => {
    const workspaceId = await demoWorkspaceId();
    const { schedules } = file.liaison.deps;
    const digest = await schedules.create({
      workspaceId,
      kind: 'kpi.digest',
      name: 'Weekly KPI digest',
      recurrence: { type: 'weekly', weekdays: [1] },
      timeOfDay: '09:00',
      timeZone: 'Asia/Shanghai',
    });
    const paused = await schedules.create({
      workspaceId,
      kind: 'okr.checkin-prompt',
      name: 'OKR check-in prompt',
      recurrence: { type: 'monthly', nth: 1, weekday: 1 },
      timeOfDay: '10:00',
      timeZone: 'Europe/Berlin',
    });
    await schedules.pause(workspaceId, paused.id, 'U0DEMOLIN');
    await file.db.prisma.schedule.update({
      where: { id: digest.id },
      data: {
        lastRunAt: new Date(),
        lastOutcome: 'FAILED',
        lastError: 'KPI source <down>',
        consecutiveFailures: 3,
      },
    });
    file.liaison.slack.addUser({
      id: 'U0NYADMIN',
      name: 'nyadmin',
      tz: 'America/New_York',
      locale: 'en-US',
      isAdmin: true,
    });

    const reply = await schedulesAs('U0NYADMIN');
    expect(textOf(blockById(reply?.blocks, SCHEDULES_BLOCKS.intro))).toContain('America/New_York');
    const digestText = textOf(blockById(reply?.blocks, SCHEDULES_BLOCKS.item(digest.id)));
    expect(digestText).toContain('Weekly KPI digest');
    expect(digestText).toContain('Every Monday at 09:00 (Asia/Shanghai)');
    // Monday 09:00 in Shanghai is Sunday evening in New York.
    expect(digestText).toMatch(/Next run: Sun .*, (20|21):00/);
    expect(digestText).toContain('*Failing* — 3 failed runs in a row');
    expect(digestText).toContain('KPI source &lt;down&gt;');
    expect(digestText).toMatch(/Last run: .* — failed/);
    const pausedText = textOf(blockById(reply?.blocks, SCHEDULES_BLOCKS.item(paused.id)));
    expect(pausedText).toContain('*Paused*');
    expect(pausedText).toContain('Monthly on the first Monday at 10:00 (Europe/Berlin)');
    expect(pausedText).toContain('Last run: never');
  });

  it('refuses a non-admin privately, in their language, and audits the refusal', async () => {
    const workspaceId = await demoWorkspaceId();
    const reply = await schedulesAs('U0DEMOALEX'); // not an admin, en
    expect(reply?.text).toContain('Only workspace admins can see schedules');
    expect(JSON.stringify(reply?.blocks ?? [])).not.toContain('schedules.item.');
    const refusals = await file.db.prisma.auditEvent.findMany({
      where: { workspaceId, action: 'authorization.refused', actorSlackId: 'U0DEMOALEX' },
    });
    expect(refusals).toHaveLength(1);
  });

  it('shows the command in help to admins only', async () => {
    file.liaison.slack.reset();
    const sent = await file.liaison.driver.slashCommand({
      command: COMMANDS.liaison,
      text: 'help',
      userId: 'U0DEMOALEX',
      channelId: 'C0GENERAL',
    });
    if (!answeredInAck(sent)) {
      await file.liaison.slack.waitForCall('response_url', (call) => call.args.response_type === 'ephemeral');
    }
    const help = file.liaison.slack.ephemerals('U0DEMOALEX', 'C0GENERAL').at(-1);
    expect(help?.blocks?.length).toBeGreaterThan(0);
    expect(JSON.stringify(help)).not.toContain('/liaison schedules');
  });
});
