import { describe, expect, it } from 'vitest';
import { NOTIFICATION_BLOCKS } from '../../../src/slack/views/notifications.view.js';
import { fixedClock } from '../../fakes/fixed-clock.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { outboxForThisFile, startProcess } from '../delivery/outbox-fixture.js';

const clock = fixedClock('2026-12-01T17:00:00Z');
const file = outboxForThisFile();

const prompt = (person: { id: string }, key: string, extra: { priority?: 'URGENT'; kind?: string } = {}) => ({
  workspaceId: file.demo.workspaceId,
  personId: person.id,
  kind: extra.kind ?? 'action_item.reminder',
  key,
  message: { text: `Check-in ${key}` },
  ...(extra.priority ? { priority: extra.priority } : {}),
});
const dmTexts = (slackUserId: string) =>
  file.slack.messages(file.slack.dmChannelId(slackUserId) ?? 'none').map((m) => m.text);

describe('notify: the budget in front of the outbox', () => {
  it('holds what reaches a Shanghai person at 23:00 and sends ONE zh-CN digest at 08:00', async () => {
    clock.set('2026-12-01T15:00:00Z'); // 23:00 in Shanghai
    const { notifications, worker } = startProcess({ db: file.db, slack: file.slack, clock });
    const first = await notifications.notify(prompt(file.demo.lin, 'okr:1'));
    await notifications.notify(prompt(file.demo.lin, 'okr:2', { kind: 'escalation.update' }));
    expect(first.decision).toMatchObject({ action: 'hold', reason: 'quiet_hours' });
    expect(await worker.drain()).toMatchObject({ sent: 0, released: 0 });
    clock.set('2026-12-01T23:59:00Z'); // 07:59 — still quiet
    expect(await worker.drain()).toMatchObject({ sent: 0 });
    clock.set('2026-12-02T00:00:00Z'); // 08:00
    expect(await worker.drain()).toMatchObject({ sent: 1, released: 2 });
    const [digest] = file.slack.messages(file.slack.dmChannelId('U0DEMOLIN') ?? '');
    expect(digest?.text).toBe('你不在时的 2 条通知');
    const items = textOf(blockById(digest?.blocks, NOTIFICATION_BLOCKS.digestItems));
    expect(items).toContain('Check-in okr:1');
    expect(items).toContain('Check-in okr:2');
    expect(await worker.drain()).toMatchObject({ sent: 0, released: 0 });
  });

  it('caps a person’s day and sends the rest the next local morning', async () => {
    clock.set('2026-12-01T17:00:00Z'); // 12:00 in New York
    await file.db.prisma.person.update({
      where: { id: file.demo.alex.id },
      data: { dailyNotificationCap: 2 },
    });
    const { notifications, worker } = startProcess({ db: file.db, slack: file.slack, clock });
    const decisions = [];
    for (const n of [1, 2, 3])
      decisions.push((await notifications.notify(prompt(file.demo.alex, `cap:${n}`))).decision);
    expect(decisions.map((d) => d.action)).toEqual(['send', 'send', 'hold']);
    expect(decisions[2]).toMatchObject({ reason: 'daily_cap', until: new Date('2026-12-02T13:00:00Z') });
    await worker.drain();
    expect(dmTexts('U0DEMOALEX')).toEqual(['Check-in cap:1', 'Check-in cap:2']);
    clock.set('2026-12-02T13:00:00Z'); // 08:00 New York, next day
    await worker.drain();
    expect(dmTexts('U0DEMOALEX')).toHaveLength(3); // one held item goes out as itself
  });

  it('drops a muted kind, holds during a snooze, and lets urgent through both', async () => {
    clock.set('2026-12-01T17:00:00Z');
    const { notifications, worker } = startProcess({ db: file.db, slack: file.slack, clock });
    const alex = {
      workspaceId: file.demo.workspaceId,
      personId: file.demo.alex.id,
      slackUserId: 'U0DEMOALEX',
      timeZone: 'America/New_York',
    };
    await notifications.settings.mute(alex, 'action_item.reminder');
    await notifications.settings.snoozeAll(alex, '2h');
    const muted = await notifications.notify(prompt(file.demo.alex, 'm:1'));
    const snoozed = await notifications.notify(prompt(file.demo.alex, 's:1', { kind: 'escalation.update' }));
    const urgent = await notifications.notify(prompt(file.demo.alex, 'u:1', { priority: 'URGENT' }));
    expect(muted).toMatchObject({ decision: { action: 'drop' }, delivery: { status: 'CANCELLED' } });
    expect(snoozed).toMatchObject({ decision: { action: 'hold', reason: 'snoozed' } });
    expect(urgent).toMatchObject({ decision: { action: 'send' }, delivery: { status: 'QUEUED' } });
    await worker.drain();
    expect(dmTexts('U0DEMOALEX')).toEqual(['Check-in u:1']);
    clock.advance(2 * 60 * 60_000);
    await worker.drain();
    expect(dmTexts('U0DEMOALEX')).toEqual(['Check-in u:1', 'Check-in s:1']);
  });

  it('puts Snooze and Mute buttons on a notification, in the reader’s language', async () => {
    clock.set('2026-12-01T04:00:00Z'); // noon in Shanghai
    const { notifications, worker } = startProcess({ db: file.db, slack: file.slack, clock });
    await notifications.notify(prompt(file.demo.lin, 'buttons:1'));
    await notifications.notify(prompt(file.demo.lin, 'buttons:1'));
    await worker.drain();
    const [message] = file.slack.messages(file.slack.dmChannelId('U0DEMOLIN') ?? '');
    const controls = blockById(message?.blocks, NOTIFICATION_BLOCKS.controls) as {
      elements: { text: { text: string } }[];
    };
    expect(controls.elements.map((e) => e.text.text)).toEqual(['1 小时后提醒', '静音此类通知']);
    expect(dmTexts('U0DEMOLIN')).toHaveLength(1);
  });
});
