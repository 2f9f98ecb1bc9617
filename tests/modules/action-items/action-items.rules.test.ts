import { describe, expect, it } from 'vitest';
import {
  dueNotice,
  dueOnFrom,
  nextStatus,
  workingDateBefore,
} from '../../../src/modules/action-items/action-items.rules.js';
import {
  chinaHolidays,
  usFederalHolidays,
  type WorkingTimeProfile,
  workingCalendar,
} from '../../../src/modules/calendar/index.js';
import { isDomainError } from '../../../src/modules/shared/domain-error.types.js';

const profile = (timeZone: string, holidays = chinaHolidays): WorkingTimeProfile => ({
  timeZone,
  workStartMinute: 9 * 60,
  workEndMinute: 18 * 60,
  calendar: workingCalendar(holidays),
  absences: [],
});
const zhOwner = profile('Asia/Shanghai');
const usOwner = profile('America/New_York', usFederalHolidays);

describe('due dates in the owner’s working days', () => {
  it('counts 3 working days over National Day and onto the make-up Saturday for a China owner', () => {
    // Wed 30 Sep 2026, 10:00 in Shanghai. 1–7 Oct are holidays; Sat 10 Oct is a make-up workday.
    const now = new Date('2026-09-30T02:00:00Z');
    expect(dueOnFrom({ workingDays: 3 }, now, zhOwner)).toBe('2026-10-10');
    expect(dueOnFrom({ workingDays: 1 }, now, zhOwner)).toBe('2026-10-08');
  });

  it('skips Thanksgiving for a US owner, in the owner’s zone (already Thursday in Shanghai)', () => {
    // Wed 25 Nov 2026, 20:00 in New York = Thu 09:00 in Shanghai.
    const now = new Date('2026-11-26T01:00:00Z');
    expect(dueOnFrom({ workingDays: 2 }, now, usOwner)).toBe('2026-11-30');
    expect(dueOnFrom({ workingDays: 1 }, now, usOwner)).toBe('2026-11-27');
  });

  it('takes a date as given and refuses a date that does not exist or a silly count', () => {
    expect(dueOnFrom({ date: '2026-12-01' }, new Date(), usOwner)).toBe('2026-12-01');
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return isDomainError(error) ? error.code : 'other';
      }
      return 'none';
    };
    expect(codeOf(() => dueOnFrom({ date: '2026-02-30' }, new Date(), usOwner))).toBe('date.no_such_date');
    expect(codeOf(() => dueOnFrom({ workingDays: 0 }, new Date(), usOwner))).toBe(
      'action_item.bad_working_days',
    );
  });
});

describe('status transitions', () => {
  it('closes or re-dates live items only; DONE and CANCELLED are final', () => {
    expect(nextStatus('OPEN', 'complete')).toBe('DONE');
    expect(nextStatus('OVERDUE', 'cancel')).toBe('CANCELLED');
    expect(nextStatus('OVERDUE', 'redate')).toBe('OPEN');
    expect(nextStatus('OPEN', 'mark_overdue')).toBe('OVERDUE');
    expect(nextStatus('OVERDUE', 'mark_overdue')).toBeNull();
    expect(nextStatus('DONE', 'redate')).toBeNull();
    expect(nextStatus('CANCELLED', 'complete')).toBeNull();
  });
});

describe('when the job owes a notice', () => {
  const item = { status: 'OPEN' as const, dueOn: '2026-10-08', remindedAt: null, overdueNotifiedAt: null };

  it('reminds on the owner’s working day before the due date, which National Day pushes back a week', () => {
    expect(workingDateBefore('2026-10-08', zhOwner)).toBe('2026-09-30');
    expect(dueNotice(item, new Date('2026-09-30T02:00:00Z'), zhOwner, true)).toBe('reminder');
    expect(dueNotice(item, new Date('2026-09-29T02:00:00Z'), zhOwner, true)).toBeNull();
    expect(dueNotice(item, new Date('2026-09-30T02:00:00Z'), zhOwner, false)).toBeNull();
    expect(
      dueNotice({ ...item, remindedAt: new Date() }, new Date('2026-09-30T02:00:00Z'), zhOwner, true),
    ).toBeNull();
  });

  it('sends the overdue notice once, after the due date', () => {
    expect(dueNotice(item, new Date('2026-10-08T09:00:00Z'), zhOwner, true)).toBe('reminder');
    expect(dueNotice(item, new Date('2026-10-09T01:00:00Z'), zhOwner, true)).toBe('overdue');
    expect(
      dueNotice({ ...item, overdueNotifiedAt: new Date() }, new Date('2026-10-09T01:00:00Z'), zhOwner, true),
    ).toBeNull();
  });
});
