import { describe, expect, it } from 'vitest';
import type { AccessSubject } from '../../../src/modules/access/access.types.js';
import {
  chinaHolidays,
  noHolidays,
  type WorkingTimeProfile,
  workingCalendar,
} from '../../../src/modules/calendar/index.js';
import {
  DEFAULT_ESCALATION_POLICY,
  policyFrom,
} from '../../../src/modules/escalations/escalation-policy.rules.js';
import {
  landingLevel,
  marksForMeetingOnBreach,
  mayAct,
  ownerDepartmentFor,
  type PermissionContext,
  peopleAtLevel,
  slaDeadline,
  transition,
} from '../../../src/modules/escalations/escalations.rules.js';
import type {
  EscalationAction,
  EscalationStatus,
  LadderMember,
} from '../../../src/modules/escalations/escalations.types.js';
import { isDomainError } from '../../../src/modules/shared/domain-error.types.js';

const nineToSix = { workStartMinute: 540, workEndMinute: 1080, absences: [] };
const shanghaiLead: WorkingTimeProfile = {
  ...nineToSix,
  timeZone: 'Asia/Shanghai',
  calendar: workingCalendar(chinaHolidays),
};
const berlinLead: WorkingTimeProfile = {
  ...nineToSix,
  timeZone: 'Europe/Berlin',
  calendar: workingCalendar(noHolidays),
};
const at = (iso: string) => new Date(iso);

const ladder: LadderMember[] = [
  { personId: 'lin', departmentId: 'liveops', role: 'LEAD' },
  { personId: 'zhang', departmentId: 'supply', role: 'LEAD' },
  { personId: 'head-supply', departmentId: 'supply', role: 'HEAD' },
  { personId: 'chen', departmentId: 'liveops', role: 'EXECUTIVE' },
  { personId: 'ceo', departmentId: 'board', role: 'EXECUTIVE' },
];

describe('the ladder', () => {
  it('puts leads at 1, heads at 2, executives of the departments at 3, else any executive', () => {
    expect(peopleAtLevel(1, ['liveops', 'supply'], ladder).sort()).toEqual(['lin', 'zhang']);
    expect(peopleAtLevel(2, ['liveops', 'supply'], ladder)).toEqual(['head-supply']);
    expect(peopleAtLevel(3, ['liveops', 'supply'], ladder)).toEqual(['chen']);
    expect(peopleAtLevel(3, ['supply', 'tech'], ladder).sort()).toEqual(['ceo', 'chen']);
  });

  it('skips a level with nobody and stays at the top', () => {
    // tech + marketing have no leads and no heads: straight to an executive.
    expect(landingLevel(1, 3, ['tech', 'marketing'], ladder)).toEqual({ level: 3, people: ['chen', 'ceo'] });
    expect(landingLevel(2, 3, ['liveops', 'tech'], ladder).level).toBe(3);
    expect(landingLevel(4, 3, ['liveops', 'supply'], ladder)).toEqual({ level: 3, people: ['chen'] });
    expect(landingLevel(2, 3, ['x', 'y'], [])).toEqual({ level: 3, people: [] });
  });
});

