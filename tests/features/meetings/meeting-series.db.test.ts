import { describe, expect, it } from 'vitest';
import { MEETING_NEW_FIELDS as F, MEETING_NEW_VIEW } from '../../../src/features/meetings/meetings.ids.js';
import { meetingsLiaisonForThisFile } from './meetings-setup.js';

// Monday 1 December 2036, 10:00 in Shanghai; weekends are the only days off.
const t = meetingsLiaisonForThisFile('2036-12-01T02:00:00Z');

describe('/meeting new', () => {
  it('opens a modal with every department, in the person’s language', async () => {
    const { modal } = await t.createSeries('U0DEMOZHANG', { [F.title]: t.text('') });
    expect(modal.callback_id).toBe(MEETING_NEW_VIEW);
    const departments = (
      modal.blocks as { block_id: string; element: { options?: { text: { text: string } }[] } }[]
    ).find((b) => b.block_id === F.departments)?.element.options;
    expect(departments).toHaveLength(12);
    expect(departments?.map((o) => o.text.text)).toContain('供应链');
  });

  it('refuses bad fields under the field, in the person’s language, and stores nothing', async () => {
    const noTitle = await t.createSeries('U0DEMOZHANG', { [F.title]: t.text('  ') });
    expect(noTitle.errors?.[F.title]).toBe('请填写会议名称（最多 150 个字符）。');
    const cutoff = await t.createSeries('U0DEMOALEX', { [F.closes]: t.text('80') });
    expect(cutoff.errors?.[F.closes]).toContain('The cut-off must come after collection opens');
    const noWeekday = await t.createSeries('U0DEMOALEX', { [F.weekday]: t.select(null) });
    expect(noWeekday.errors?.[F.recurrence]).toContain('Choose how often it meets');
    const zone = await t.createSeries('U0DEMOALEX', { [F.timeZone]: t.text('Mars/Olympus') });
    expect(zone.errors?.[F.timeZone]).toContain('Asia/Shanghai');
    const one = await t.createSeries('U0DEMOALEX', {
      [F.departments]: t.multi([await t.departmentId('tech')]),
    });
    expect(one.errors?.[F.departments]).toBe('Choose at least two departments.');
    expect(await t.db().meetingSeries.count()).toBe(0);
  });

  it('refuses someone who leads none of the departments taking part', async () => {
    const { errors } = await t.createSeries('U0DEMOSAM');
    expect(errors?.[F.departments]).toContain('you must be an admin or lead one of the departments');
    expect(await t.db().meetingSeries.count()).toBe(0);
  });

  it('sets the series up for a lead taking part: stored, audited, next occurrence told', async () => {
    const { errors, reply } = await t.createSeries('U0DEMOALEX');
    expect(errors).toBeUndefined();
    expect(reply?.text).toBe(
      '*MTG-1* “Launch sync 新品联席会” is set up: every Monday at 10:00 (Asia/Shanghai). Next: Mon 8 Dec 2036, 10:00 (Asia/Shanghai). Leads get a DM 72 hours before to collect agenda items; the agenda goes to <#C0LAUNCH> 24 hours before.',
    );
    const series = await t.db().meetingSeries.findFirstOrThrow({ include: { departments: true } });
    expect(series).toMatchObject({
      number: 1,
      recurrence: { type: 'weekly', weekdays: [1] },
      timeOfDay: '10:00',
      timeZone: 'Asia/Shanghai',
      channelId: 'C0LAUNCH',
      holidayPolicy: 'NEXT_WORKING_DAY',
    });
    expect(series.departments).toHaveLength(3);
    const alex = await t.personId('U0DEMOALEX');
    expect(series.facilitatorPersonId).toBe(alex);
    const audit = await t.db().auditEvent.findFirstOrThrow({ where: { action: 'meeting.series_created' } });
    expect(audit.actorSlackId).toBe('U0DEMOALEX');
  });
});

describe('/meeting list, skip, cancel', () => {
  it('lists the series with its next occurrence', async () => {
    const reply = await t.meeting('U0DEMOSAM', 'list');
    expect(reply.text).toBe('*Joint meetings* (1)');
    const line = JSON.stringify(reply.blocks);
    expect(line).toContain('*MTG-1* Launch sync 新品联席会 — every Monday at 10:00 (Asia/Shanghai)');
    expect(line).toContain('Next: Mon 8 Dec 2036, 10:00 (Asia/Shanghai)');
  });

  it('refuses a skip from someone who does not run the meeting, and an unknown date', async () => {
    expect((await t.meeting('U0DEMOSAM', 'skip MTG-1 2036-12-08')).text).toBe(
      'Only an admin, the facilitator, or a lead of a department taking part in MTG-1 can change it. Nothing was changed.',
    );
    expect((await t.meeting('U0DEMOALEX', 'skip MTG-1 2036-12-09')).text).toBe(
      'MTG-1 does not meet on 2036-12-09 (give the date as YYYY-MM-DD, in the meeting’s time zone).',
    );
    expect((await t.meeting('U0DEMOALEX', 'skip MTG-9 2036-12-08')).text).toContain(
      'no active meeting MTG-9',
    );
    expect(await t.db().meeting.count()).toBe(0);
  });

  it('skips one date for a lead taking part; the next occurrence moves on', async () => {
    expect((await t.meeting('U0DEMOPRIYA', 'skip mtg-1 2036-12-08')).text).toBe(
      'MTG-1 on 2036-12-08 is skipped. The next occurrence is unchanged.',
    );
    const row = await t.db().meeting.findFirstOrThrow();
    expect(row).toMatchObject({ plannedOn: '2036-12-08', status: 'SKIPPED' });
    expect(JSON.stringify((await t.meeting('U0DEMOSAM', 'list')).blocks)).toContain(
      'Next: Mon 15 Dec 2036, 10:00 (Asia/Shanghai)',
    );
  });

  it('answers bad usage with the usage, in the person’s language', async () => {
    expect((await t.meeting('U0DEMOZHANG', 'frobnicate')).text).toContain('用法：`/meeting new`');
  });

  it('cancels the series', async () => {
    expect((await t.meeting('U0DEMOZHANG', 'cancel MTG-1')).text).toBe(
      'MTG-1「Launch sync 新品联席会」已取消：不再征集议题、发布议程或纪要。',
    );
    expect((await t.meeting('U0DEMOSAM', 'list')).text).toBe(
      'No joint meetings yet. `/meeting new` sets one up.',
    );
  });
});
