import { describe, expect, it } from 'vitest';
import { upcomingOccurrences } from '../../../src/modules/meetings/meeting-occurrence.rules.js';
import type { SeriesTiming } from '../../../src/modules/meetings/meetings.types.js';
import {
  type WorkingCalendar,
  weekendOnlyCalendar,
} from '../../../src/modules/scheduling/working-calendar.types.js';

// Mondays 10:00 in Shanghai (02:00 UTC); the agenda opens 72 h and closes 24 h before.
const timing = (holidayPolicy: SeriesTiming['holidayPolicy']): SeriesTiming => ({
  recurrence: { type: 'weekly', weekdays: [1] },
  timeOfDay: '10:00',
  timeZone: 'Asia/Shanghai',
  durationMinutes: 60,
  agendaOpensHoursBefore: 72,
  agendaClosesHoursBefore: 24,
  holidayPolicy,
});

/** Weekends off, and these dates are public holidays. */
const withHolidays = (...dates: string[]): WorkingCalendar => ({
  dayKind: (date) => (dates.includes(date) ? 'holiday' : weekendOnlyCalendar.dayKind(date)),
});

const after = new Date('2036-12-01T03:00:00Z'); // Monday 1 Dec, after that day's meeting

describe('a joint meeting on a holiday (the series’ holiday policy)', () => {
  it('SKIP: the holiday’s occurrence is dropped; the next is a week later', () => {
    const found = upcomingOccurrences(after, timing('SKIP'), 2, withHolidays('2036-12-08'));
    expect(found.map((o) => [o.plannedOn, o.startsAt.toISOString()])).toEqual([
      ['2036-12-15', '2036-12-15T02:00:00.000Z'],
      ['2036-12-22', '2036-12-22T02:00:00.000Z'],
    ]);
  });

  it('NEXT_WORKING_DAY: moved to the next working day at the same time, agenda window moved with it; planned on the rule’s day', () => {
    const [moved, next] = upcomingOccurrences(
      after,
      timing('NEXT_WORKING_DAY'),
      2,
      withHolidays('2036-12-08'),
    );
    expect(moved).toEqual({
      plannedOn: '2036-12-08',
      startsAt: new Date('2036-12-09T02:00:00Z'),
      endsAt: new Date('2036-12-09T03:00:00Z'),
      opensAt: new Date('2036-12-06T02:00:00Z'),
      closesAt: new Date('2036-12-08T02:00:00Z'),
    });
    expect(next?.plannedOn).toBe('2036-12-15');
  });

  it('NEXT_WORKING_DAY over a run of holidays: moved to the first working day after it; held once when that is the next meeting’s day', () => {
    // Mon 8 – Wed 10 Dec off: moved to Thursday 11.
    const short = withHolidays('2036-12-08', '2036-12-09', '2036-12-10');
    expect(
      upcomingOccurrences(after, timing('NEXT_WORKING_DAY'), 1, short).map((o) => o.startsAt.toISOString()),
    ).toEqual(['2036-12-11T02:00:00.000Z']);
    // Mon 8 – Fri 12 Dec off (a Golden-Week-like run), then the weekend: the next working day
    // is Monday 15, the next meeting's own day — one meeting then, not two at the same time.
    const run = withHolidays('2036-12-08', '2036-12-09', '2036-12-10', '2036-12-11', '2036-12-12');
    const found = upcomingOccurrences(after, timing('NEXT_WORKING_DAY'), 2, run);
    expect(found.map((o) => [o.plannedOn, o.startsAt.toISOString()])).toEqual([
      ['2036-12-15', '2036-12-15T02:00:00.000Z'],
      ['2036-12-22', '2036-12-22T02:00:00.000Z'],
    ]);
  });

  it('a moved occurrence whose rule day is already past is still upcoming until it starts', () => {
    // Tuesday 9 Dec 01:00 UTC: the rule day (Monday 8, a holiday) is past, the moved meeting is not.
    const found = upcomingOccurrences(
      new Date('2036-12-09T01:00:00Z'),
      timing('NEXT_WORKING_DAY'),
      1,
      withHolidays('2036-12-08'),
    );
    expect(found[0]).toMatchObject({ plannedOn: '2036-12-08', startsAt: new Date('2036-12-09T02:00:00Z') });
  });
});