describe('SLA deadlines', () => {
  it('counts a normal escalation in 2 working days of the zh lead, across National Day 2026', () => {
    // Wed 30 Sep 2026 15:00 Shanghai; 1–7 Oct is the holiday, Sat 10 Oct a make-up workday.
    const due = slaDeadline(DEFAULT_ESCALATION_POLICY, 'NORMAL', at('2026-09-30T15:00:00+08:00'), [
      shanghaiLead,
    ]);
    expect(due).toEqual(at('2026-10-09T15:00:00+08:00'));
  });

  it('counts 2 working days from the next working moment when raised on a Sunday or before opening', () => {
    // Sunday 22 Nov 11:30 and Monday 23 Nov 08:00 Shanghai both start at Monday 09:00.
    for (const raised of ['2026-11-22T11:30:00+08:00', '2026-11-23T08:00:00+08:00'])
      expect(slaDeadline(DEFAULT_ESCALATION_POLICY, 'NORMAL', at(raised), [shanghaiLead])).toEqual(
        at('2026-11-25T09:00:00+08:00'),
      );
  });

  it('counts 4 working hours across a weekend and takes the earliest among the level', () => {
    // Friday 16:00 Shanghai: 2 h Friday, 2 h Monday → Monday 11:00 Shanghai (03:00Z).
    const from = at('2026-11-20T16:00:00+08:00');
    expect(slaDeadline(DEFAULT_ESCALATION_POLICY, 'HIGH', from, [shanghaiLead])).toEqual(
      at('2026-11-23T11:00:00+08:00'),
    );
    // The Berlin lead is at work Friday 09:00–13:00 Berlin (08:00–12:00Z): due Friday 12:00Z.
    expect(slaDeadline(DEFAULT_ESCALATION_POLICY, 'HIGH', from, [shanghaiLead, berlinLead])).toEqual(
      at('2026-11-20T12:00:00Z'),
    );
  });

  it('gives urgent one hour of wall-clock time, night, weekend or holiday', () => {
    const saturdayNight = at('2026-10-03T02:30:00+08:00');
    expect(slaDeadline(DEFAULT_ESCALATION_POLICY, 'URGENT', saturdayNight, [shanghaiLead])).toEqual(
      at('2026-10-03T03:30:00+08:00'),
    );
  });

  it('reads a workspace policy over the defaults and ignores an invalid one', () => {
    const policy = policyFrom({
      sla: { NORMAL: { unit: 'working-hours', amount: 8 } },
      urgentRepingMinutes: 10,
    });
    expect(policy.sla.NORMAL).toEqual({ unit: 'working-hours', amount: 8 });
    expect(policy.sla.URGENT).toEqual({ unit: 'wall-minutes', amount: 60 });
    expect(policy.urgentRepingMinutes).toBe(10);
    expect(policyFrom({ sla: { NORMAL: { unit: 'fortnights', amount: 1 } } })).toBe(
      DEFAULT_ESCALATION_POLICY,
    );
  });
});

describe('the transition table', () => {
  const table: [EscalationStatus, EscalationAction, EscalationStatus | 'refused'][] = [
    ['OPEN', 'acknowledge', 'ACKNOWLEDGED'],
    ['ACKNOWLEDGED', 'acknowledge', 'refused'],
    ['ACKNOWLEDGED', 'propose', 'PROPOSED'],
    ['OPEN', 'accept', 'refused'],
    ['PROPOSED', 'accept', 'RESOLVED'],
    ['PROPOSED', 'reject', 'ACKNOWLEDGED'],
    ['ACKNOWLEDGED', 'escalate', 'OPEN'],
    ['PROPOSED', 'breach', 'PROPOSED'],
    ['OPEN', 'resolve', 'RESOLVED'],
    ['RESOLVED', 'resolve', 'refused'],
    ['RESOLVED', 'breach', 'refused'],
    ['RESOLVED', 'reopen', 'OPEN'],
    ['OPEN', 'reopen', 'refused'],
    ['ACKNOWLEDGED', 'reassign', 'ACKNOWLEDGED'],
  ];
  it.each(table)('%s × %s → %s', (status, action, expected) => {
    if (expected === 'refused') {
      let error: unknown;
      try {
        transition(status, action);
      } catch (caught) {
        error = caught;
      }
      expect(isDomainError(error) && error.userMessage.key).toBe(
        `escalations.errors.invalidTransition.${status}`,
      );
    } else {
      expect(transition(status, action)).toBe(expected);
    }
  });

  it('marks high and urgent escalations for the meeting only when level 1 is missed', () => {
    expect(marksForMeetingOnBreach('HIGH', 1)).toBe(true);
    expect(marksForMeetingOnBreach('URGENT', 1)).toBe(true);
    expect(marksForMeetingOnBreach('NORMAL', 1)).toBe(false);
    expect(marksForMeetingOnBreach('HIGH', 2)).toBe(false);
  });
});

