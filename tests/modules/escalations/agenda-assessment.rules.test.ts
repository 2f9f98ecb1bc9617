import { describe, expect, it } from 'vitest';
import {
  type AssessedAgendaItem,
  assessAgenda,
  cycleChangePercent,
} from '../../../src/modules/escalations/agenda-assessment.rules.js';
import { quarterBounds } from '../../../src/modules/escalations/assessment.rules.js';

const q4 = quarterBounds({ year: 2026, quarter: 4 }, 'UTC');
const q3 = quarterBounds({ year: 2026, quarter: 3 }, 'UTC');
const HOUR = 3_600_000;

let next = 0;
function item(over: Partial<AssessedAgendaItem> & { createdAt: Date }): AssessedAgendaItem {
  next += 1;
  return {
    id: `i${next}`,
    ownerDepartmentId: 'sc',
    source: 'submitted',
    carriedFromItemId: null,
    status: 'OPEN',
    decidedAt: null,
    ...over,
  };
}
const decidedAfter = (
  createdAt: string,
  hours: number,
): Partial<AssessedAgendaItem> & { createdAt: Date } => ({
  createdAt: new Date(createdAt),
  status: 'DECIDED',
  decidedAt: new Date(new Date(createdAt).getTime() + hours * HOUR),
});

describe('agenda figures of the joint assessment', () => {
  it('counts raised and resolved per department and takes the median cycle against the previous quarter', () => {
    const items = [
      item(decidedAfter('2026-10-05T09:00:00Z', 10)),
      item(decidedAfter('2026-10-12T09:00:00Z', 30)),
      item(decidedAfter('2026-11-02T09:00:00Z', 100)),
      item({ createdAt: new Date('2026-11-20T09:00:00Z') }), // still open
      item({ createdAt: new Date('2026-11-21T09:00:00Z'), status: 'WITHDRAWN' }),
      item({ ...decidedAfter('2026-10-06T09:00:00Z', 5), ownerDepartmentId: 'tech' }),
      // Previous quarter: 40 h and 80 h → median 60 h.
      item(decidedAfter('2026-08-03T09:00:00Z', 40)),
      item(decidedAfter('2026-08-10T09:00:00Z', 80)),
    ];
    const figures = assessAgenda({ departmentId: 'sc', items, quarter: q4, previous: q3 });
    expect(figures).toEqual({
      agendaItemsRaised: 4,
      agendaItemsResolved: 3,
      agendaCycleMinutes: 30 * 60,
      agendaCyclePrevMinutes: 60 * 60,
    });
    expect(cycleChangePercent(figures.agendaCycleMinutes, figures.agendaCyclePrevMinutes)).toBe(-50);
  });

  it('measures a carried item from when the issue was first raised, and does not count the copy as raised', () => {
    const first = item({ createdAt: new Date('2026-09-20T09:00:00Z'), status: 'DEFERRED' });
    const second = item({
      createdAt: new Date('2026-09-27T09:00:00Z'),
      source: 'carried',
      carriedFromItemId: first.id,
      status: 'DEFERRED',
    });
    const third = item({
      source: 'carried',
      carriedFromItemId: second.id,
      createdAt: new Date('2026-10-04T09:00:00Z'),
      status: 'DECIDED',
      decidedAt: new Date('2026-10-04T11:00:00Z'),
    });
    const figures = assessAgenda({
      departmentId: 'sc',
      items: [third, second, first],
      quarter: q4,
      previous: q3,
    });
    expect(figures.agendaItemsRaised).toBe(0);
    expect(figures.agendaItemsResolved).toBe(1);
    expect(figures.agendaCycleMinutes).toBe((14 * 24 + 2) * 60);
  });

  it('has no cycle ("—") when nothing was decided, and no change without both quarters', () => {
    const figures = assessAgenda({
      departmentId: 'sc',
      items: [item({ createdAt: new Date('2026-10-05T09:00:00Z') })],
      quarter: q4,
      previous: q3,
    });
    expect(figures).toEqual({
      agendaItemsRaised: 1,
      agendaItemsResolved: 0,
      agendaCycleMinutes: null,
      agendaCyclePrevMinutes: null,
    });
    expect(cycleChangePercent(null, 60)).toBeNull();
    expect(cycleChangePercent(30, null)).toBeNull();
    expect(cycleChangePercent(90, 60)).toBe(50);
  });
});
