import { describe, expect, it } from 'vitest';
import { BLOCKS } from '../../src/slack/ids.js';
import { CALENDAR_BLOCKS } from '../../src/slack/views/calendar.view.js';
import { blockById, textOf, textOfAll } from '../harness/blocks.js';
import { calendarLiaisonForThisFile } from './calendar-test-setup.js';

// Monday 24 November 2036: 10:00 in New York, 23:00 in Shanghai, 16:00 in Berlin. The
// clock must not be behind real time: the receiver refuses requests dated after its clock.
const { state, replyTo } = calendarLiaisonForThisFile('2036-11-24T15:00:00Z');
const db = () => state.db.prisma;

describe('/liaison calendar: which calendar, why, and the next days off', () => {
  it('says when a person follows no calendar', async () => {
    const reply = await replyTo('U0DEMOZHANG', 'calendar');
    expect(textOf(blockById(reply.blocks, CALENDAR_BLOCKS.follows))).toContain('你没有遵循任何节假日日历');
  });

  it('lets a person choose China, stores and audits it, and warns where the official data ends', async () => {
    const chosen = await replyTo('U0DEMOZHANG', 'calendar use cn');
    expect(textOf(blockById(chosen.blocks, CALENDAR_BLOCKS.result))).toBe(
      '从现在起你遵循 *中国法定节假日（含调休） (`cn`)*。',
    );
    const person = await db().person.findFirstOrThrow({
      where: { slackUserId: 'U0DEMOZHANG' },
      select: { id: true, calendar: { select: { key: true, region: true } } },
    });
    expect(person.calendar).toEqual({ key: 'cn', region: 'CN' });
    expect(
      await db().auditEvent.count({ where: { action: 'person.calendar_changed', objectId: person.id } }),
    ).toBe(1);

    const reply = await replyTo('U0DEMOZHANG', 'calendar');
    expect(textOf(blockById(reply.blocks, CALENDAR_BLOCKS.follows))).toContain('由你自己选择');
    const upcoming = textOf(blockById(reply.blocks, CALENDAR_BLOCKS.upcoming)).split('\n');
    expect(upcoming[0]).toContain('2036年11月24日（周一）');
    expect(upcoming[1]).toBe('• 2036年11月29日（周六） — 周末');
    expect(textOf(blockById(reply.blocks, CALENDAR_BLOCKS.source))).toContain('只收录到 2026 年');
  });

  it('refuses a workspace change from a non-admin, changes nothing, and audits the refusal', async () => {
    const reply = await replyTo('U0DEMOALEX', 'calendar default us');
    expect(textOf(blockById(reply.blocks, BLOCKS.error.message))).toContain('Only a workspace admin');
    const workspace = await db().workspace.findFirstOrThrow({ select: { defaultCalendarKey: true } });
    expect(workspace.defaultCalendarKey).toBeNull();
    const refusal = await db().auditEvent.findFirst({
      where: { action: 'authorization.refused', actorSlackId: 'U0DEMOALEX' },
    });
    expect(refusal?.after).toMatchObject({ attempted: 'calendar default us' });
  });

  it('lets an admin set the workspace default, which people without a choice then follow', async () => {
    const set = await replyTo('U0DEMOLIN', 'calendar default us');
    expect(textOf(blockById(set.blocks, CALENDAR_BLOCKS.result))).toContain('美国联邦假日');
    expect(await db().workspace.findFirstOrThrow({ select: { defaultCalendarKey: true } })).toEqual({
      defaultCalendarKey: 'us',
    });
    const reply = await replyTo('U0DEMOALEX', 'calendar');
    expect(textOf(blockById(reply.blocks, CALENDAR_BLOCKS.follows))).toBe(
      'You follow *United States federal holidays (`us`)* — the workspace default.',
    );
    const upcoming = textOf(blockById(reply.blocks, CALENDAR_BLOCKS.upcoming)).split('\n');
    expect(upcoming.slice(1, 3)).toEqual([
      '• Thu 27 Nov 2036 — holiday: Thanksgiving Day',
      '• Sat 29 Nov 2036 — weekend',
    ]);
  });

  it('lets an admin give a department a calendar, which its members follow before the workspace default', async () => {
    const set = await replyTo('U0DEMOLIN', 'calendar department tech cn');
    expect(textOf(blockById(set.blocks, CALENDAR_BLOCKS.result))).toContain('部门「技术」现在遵循');
    const tech = await db().department.findFirstOrThrow({
      where: { key: 'tech' },
      select: { calendar: { select: { key: true } } },
    });
    expect(tech.calendar?.key).toBe('cn');
    const reply = await replyTo('U0DEMOALEX', 'calendar');
    expect(textOf(blockById(reply.blocks, CALENDAR_BLOCKS.follows))).toContain(
      'the calendar of your department Tech',
    );
    expect(textOf(blockById(reply.blocks, CALENDAR_BLOCKS.upcoming))).not.toContain('Thanksgiving');
  });

  it('lets an admin build a custom calendar on a region with holidays and make-up workdays, and remove dates', async () => {
    const added = await replyTo(
      'U0DEMOLIN',
      'calendar add acme 2036-11-28 holiday 年会 Offsite --based-on us',
    );
    const text = textOf(blockById(added.blocks, CALENDAR_BLOCKS.result));
    expect(text).toContain('已创建日历 *`acme`*，基于美国');
    expect(text).toContain('2036年11月28日（周五） 现在是 *`acme`* 的节假日 (年会 Offsite)');
    await replyTo('U0DEMOLIN', 'calendar add acme 2036-11-29 workday Stocktake');
    const acme = await db().calendar.findFirstOrThrow({
      where: { key: 'acme' },
      select: {
        id: true,
        region: true,
        dates: { select: { kind: true, name: true }, orderBy: { date: 'asc' } },
      },
    });
    expect(acme).toMatchObject({
      region: 'US',
      dates: [
        { kind: 'HOLIDAY', name: '年会 Offsite' },
        { kind: 'WORKDAY', name: 'Stocktake' },
      ],
    });

    await replyTo('U0DEMOPRIYA', 'calendar use acme');
    const shown = textOf(
      blockById((await replyTo('U0DEMOPRIYA', 'calendar')).blocks, CALENDAR_BLOCKS.upcoming),
    );
    expect(shown.split('\n').slice(1, 5)).toEqual([
      '• Thu 27 Nov 2036 — holiday: Thanksgiving Day',
      '• Fri 28 Nov 2036 — holiday: 年会 Offsite',
      '• Sat 29 Nov 2036 — *make-up workday* (Stocktake): a working day',
      '• Sun 30 Nov 2036 — weekend',
    ]);

    await replyTo('U0DEMOLIN', 'calendar remove acme 2036-11-28');
    expect(await db().calendarDate.count({ where: { calendarId: acme.id } })).toBe(1);
    expect(
      await db().auditEvent.count({ where: { objectId: acme.id, action: 'calendar.date_removed' } }),
    ).toBe(1);
    const again = textOf(
      blockById((await replyTo('U0DEMOPRIYA', 'calendar')).blocks, CALENDAR_BLOCKS.upcoming),
    );
    expect(again).not.toContain('Offsite');
  });

  it('explains mistakes in the reader’s language', async () => {
    const badDate = await replyTo('U0DEMOLIN', 'calendar add acme 2036-02-30 holiday');
    expect(textOf(blockById(badDate.blocks, BLOCKS.error.message))).toContain('「2036-02-30」不是日期');
    const unknown = await replyTo('U0DEMOALEX', 'calendar use nope');
    expect(textOf(blockById(unknown.blocks, BLOCKS.error.message))).toContain('There is no calendar “nope”');
    const usage = await replyTo('U0DEMOLIN', 'calendar add acme');
    expect(textOf(blockById(usage.blocks, BLOCKS.error.message))).toContain(
      '用法：`/liaison calendar add KEY',
    );
    const department = await replyTo('U0DEMOLIN', 'calendar department nowhere cn');
    expect(textOf(blockById(department.blocks, BLOCKS.error.message))).toContain('没有名为「nowhere」的部门');
  });

  it('lists the calendar commands in help, the admin ones to admins only', async () => {
    const member = textOfAll((await replyTo('U0DEMOALEX', 'help')).blocks, BLOCKS.help.commands);
    expect(member).toContain('/liaison away until YYYY-MM-DD');
    expect(member).toContain('/liaison calendar use');
    expect(member).not.toContain('/liaison calendar add');
    const admin = textOfAll((await replyTo('U0DEMOLIN', 'help')).blocks, BLOCKS.help.commands);
    expect(admin).toContain('/liaison calendar add KEY');
    expect(admin).toContain('/liaison calendar department');
  });

  it('created the built-in calendars once for the workspace', async () => {
    expect(await db().calendar.count({ where: { key: { in: ['cn', 'us'] } } })).toBe(2);
    expect(await db().auditEvent.count({ where: { action: 'calendar.created', actorSlackId: null } })).toBe(
      2,
    );
  });
});