describe('who may act', () => {
  const actor = (personId: string, memberships: AccessSubject['memberships'] = [], isAdmin = false) => ({
    workspaceId: 'w',
    personId,
    slackUserId: `U-${personId}`,
    isAdmin,
    memberships,
  });
  const lin = actor('lin', [{ departmentId: 'liveops', role: 'LEAD' }]);
  const zhang = actor('zhang', [{ departmentId: 'supply', role: 'LEAD' }]);
  const head = actor('head-supply', [{ departmentId: 'supply', role: 'HEAD' }]);
  const sam = actor('sam', [{ departmentId: 'cs', role: 'MEMBER' }]);
  const admin = actor('admin', [], true);
  const context: PermissionContext = {
    level: 1,
    involvedDepartmentIds: ['liveops', 'supply'],
    ladder,
    raisedByPersonId: 'sam',
    assigneePersonId: null,
    proposedByPersonId: 'lin',
  };

  it('lets the current level acknowledge and propose, not an outsider or an admin', () => {
    expect(mayAct(lin, 'acknowledge', context)).toBe(true);
    expect(mayAct(sam, 'acknowledge', context)).toBe(false);
    expect(mayAct(admin, 'acknowledge', context)).toBe(false);
    expect(mayAct(sam, 'acknowledge', { ...context, assigneePersonId: 'sam' })).toBe(true);
  });

  it('lets the other department or a higher level accept a proposal, never its proposer', () => {
    expect(mayAct(lin, 'accept', context)).toBe(false);
    expect(mayAct(zhang, 'accept', context)).toBe(true);
    expect(mayAct(head, 'reject', context)).toBe(true);
    expect(mayAct(sam, 'accept', context)).toBe(false);
  });

  it('lets the raiser escalate now, admins reassign and resolve, and the raiser reopen', () => {
    expect(mayAct(sam, 'escalate', context)).toBe(true);
    expect(mayAct(admin, 'escalate', context)).toBe(false);
    expect(mayAct(admin, 'reassign', context)).toBe(true);
    expect(mayAct(sam, 'reassign', context)).toBe(false);
    expect(mayAct(admin, 'resolve', context)).toBe(true);
    expect(mayAct(actor('ceo', [{ departmentId: 'board', role: 'EXECUTIVE' }]), 'resolve', context)).toBe(
      true,
    );
    expect(mayAct(sam, 'resolve', context)).toBe(false);
    expect(mayAct(sam, 'reopen', context)).toBe(true);
    expect(mayAct(actor('other', [{ departmentId: 'tech', role: 'LEAD' }]), 'reopen', context)).toBe(false);
    expect(
      mayAct(actor('other', [{ departmentId: 'tech', role: 'MEMBER' }]), 'markForMeeting', context),
    ).toBe(false);
    expect(mayAct(zhang, 'markForMeeting', context)).toBe(true);
  });
});

describe('the department a follow-up counts for', () => {
  const memberships = [
    { personId: 'zhang', departmentId: 'logistics', role: 'MEMBER' as const },
    { personId: 'zhang', departmentId: 'supply', role: 'LEAD' as const },
    { personId: 'sam', departmentId: 'cs', role: 'MEMBER' as const },
    { personId: 'kim', departmentId: 'a', role: 'MEMBER' as const },
    { personId: 'kim', departmentId: 'b', role: 'MEMBER' as const },
  ];
  it('is the owner’s involved department, the most senior role first', () => {
    expect(ownerDepartmentFor('zhang', ['live-ops', 'supply', 'logistics'], memberships)).toBe('supply');
    expect(ownerDepartmentFor('zhang', ['live-ops', 'logistics'], memberships)).toBe('logistics');
  });
  it('is their only department when none is involved, and none when that is ambiguous', () => {
    expect(ownerDepartmentFor('sam', ['live-ops', 'supply'], memberships)).toBe('cs');
    expect(ownerDepartmentFor('kim', ['live-ops', 'supply'], memberships)).toBeNull();
    expect(ownerDepartmentFor('nobody', ['live-ops'], memberships)).toBeNull();
  });
});
