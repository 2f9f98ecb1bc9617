import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createPacedSlackSender } from '../../src/slack/delivery/paced-slack-sender.js';
import { SLACK_FLOOR_RATES, scaleRates } from '../../src/slack/delivery/rate-floors.js';
import { createBulkClient } from '../../src/slack/delivery/slack-clients.js';
import { COMMANDS, NOTIFICATION_ACTIONS } from '../../src/slack/ids.js';
import { NOTIFICATION_BLOCKS } from '../../src/slack/views/notifications.view.js';
import { buildDeliveryWorker } from '../../src/wiring/notifications.wiring.js';
import { blockById, textOf } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';
import { silent } from '../modules/delivery/outbox-fixture.js';

const file = liaisonForThisFile({ seedDemo: true });

async function command(userId: string, text: string) {
  const slack = file.liaison.slack;
  const before = slack.ephemerals(userId).length;
  await file.liaison.driver.slashCommand({ command: COMMANDS.liaison, text, userId, channelId: 'C0GENERAL' });
  await slack.waitForCall('response_url', () => slack.ephemerals(userId).length > before, 5_000);
  return slack.ephemerals(userId).at(-1);
}

async function personId(slackUserId: string) {
  const person = await file.db.prisma.person.findFirst({
    where: { slackUserId },
    select: { id: true, workspaceId: true },
  });
  if (!person) throw new Error(`no ${slackUserId}`);
  return person;
}

describe('/liaison notifications, quiet, mute, unmute, snooze', () => {
  it('shows the defaults in the person’s language and zone', async () => {
    const reply = await command('U0DEMOLIN', 'notifications');
    const fields = textOf(blockById(reply?.blocks, NOTIFICATION_BLOCKS.settings));
    expect(fields).toContain('21:00–08:00（Asia/Shanghai，默认设置）');
    expect(fields).toContain('每天 10 条');
  });

  it('sets and turns off quiet hours', async () => {
    expect((await command('U0DEMOALEX', 'quiet 21:30-07:15'))?.text).toBe(
      'Quiet hours set: 21:30–07:15 (America/New_York). What arrives then waits for one summary.',
    );
    const shown = textOf(
      blockById((await command('U0DEMOALEX', 'notifications'))?.blocks, NOTIFICATION_BLOCKS.settings),
    );
    expect(shown).toContain('21:30–07:15 (America/New_York)');
    expect((await command('U0DEMOALEX', 'quiet off'))?.text).toContain('Quiet hours are off');
    expect((await command('U0DEMOALEX', 'quiet late'))?.text).toContain('/liaison quiet 21:30-08:00');
  });

  it('mutes and unmutes known kinds, and lists the kinds when it does not know one', async () => {
    expect((await command('U0DEMOLIN', 'mute frobnicate'))?.text).toContain(
      '没有名为 `frobnicate` 的通知类型',
    );
    const kinds = (await command('U0DEMOLIN', 'mute frobnicate'))?.text;
    expect(kinds).toContain('`escalation.update`');
    expect(kinds).toContain('`meeting.agenda_request`');
    // Only kinds a feature that exists today sends: no check-ins or KPIs yet.
    expect(kinds).not.toMatch(/checkin\.|kpi\./);
    expect((await command('U0DEMOLIN', 'mute action_item.reminder'))?.text).toContain(
      '已静音 `action_item.reminder`',
    );
    const shown = textOf(
      blockById((await command('U0DEMOLIN', 'notifications'))?.blocks, NOTIFICATION_BLOCKS.settings),
    );
    expect(shown).toContain('`action_item.reminder`');
    expect((await command('U0DEMOLIN', 'unmute action_item.reminder'))?.text).toContain('已重新打开');
    expect((await command('U0DEMOLIN', 'unmute action_item.reminder'))?.text).toContain('本来就没有静音');
  });

  it('snoozes everything and refuses what it cannot read', async () => {
    expect((await command('U0DEMOALEX', 'snooze 2h'))?.text).toMatch(
      // Today: the time; another day (late evening in the reader's zone): the day too.
      /^Snoozed until (\d\d:\d\d|\w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d)\./,
    );
    expect((await command('U0DEMOALEX', 'snooze whenever'))?.text).toContain('/liaison snooze 30m');
    const shown = textOf(
      blockById((await command('U0DEMOALEX', 'notifications'))?.blocks, NOTIFICATION_BLOCKS.settings),
    );
    expect(shown).toContain('everything until');
    await file.db.prisma.notificationSnooze.deleteMany();
  });

  it('lists the commands in /liaison help', async () => {
    const reply = await command('U0DEMOALEX', 'help');
    expect(JSON.stringify(reply?.blocks)).toContain('/liaison snooze');
  });
});

