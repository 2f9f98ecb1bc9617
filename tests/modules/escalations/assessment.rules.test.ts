import { describe, expect, it } from 'vitest';
import {
  type AssessedActionItem,
  type AssessedEscalation,
  type AssessedEvent,
  actionItemCounts,
  answeredWithinSla,
  assessDepartments,
  doneOnTime,
  median,
  parseQuarter,
  quarterBounds,
  quarterIsOver,
  quarterKey,
  quarterOf,
  quartersToRecompute,
} from '../../../src/modules/escalations/assessment.rules.js';
import { escalationsTiedTo } from '../../../src/modules/escalations/open-escalations.rules.js';
import { formatMinutes } from '../../../src/slack/views/escalation-report.view.js';

const at = (iso: string) => new Date(iso);

describe('quarters', () => {
  it('reads the quarter in the workspace zone: 31 Dec 17:00 UTC is already Q1 2027 in Shanghai', () => {
    const instant = at('2026-12-31T17:00:00Z');
    expect(quarterKey(quarterOf(instant, 'Asia/Shanghai'))).toBe('2027-Q1');
    expect(quarterKey(quarterOf(instant, 'UTC'))).toBe('2026-Q4');
    expect(quarterKey(quarterOf(at('2026-04-01T03:00:00Z'), 'America/Los_Angeles'))).toBe('2026-Q1');
  });

  it('parses the forms people type, and nothing else', () => {
    const now = at('2026-12-31T17:00:00Z');
    const key = (text: string, zone = 'UTC') => {
      const q = parseQuarter(text, now, zone);
      return q ? quarterKey(q) : null;
    };
    expect(key('')).toBe('2026-Q4');
    expect(key('', 'Asia/Shanghai')).toBe('2027-Q1');
    expect(key('2026-Q3')).toBe('2026-Q3');
    expect(key('2026q2')).toBe('2026-Q2');
    expect(key(' 2025 Q1 ')).toBe('2025-Q1');
    expect(key('Q2')).toBe('2026-Q2');
    expect(key('Q2', 'Asia/Shanghai')).toBe('2027-Q2');
    expect(key('q3 2024')).toBe('2024-Q3');
    expect(key('last')).toBe('2026-Q3');
    expect(key('previous', 'Asia/Shanghai')).toBe('2026-Q4');
    expect(key('上季度')).toBe('2026-Q3');
    expect(key('this')).toBe('2026-Q4');
    for (const bad of ['2026-Q5', 'Q0', 'next', '2026', 'Q4 26', 'report']) expect(key(bad)).toBeNull();
  });

  it('bounds a quarter by midnight in the zone, and knows when it is over', () => {
    const shanghai = quarterBounds({ year: 2026, quarter: 4 }, 'Asia/Shanghai');
    expect(shanghai.start.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(shanghai.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect([shanghai.firstDay, shanghai.lastDay]).toEqual(['2026-10-01', '2026-12-31']);
    const ny = quarterBounds({ year: 2026, quarter: 1 }, 'America/New_York');
    expect(ny.start.toISOString()).toBe('2026-01-01T05:00:00.000Z');
    // DST began on 8 March: April starts at UTC−4.
    expect(ny.end.toISOString()).toBe('2026-04-01T04:00:00.000Z');
    expect(quarterIsOver({ year: 2026, quarter: 4 }, at('2026-12-31T17:00:00Z'), 'Asia/Shanghai')).toBe(true);
    expect(quarterIsOver({ year: 2026, quarter: 4 }, at('2026-12-31T17:00:00Z'), 'UTC')).toBe(false);
  });

  it('recomputes the previous quarter only during the first 7 days of a quarter', () => {
    const keys = (iso: string, zone = 'UTC') => quartersToRecompute(at(iso), zone).map(quarterKey);
    expect(keys('2027-01-03T02:30:00Z')).toEqual(['2027-Q1', '2026-Q4']);
    expect(keys('2027-01-07T23:59:00Z')).toEqual(['2027-Q1', '2026-Q4']);
    expect(keys('2027-01-08T00:00:00Z')).toEqual(['2027-Q1']);
    expect(keys('2026-11-25T02:30:00Z')).toEqual(['2026-Q4']);
    // Still 31 Dec in UTC, already 1 Jan in Shanghai.
    expect(keys('2026-12-31T18:30:00Z', 'Asia/Shanghai')).toEqual(['2027-Q1', '2026-Q4']);
  });
});

describe('figures', () => {
  it('takes the median, averaging the middle two and rounding', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 20, 31, 1000])).toBe(26);
  });

  const ev = (type: string, iso: string, slaDueAt?: string): AssessedEvent => ({
    type,
    at: at(iso),
    slaDueAt: slaDueAt ? at(slaDueAt) : null,
  });

  it('counts an answer within SLA only when the first response came by the first deadline', () => {
    const raised = ev('raised', '2026-10-05T01:00:00Z');
    expect(answeredWithinSla([raised])).toBe(false);
    expect(answeredWithinSla([raised, ev('acknowledge', '2026-10-05T02:00:00Z')])).toBe(true);
    // Answered before the deadline; the breach came later anyway (acknowledging does not stop the clock).
    expect(
      answeredWithinSla([
        raised,
        ev('propose', '2026-10-05T04:00:00Z'),
        ev('sla_breached', '2026-10-05T05:00:30Z', '2026-10-05T05:00:00Z'),
      ]),
    ).toBe(true);
    // After the deadline, even if the scheduler noticed later still.
    expect(
      answeredWithinSla([
        raised,
        ev('acknowledge', '2026-10-05T05:00:10Z'),
        ev('sla_breached', '2026-10-05T05:00:30Z', '2026-10-05T05:00:00Z'),
      ]),
    ).toBe(false);
    // Only the first breach counts: answered at level 2 is not within the level-1 SLA.
    expect(
      answeredWithinSla([
        raised,
        ev('sla_breached', '2026-10-05T05:00:30Z', '2026-10-05T05:00:00Z'),
        ev('resolve', '2026-10-05T06:00:00Z'),
        ev('sla_breached', '2026-10-05T09:00:30Z', '2026-10-05T09:00:00Z'),
      ]),
    ).toBe(false);
  });

  const item = (over: Partial<AssessedActionItem>): AssessedActionItem => ({
    ownerDepartmentId: 'd1',
    ownerDepartmentIds: [],
    dueOn: '2026-11-10',
    status: 'DONE',
    completedAt: at('2026-11-10T15:00:00Z'),
    timeZone: 'Asia/Shanghai',
    ...over,
  });

  it("counts an action item on time until the end of its due day in the owner's zone", () => {
    // 23:59 on the 10th in Shanghai is 15:59 UTC.
    expect(doneOnTime(item({ completedAt: at('2026-11-10T15:59:00Z') }))).toBe(true);
    expect(doneOnTime(item({ completedAt: at('2026-11-10T16:00:00Z') }))).toBe(false);
    expect(doneOnTime(item({ completedAt: at('2026-11-10T16:00:00Z'), timeZone: 'America/New_York' }))).toBe(
      true,
    );
    expect(doneOnTime(item({ status: 'CANCELLED' }))).toBe(false);
    // Not counted before its due day is over, unless done; cancelled never.
    const open = item({ status: 'OPEN', completedAt: null });
    expect(actionItemCounts(open, at('2026-11-10T15:00:00Z'))).toBe(false);
    expect(actionItemCounts(open, at('2026-11-10T16:00:00Z'))).toBe(true);
    expect(actionItemCounts(item({}), at('2026-11-01T00:00:00Z'))).toBe(true);
    expect(actionItemCounts(item({ status: 'CANCELLED' }), at('2026-12-01T00:00:00Z'))).toBe(false);
  });

  it('assesses each department from plain rows', () => {
    const bounds = quarterBounds({ year: 2026, quarter: 4 }, 'UTC');
    const esc = (
      createdAt: string,
      raiser: string,
      counterpart: string,
      events: AssessedEvent[],
      firstDecisionAt: string | null = null,
    ): AssessedEscalation => ({
      createdAt: at(createdAt),
      departments: [
        { departmentId: raiser, role: 'RAISER' },
        { departmentId: counterpart, role: 'COUNTERPART' },
      ],
      events,
      firstDecisionAt: firstDecisionAt ? at(firstDecisionAt) : null,
    });
    const escalations = [
      // A raises against B; B answers in time; decided 1 day 4 hours later.
      esc(
        '2026-10-05T00:00:00Z',
        'A',
        'B',
        [ev('acknowledge', '2026-10-05T01:00:00Z')],
        '2026-10-06T04:00:00Z',
      ),
      // A raises against B; B answers late; decided 5 hours later.
      esc(
        '2026-11-01T00:00:00Z',
        'A',
        'B',
        [
          ev('sla_breached', '2026-11-01T04:01:00Z', '2026-11-01T04:00:00Z'),
          ev('resolve', '2026-11-01T05:00:00Z'),
        ],
        '2026-11-01T05:00:00Z',
      ),
      // B raises against A, unanswered.
      esc('2026-12-20T00:00:00Z', 'B', 'A', []),
      // Raised last quarter, decided in this one: only the median counts it (3 days).
      esc('2026-09-28T00:00:00Z', 'A', 'C', [], '2026-10-01T00:00:00Z'),
      // Raised last quarter and decided then: counts nowhere.
      esc(
        '2026-09-01T00:00:00Z',
        'A',
        'B',
        [ev('acknowledge', '2026-09-01T01:00:00Z')],
        '2026-09-02T00:00:00Z',
      ),
    ];
    const actionItems = [
      item({
        ownerDepartmentId: 'B',
        dueOn: '2026-10-10',
        timeZone: 'UTC',
        completedAt: at('2026-10-10T20:00:00Z'),
      }),
      item({
        ownerDepartmentId: 'B',
        dueOn: '2026-10-11',
        timeZone: 'UTC',
        completedAt: at('2026-10-12T08:00:00Z'),
      }),
      item({ ownerDepartmentId: 'B', dueOn: '2026-11-30', status: 'OVERDUE', completedAt: null }),
      // Due later in the quarter, still open: not counted yet.
      item({ ownerDepartmentId: 'B', dueOn: '2026-12-15', status: 'OPEN', completedAt: null }),
      // No department on the item: the owner's only department.
      item({
        ownerDepartmentId: null,
        ownerDepartmentIds: ['A'],
        dueOn: '2026-10-20',
        completedAt: at('2026-10-20T10:00:00Z'),
      }),
      // Owner in two departments: attributed to neither.
      item({ ownerDepartmentId: null, ownerDepartmentIds: ['A', 'B'], dueOn: '2026-10-20' }),
      // Due next quarter.
      item({ ownerDepartmentId: 'A', dueOn: '2027-01-02' }),
    ];
    const [a, b, c] = assessDepartments({
      departmentIds: ['A', 'B', 'C'],
      bounds,
      escalations,
      actionItems,
      checkIns: [{ departmentId: 'A', asked: 6, answered: 5 }],
      now: at('2026-12-01T00:00:00Z'),
    });
    expect(a).toEqual({
      departmentId: 'A',
      raised: 2,
      received: 1,
      answered: 0,
      answeredWithinSla: 0,
      // 1 d 4 h, 5 h and 3 d.
      medianMinutesToDecision: 28 * 60,
      actionItemsDue: 1,
      actionItemsOnTime: 1,
      checkInsAsked: 6,
      checkInsAnswered: 5,
      // No joint meeting's agenda item: nothing raised, resolved or timed.
      agendaItemsRaised: 0,
      agendaItemsResolved: 0,
      agendaCycleMinutes: null,
      agendaCyclePrevMinutes: null,
    });
    expect(b).toEqual({
      departmentId: 'B',
      raised: 1,
      received: 2,
      answered: 2,
      answeredWithinSla: 1,
      medianMinutesToDecision: (28 * 60 + 5 * 60) / 2,
      actionItemsDue: 3,
      actionItemsOnTime: 1,
      // No check-in round closed for B: 0 of 0.
      checkInsAsked: 0,
      checkInsAnswered: 0,
      // No joint meeting's agenda item: nothing raised, resolved or timed.
      agendaItemsRaised: 0,
      agendaItemsResolved: 0,
      agendaCycleMinutes: null,
      agendaCyclePrevMinutes: null,
    });
    expect(c).toMatchObject({ raised: 0, received: 0, medianMinutesToDecision: 3 * 24 * 60 });
  });
});

