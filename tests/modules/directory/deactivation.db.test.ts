import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../src/modules/demo/demo.data.js';
import type { SlackProfile } from '../../../src/modules/people/person.types.js';
import { fixedClock } from '../../fakes/fixed-clock.js';
import { openTestDatabase, type TestDatabase } from '../../harness/test-database.js';
import { seedDemo } from '../delivery/outbox-fixture.js';
import { directoryOn, listPager } from './directory-fixture.js';

let db: TestDatabase;
let demo: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  db = await openTestDatabase();
  demo = await seedDemo(db);
});
afterAll(async () => {
  await db?.close();
});

// 01:00 UTC: 09:00 in Shanghai, 20:00 in New York — nobody's quiet hours.
const clock = fixedClock('2026-12-01T01:00:00Z');

/** The demo people as users.list lists them, with some changed. */
function slackDirectory(changes: Record<string, Partial<SlackProfile>> = {}): SlackProfile[] {
  return DEMO_PEOPLE.map(({ memberships: _m, calendarKey: _c, ...profile }) => ({
    ...profile,
    ...changes[profile.slackUserId],
  }));
}

async function person(slackUserId: string) {
  return db.prisma.person.findFirstOrThrow({
    where: { slackUserId },
    select: { id: true, active: true, deactivatedAt: true },
  });
}

async function flagsTo(slackUserId: string) {
  const recipient = await person(slackUserId);
  return db.prisma.delivery.findMany({
    where: { recipientPersonId: recipient.id, kind: 'directory.deactivated' },
    select: { key: true, status: true, payload: true },
    orderBy: { key: 'asc' },
  });
}

function textOf(payload: unknown): string {
  const message = payload as { text: string; blocks?: { text?: { text?: string } }[] };
  return [message.text, ...(message.blocks ?? []).map((b) => b.text?.text ?? '')].join('\n');
}

