import { describe, expect, it } from 'vitest';
import { isWorkingTime } from '../../src/modules/calendar/index.js';
import { BLOCKS } from '../../src/slack/ids.js';
import { AWAY_BLOCKS } from '../../src/slack/views/away.view.js';
import { blockById, textOf } from '../harness/blocks.js';
import { calendarLiaisonForThisFile } from './calendar-test-setup.js';

// 02:00 UTC on Tuesday 25 November 2036: still Monday the 24th (21:00) in New York,
// already Tuesday the 25th (10:00) in Shanghai. Not behind real time (see the setup).
const { state, replyTo, personId } = calendarLiaisonForThisFile('2036-11-25T02:00:00Z');
const db = () => state.db.prisma;

async function absencesOf(slackUserId: string) {
  const rows = await db().absence.findMany({
    where: { personId: await personId(slackUserId) },
    orderBy: { startsOn: 'asc' },
    select: { startsOn: true, endsOn: true, reason: true, endedAt: true },
  });
  return rows.map((row) => ({
    from: row.startsOn.toISOString().slice(0, 10),
    to: row.endsOn.toISOString().slice(0, 10),
    reason: row.reason,
    ended: row.endedAt !== null,
  }));
}

describe('/liaison away and /liaison back', () => {
  it('records an absence from today in the person’s own zone, and says so with their dates', async () => {
    const reply = await replyTo('U0DEMOALEX', 'away until 2036-12-05 Family visit');
    expect(textOf(blockById(reply.blocks, AWAY_BLOCKS.result))).toBe(
      'You are away *Mon 24 Nov 2036* – *Fri 5 Dec 2036*. Liaison will not prompt or remind you on those days.\nReason: Family visit',
    );
    expect(await absencesOf('U0DEMOALEX')).toEqual([
      { from: '2036-11-24', to: '2036-12-05', reason: 'Family visit', ended: false },
    ]);
    const audit = await db().auditEvent.findFirst({
      where: { action: 'absence.recorded', actorSlackId: 'U0DEMOALEX' },
    });
    expect(audit?.after).toMatchObject({ from: '2036-11-24', to: '2036-12-05' });
  });

  it('makes the absence count as time off in the person’s working-time profile', async () => {
    const profile = await state.liaison.deps.calendar.calendars.workingTimeProfileFor(
      await personId('U0DEMOALEX'),
    );
    expect(profile.timeZone).toBe('America/New_York');
    expect(isWorkingTime(new Date('2036-12-01T15:00:00Z'), profile)).toBe(false); // Mon 1 Dec, 10:00 in New York
    expect(isWorkingTime(new Date('2036-12-08T15:00:00Z'), profile)).toBe(true);
  });

  it('answers in Chinese with Chinese dates, from Shanghai’s today', async () => {
    const reply = await replyTo('U0DEMOZHANG', 'away 2036-11-27..2036-11-28 出差');
    expect(textOf(blockById(reply.blocks, AWAY_BLOCKS.result))).toBe(
      '已登记请假：*2036年11月27日（周四）* 至 *2036年11月28日（周五）*。这些天 Liaison 不会提醒你。\n原因：出差',
    );
    const today = await replyTo('U0DEMOZHANG', 'away until 2036-11-25');
    expect(textOf(blockById(today.blocks, AWAY_BLOCKS.result))).toContain(
      '*2036年11月25日（周二）* 至 *2036年11月25日（周二）*',
    );
  });

  it('replaces an overlapping absence in one change, and keeps one that does not overlap', async () => {
    const reply = await replyTo('U0DEMOZHANG', 'away 2036-11-28..2036-12-02');
    expect(textOf(blockById(reply.blocks, AWAY_BLOCKS.result))).toContain(
      '这会替换你之前的请假 2036年11月27日（周四） – 2036年11月28日（周五）。',
    );
    expect(await absencesOf('U0DEMOZHANG')).toEqual([
      { from: '2036-11-25', to: '2036-11-25', reason: null, ended: false },
      { from: '2036-11-28', to: '2036-12-02', reason: null, ended: false },
    ]);
    const audit = await db().auditEvent.findFirst({
      where: { action: 'absence.recorded', actorSlackId: 'U0DEMOZHANG' },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit?.before).toMatchObject({
      replaced: [{ from: '2036-11-27', to: '2036-11-28', reason: '出差' }],
    });
  });

  it('refuses past dates, malformed dates and ranges that end before they start, changing nothing', async () => {
    const before = await absencesOf('U0DEMOALEX');
    const past = await replyTo('U0DEMOALEX', 'away until 2036-11-23');
    expect(textOf(blockById(past.blocks, BLOCKS.error.message))).toContain(
      'That date is in the past (today is 2036-11-24)',
    );
    const malformed = await replyTo('U0DEMOALEX', 'away until next-friday');
    expect(textOf(blockById(malformed.blocks, BLOCKS.error.message))).toContain(
      '“next-friday” is not a date',
    );
    const backwards = await replyTo('U0DEMOALEX', 'away 2036-12-10..2036-12-08');
    expect(textOf(blockById(backwards.blocks, BLOCKS.error.message))).toContain(
      'The absence ends (2036-12-08) before it starts (2036-12-10)',
    );
    const zh = await replyTo('U0DEMOZHANG', 'away until 2036-11-24');
    expect(textOf(blockById(zh.blocks, BLOCKS.error.message))).toContain(
      '该日期已经过去（今天是 2036-11-25）',
    );
    expect(await absencesOf('U0DEMOALEX')).toEqual(before);
  });

  it('ends the current absence today when the person is back, and says when there was none', async () => {
    state.clock.set('2036-11-27T15:00:00Z'); // Thursday 27 November, 10:00 in New York
    const reply = await replyTo('U0DEMOALEX', 'back');
    expect(textOf(blockById(reply.blocks, AWAY_BLOCKS.result))).toBe(
      'Welcome back — your absence (Mon 24 Nov 2036 – Fri 5 Dec 2036) ended today.',
    );
    expect(await absencesOf('U0DEMOALEX')).toEqual([
      { from: '2036-11-24', to: '2036-11-26', reason: 'Family visit', ended: true },
    ]);
    expect(
      await db().auditEvent.count({ where: { action: 'absence.ended', actorSlackId: 'U0DEMOALEX' } }),
    ).toBe(1);

    const again = await replyTo('U0DEMOALEX', 'back');
    expect(textOf(blockById(again.blocks, AWAY_BLOCKS.result))).toBe(
      'You were not away today, so there was nothing to end.',
    );
  });

  it('withdraws an absence that starts today when the person is back the same day', async () => {
    await replyTo('U0DEMOPRIYA', 'away until 2036-11-28');
    await replyTo('U0DEMOPRIYA', 'back');
    expect(await absencesOf('U0DEMOPRIYA')).toEqual([]);
    expect(
      await db().auditEvent.count({ where: { action: 'absence.withdrawn', actorSlackId: 'U0DEMOPRIYA' } }),
    ).toBe(1);
  });
});