describe('formatMinutes', () => {
  it('writes durations the way each reader does', () => {
    expect(formatMinutes(28 * 60, 'en')).toBe('1 d 4 h');
    expect(formatMinutes(28 * 60, 'zh-CN')).toBe('1天4小时');
    expect(formatMinutes(2 * 24 * 60, 'en')).toBe('2 d');
    expect(formatMinutes(200, 'en')).toBe('3 h 20 min');
    expect(formatMinutes(200, 'zh-CN')).toBe('3小时20分钟');
    expect(formatMinutes(45, 'zh-CN')).toBe('45分钟');
    expect(formatMinutes(0, 'en')).toBe('0 min');
  });
});

describe('escalations tied to a person', () => {
  const ladder = [
    { personId: 'lead-a', departmentId: 'A', role: 'LEAD' as const },
    { personId: 'head-a', departmentId: 'A', role: 'HEAD' as const },
    { personId: 'exec-x', departmentId: 'X', role: 'EXECUTIVE' as const },
  ];
  const open = (number: number, over: Partial<Parameters<typeof escalationsTiedTo>[1][number]> = {}) => ({
    id: `e${number}`,
    number,
    title: `t${number}`,
    severity: 'HIGH' as const,
    status: 'OPEN' as const,
    level: 1,
    slaDueAt: at(`2026-12-0${number}T00:00:00Z`),
    raisedByPersonId: 'someone',
    assigneePersonId: null,
    departmentIds: ['A', 'B'],
    ...over,
  });

  it('keeps what they raised, were handed or must act on at the current level, theirs to act on first', () => {
    const candidates = [
      open(1, { raisedByPersonId: 'lead-a' }),
      open(2, { level: 2 }),
      open(3),
      open(4, { level: 3, departmentIds: ['C', 'D'] }),
      open(5, { level: 2, assigneePersonId: 'lead-a' }),
    ];
    const lead = escalationsTiedTo('lead-a', candidates, ladder);
    expect(lead.map((e) => [e.number, e.mustAct])).toEqual([
      [1, true],
      [3, true],
      [5, true],
    ]);
    const raiserOnly = escalationsTiedTo(
      'lead-a',
      [open(2, { level: 2, raisedByPersonId: 'lead-a' })],
      ladder,
    );
    expect(raiserOnly.map((e) => e.mustAct)).toEqual([false]);
    expect(escalationsTiedTo('head-a', candidates, ladder).map((e) => e.number)).toEqual([2, 5]);
    // No executive of C or D: any executive acts at level 3.
    expect(escalationsTiedTo('exec-x', candidates, ladder).map((e) => e.number)).toEqual([4]);
  });
});