describe('a person deactivated in Slack', () => {
  it('becomes inactive, their waiting messages are cancelled, and their leads are told in their own language', async () => {
    const { service, notifications } = directoryOn(db, clock);
    const sam = await person('U0DEMOSAM');
    // Alex also leads Customer Service, Sam's department; Zhang leads Supply Chain alone.
    const customerService = await db.prisma.department.findFirstOrThrow({
      where: { key: 'customer-service' },
    });
    await db.prisma.membership.create({
      data: { personId: demo.alex.id, departmentId: customerService.id, role: 'LEAD' },
    });
    await notifications.notify({
      workspaceId: demo.workspaceId,
      personId: sam.id,
      kind: 'checkin.prompt',
      key: 'before:queued',
      message: { text: 'Check in on KR 1' },
    });
    await db.prisma.delivery.createMany({
      data: [
        {
          workspaceId: demo.workspaceId,
          key: 'before:held',
          kind: 'meeting.reminder',
          recipientPersonId: sam.id,
          payload: { text: 'held' },
          status: 'HELD',
        },
        {
          workspaceId: demo.workspaceId,
          key: 'before:sent',
          kind: 'meeting.reminder',
          recipientPersonId: sam.id,
          payload: { text: 'sent' },
          status: 'SENT',
        },
      ],
    });

    const directory = slackDirectory({ U0DEMOSAM: { deleted: true }, U0DEMOZHANG: { deleted: true } });
    const outcome = await service.run(
      (await service.begin(demo.workspaceId)).run,
      listPager(directory, 4).pager,
    );

    expect(outcome).toMatchObject({ kind: 'finished', flagged: 2, run: { deactivated: 2, created: 0 } });
    expect(await person('U0DEMOSAM')).toMatchObject({ active: false, deactivatedAt: clock.now() });
    const statuses = await db.prisma.delivery.findMany({
      where: { key: { startsWith: 'before:' } },
      select: { key: true, status: true, lastError: true },
      orderBy: { key: 'asc' },
    });
    expect(statuses).toEqual([
      { key: 'before:held', status: 'CANCELLED', lastError: 'recipient_deactivated' },
      { key: 'before:queued', status: 'CANCELLED', lastError: 'recipient_deactivated' },
      { key: 'before:sent', status: 'SENT', lastError: null },
    ]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { objectId: sam.id, action: 'person.deactivated' },
      select: { before: true, after: true, actorSlackId: true },
    });
    expect(audit.before).toEqual({ active: true, deactivatedAt: null });
    expect(audit.after).toMatchObject({ active: false, deactivatedAt: '2026-12-01T01:00:00.000Z' });

    // Alex (en-US) leads Sam's department.
    const [toAlex, ...moreToAlex] = await flagsTo('U0DEMOALEX');
    expect(moreToAlex).toHaveLength(0);
    expect(toAlex?.status).toBe('QUEUED');
    const english = textOf(toAlex?.payload);
    expect(english).toContain('*Sam Taylor* was deactivated in Slack. They were member of Customer Service.');
    expect(english).toContain('Open items:\n• 2 Liaison messages waiting for them were cancelled');

    // Zhang was Supply Chain's only lead and has no lead in Logistics: the admin (林伟, zh-CN) hears.
    const [toLin] = await flagsTo('U0DEMOLIN');
    const chinese = textOf(toLin?.payload);
    expect(chinese).toContain(
      '*张敏 Zhang Min* 已在 Slack 中被停用。TA 曾是仓储物流的成员、供应链的负责人。',
    );
    expect(chinese).toContain('未完成事项：\n• 供应链目前没有负责人 — TA 曾是该部门负责人');
  });

  it('gets nothing from notify any more, urgent or not', async () => {
    const { notifications } = directoryOn(db, clock);
    const sam = await person('U0DEMOSAM');
    for (const priority of ['NORMAL', 'URGENT'] as const) {
      const result = await notifications.notify({
        workspaceId: demo.workspaceId,
        personId: sam.id,
        kind: 'escalation.update',
        key: `after:${priority}`,
        message: { text: 'Escalation moved' },
        priority,
      });
      expect(result.decision).toEqual({ action: 'drop', reason: 'inactive' });
      expect(result.delivery.status).toBe('CANCELLED');
    }
  });

  it('is flagged once however often Slack repeats it, and reactivated (audited) when Slack says so', async () => {
    const { service } = directoryOn(db, clock);
    clock.advance(60 * 60_000);
    const directory = slackDirectory({ U0DEMOSAM: { deleted: true }, U0DEMOZHANG: { deleted: true } });
    const again = await service.run(
      (await service.begin(demo.workspaceId)).run,
      listPager(directory, 10).pager,
    );
    expect(again).toMatchObject({ kind: 'finished', flagged: 0, run: { deactivated: 0, updated: 0 } });
    const samGone = directory.find((p) => p.slackUserId === 'U0DEMOSAM') as SlackProfile;
    expect(await service.applyProfile(demo.workspaceId, samGone)).toBe('unchanged');
    expect(await flagsTo('U0DEMOALEX')).toHaveLength(1);

    const samBack = slackDirectory().find((p) => p.slackUserId === 'U0DEMOSAM') as SlackProfile;
    expect(await service.applyProfile(demo.workspaceId, samBack)).toBe('reactivated');
    const sam = await person('U0DEMOSAM');
    expect(sam).toMatchObject({ active: true, deactivatedAt: null });
    const reactivated = await db.prisma.auditEvent.findFirstOrThrow({
      where: { objectId: sam.id, action: 'person.reactivated' },
      select: { before: true, after: true },
    });
    expect(reactivated.after).toEqual({ active: true, deactivatedAt: null });
  });

  it('skips bots pushed by Slack', async () => {
    const { service } = directoryOn(db, clock);
    const bot = { ...slackDirectory()[0], slackUserId: 'B0SOMEAPP', isBot: true } as SlackProfile;
    expect(await service.applyProfile(demo.workspaceId, bot)).toBe('skipped');
    expect(await db.prisma.person.count({ where: { slackUserId: 'B0SOMEAPP' } })).toBe(0);
  });
});