describe('the buttons on a notification', () => {
  it('"Snooze 1 hour" and "Mute this kind" record the choice and replace the buttons', async () => {
    const { slack, deps } = file.liaison;
    await command('U0DEMOALEX', 'quiet off'); // whatever the wall clock says, send now
    const alex = await personId('U0DEMOALEX');
    const { notify, releaseHeld } = deps.notifications;
    await notify({
      workspaceId: alex.workspaceId,
      personId: alex.id,
      kind: 'meeting.reminder',
      key: 'btn:1',
      message: { text: 'Joint meeting at 10:00' },
    });
    await notify({
      workspaceId: alex.workspaceId,
      personId: alex.id,
      kind: 'checkin.prompt',
      key: 'btn:2',
      message: { text: 'Check in on KR 2' },
    });
    const worker = buildDeliveryWorker({
      db: file.db,
      clock: deps.clock,
      logger: silent,
      sender: createPacedSlackSender({
        client: createBulkClient({ token: slack.botToken, apiUrl: slack.url }),
        rates: scaleRates(SLACK_FLOOR_RATES, 20),
      }),
      notifications: { releaseHeld },
    });
    await worker.drain();
    const channelId = slack.dmChannelId('U0DEMOALEX') ?? '';
    const [meeting, checkin] = slack.messages(channelId);
    const press = async (message: typeof meeting, actionId: string) => {
      const controls = blockById(message?.blocks, NOTIFICATION_BLOCKS.controls) as {
        elements: { action_id: string; value: string }[];
      };
      const button = controls.elements.find((e) => e.action_id === actionId);
      const replaced = () =>
        slack.callsTo('response_url').filter((c) => c.args.replace_original === true).length;
      const before = replaced();
      await file.liaison.driver.blockActions({
        userId: 'U0DEMOALEX',
        channelId,
        message: message ?? { ts: '0' },
        actions: [
          { action_id: actionId, block_id: NOTIFICATION_BLOCKS.controls, value: button?.value ?? '' },
        ],
      });
      await slack.waitForCall('response_url', () => replaced() > before, 5_000);
    };

    await press(meeting, NOTIFICATION_ACTIONS.snoozeHour);
    const snoozedMessage = slack.messages(channelId)[0];
    expect(textOf(blockById(snoozedMessage?.blocks, NOTIFICATION_BLOCKS.outcome))).toMatch(/Snoozed until/);
    expect(() => blockById(snoozedMessage?.blocks, NOTIFICATION_BLOCKS.controls)).toThrow();
    expect(
      await file.db.prisma.notificationSnooze.findMany({
        where: { personId: alex.id },
        select: { kind: true },
      }),
    ).toEqual([{ kind: 'meeting.reminder' }]);
    expect(
      await file.db.prisma.delivery.findFirst({ where: { key: 'btn:1:snoozed' }, select: { status: true } }),
    ).toEqual({
      status: 'HELD',
    });

    await press(checkin, NOTIFICATION_ACTIONS.muteKind);
    expect(textOf(blockById(slack.messages(channelId)[1]?.blocks, NOTIFICATION_BLOCKS.outcome))).toContain(
      'Muted `checkin.prompt`',
    );
    expect(
      await file.db.prisma.notificationMute.count({ where: { personId: alex.id, kind: 'checkin.prompt' } }),
    ).toBe(1);
  });
});

describe('out of office', () => {
  it('holds a person’s notifications while they are away, and lets them through once they are back', async () => {
    const { deps } = file.liaison;
    const today = DateTime.fromJSDate(deps.clock.now(), { zone: 'America/New_York' });
    const lastDay = today.plus({ days: 2 }).toISODate() ?? '';
    await command('U0DEMOALEX', `away until ${lastDay}`);
    const alex = await personId('U0DEMOALEX');
    const held = await deps.notifications.notify({
      workspaceId: alex.workspaceId,
      personId: alex.id,
      kind: 'meeting.reminder',
      key: 'away:1',
      message: { text: 'Joint meeting tomorrow' },
    });
    expect(held.decision).toMatchObject({ action: 'hold', reason: 'away' });
    const row = await file.db.prisma.delivery.findFirstOrThrow({ where: { key: 'away:1' } });
    expect(row.status).toBe('HELD');
    const firstDayBack = DateTime.fromISO(lastDay, { zone: 'America/New_York' })
      .plus({ days: 1 })
      .startOf('day');
    expect(row.notBefore.getTime()).toBeGreaterThanOrEqual(firstDayBack.toMillis());

    await command('U0DEMOALEX', 'back');
    const after = await deps.notifications.notify({
      workspaceId: alex.workspaceId,
      personId: alex.id,
      kind: 'meeting.reminder',
      key: 'away:2',
      message: { text: 'Joint meeting moved' },
    });
    expect(after.decision).not.toMatchObject({ reason: 'away' });
  });
});
