import { randomUUID } from 'node:crypto';
import type { AccessSubject } from '../access/access.types.js';
import { parseCalendarDate } from '../calendar/calendar-date.rules.js';
import { addYears, type LocalDate, localDateAt } from '../calendar/local-date.rules.js';
import type { WorkingTimeProfile } from '../calendar/working-time.rules.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import { createEscalationLadder } from './escalation-ladder.service.js';
import { createNoticeSender, pendingNotice } from './escalation-notices.service.js';
import type { EscalationNotice, EscalationNotifier, NoticeType } from './escalation-notifier.types.js';
import type { EscalationPolicy } from './escalation-policy.rules.js';
import { createEscalationSweep, type SweepResult } from './escalation-sweep.service.js';
import type { EscalationPatch, EscalationsRepository, EventInput } from './escalations.repository.js';
import {
  everyoneInvolved,
  firstPingAt,
  involvedOf,
  landingLevel,
  levelPeople,
  mayAct,
  ownerDepartmentFor,
  transition,
} from './escalations.rules.js';
import {
  type ActionItemInput,
  type DecisionDto,
  type EscalationAction,
  type EscalationDto,
  type LadderMember,
  type ListScope,
  type RaiseInput,
  SEVERITIES,
} from './escalations.types.js';

export const TITLE_MAX = 150;
export const TEXT_MAX = 3000;
/** How far ahead a wanted-by or due date may be. */
export const FUTURE_YEARS = 5;

export { LATE_AFTER_MS, type SweepResult } from './escalation-sweep.service.js';

export const escName = (number: number) => `ESC-${number}`;

/** The field a refused action item's due date is reported on: `actionItems.<index>.dueOn`. */
export const actionItemDueField = (index: number) => `actionItems.${index}.dueOn`;

export interface EscalationsService {
  /** The workspace's ladder and SLAs (its settings over the defaults), e.g. for the raise form's hints. */
  policyOf(workspaceId: string): Promise<EscalationPolicy>;
  raise(actor: AccessSubject, input: RaiseInput): Promise<EscalationDto>;
  get(actor: AccessSubject, number: number): Promise<EscalationDto>;
  acknowledge(actor: AccessSubject, number: number): Promise<EscalationDto>;
  propose(actor: AccessSubject, number: number, proposal: string): Promise<EscalationDto>;
  accept(actor: AccessSubject, number: number): Promise<EscalationDto>;
  reject(actor: AccessSubject, number: number, reason?: string): Promise<EscalationDto>;
  escalateNow(actor: AccessSubject, number: number, reason?: string): Promise<EscalationDto>;
  reassign(actor: AccessSubject, number: number, assigneePersonId: string): Promise<EscalationDto>;
  resolve(
    actor: AccessSubject,
    number: number,
    input: { decision: string; optionsConsidered: string[]; actionItems?: ActionItemInput[] },
  ): Promise<EscalationDto>;
  reopen(actor: AccessSubject, number: number, reason: string): Promise<EscalationDto>;
  markForMeeting(actor: AccessSubject, number: number, reason: string): Promise<EscalationDto>;
  list(actor: AccessSubject, scope: ListScope): Promise<EscalationDto[]>;
  searchDecisions(actor: AccessSubject, query: string): Promise<DecisionDto[]>;
  /** The scheduler's work: breaches due now (one level each), then urgent re-pings. */
  sweep(input?: { workspaceId?: string; batchSize?: number }): Promise<SweepResult>;
}

export function createEscalationsService(deps: {
  repo: EscalationsRepository;
  clock: Clock;
  calendars: { workingTimeProfileFor(personId: string): Promise<WorkingTimeProfile> };
  notifier: EscalationNotifier;
  /** A notice that could not be queued after its change committed (the change stands). */
  onNotifyError?: (error: unknown, notice: EscalationNotice) => void;
  /** An escalation the sweep could not act on (it stays due and is retried next run). */
  onSweepError?: (error: unknown, escalationId: string) => void;
  /** Present when action items can be recorded with a decision. */
  actionItemsEnabled?: boolean;
  /**
   * Called after every committed change (raise, a person's action, a breach), e.g. to refresh
   * the escalation's cards. Must not throw; what it starts is not awaited by the change.
   */
  onChanged?: (change: { escalationId: string; workspaceId: string; personIds: string[] }) => void;
}): EscalationsService {
  const { repo, clock } = deps;
  const notices = createNoticeSender({
    repo,
    notifier: deps.notifier,
    ...(deps.onNotifyError ? { onNotifyError: deps.onNotifyError } : {}),
  });

  const ladder = createEscalationLadder({ repo, clock, calendars: deps.calendars });
  const loadPolicy = ladder.policyOf;
  const deadline = ladder.deadline;
  const moveUp = ladder.moveUp;

  /**
   * The dates a person may ask for: from their today (in their zone, as they see it) to
   * FUTURE_YEARS on, beyond which a date is taken for a typo in the year.
   */
  async function datesFrom(
    actor: AccessSubject,
  ): Promise<{ today: LocalDate; min: LocalDate; max: LocalDate }> {
    const { timeZone } = await deps.calendars.workingTimeProfileFor(actor.personId);
    const today = localDateAt(clock.now(), timeZone);
    return { today, min: today, max: addYears(today, FUTURE_YEARS) };
  }

  async function find(workspaceId: string, number: number): Promise<EscalationDto> {
    const esc = await repo.findByNumber(workspaceId, number);
    if (!esc) {
      throw new DomainError(
        'escalation.not_found',
        { key: 'escalations.errors.notFound', params: { esc: escName(number) } },
        { detail: `no ESC-${number} in workspace ${workspaceId}` },
      );
    }
    return esc;
  }

  /** Tells the hook, with everyone whose view of it may have changed (before and after). */
  const changed = (before: EscalationDto | null, after: EscalationDto, ladder: LadderMember[]) =>
    deps.onChanged?.({
      escalationId: after.id,
      workspaceId: after.workspaceId,
      personIds: [
        ...new Set([...(before ? everyoneInvolved(before, ladder) : []), ...everyoneInvolved(after, ladder)]),
      ],
    });

  async function authorize(
    actor: AccessSubject,
    action: EscalationAction,
    esc: EscalationDto,
    ladder: LadderMember[],
  ) {
    const allowed = mayAct(actor, action, {
      level: esc.level,
      involvedDepartmentIds: involvedOf(esc),
      ladder,
      raisedByPersonId: esc.raisedByPersonId,
      assigneePersonId: esc.assigneePersonId,
      proposedByPersonId: esc.proposedByPersonId,
    });
    if (allowed) return;
    await repo.recordRefusal(actor, esc.id, `escalations.${action}`);
    throw new DomainError(
      'authorization.refused',
      { key: `escalations.refused.${action}`, params: { esc: escName(esc.number) } },
      { detail: `${actor.slackUserId} may not ${action} ${escName(esc.number)} (level ${esc.level})` },
    );
  }

  function changedMeanwhile(esc: EscalationDto): never {
    throw new DomainError(
      'escalation.changed',
      { key: 'escalations.errors.changedMeanwhile', params: { esc: escName(esc.number) } },
      { detail: `${escName(esc.number)} changed concurrently` },
    );
  }

  /** One person's action: authorize, transition, apply (one transaction), notify after commit. */
  async function act(
    actor: AccessSubject,
    number: number,
    action: EscalationAction,
    plan: (
      esc: EscalationDto,
      ctx: { ladder: LadderMember[]; policy: EscalationPolicy; next: EscalationDto['status'] },
    ) => Promise<{
      patch: EscalationPatch;
      event?: Partial<EventInput>;
      decision?: { text: string; optionsConsidered: string[]; actionItems: readonly ActionItemInput[] };
      notice?: { type: NoticeType; to: (after: EscalationDto) => string[] };
    }>,
  ): Promise<EscalationDto> {
    const esc = await find(actor.workspaceId, number);
    const ladder = await repo.ladderOf(esc.workspaceId, involvedOf(esc));
    await authorize(actor, action, esc, ladder);
    const next = transition(esc.status, action);
    const policy = await loadPolicy(esc.workspaceId);
    const planned = await plan(esc, { ladder, policy, next });
    const after: EscalationDto = { ...esc, status: next, ...planned.patch };
    const pending = planned.notice
      ? pendingNotice(
          planned.notice.type,
          `escalation:${esc.id}:${action}:${randomUUID()}`,
          planned.notice.to(after),
          actor.personId,
        )
      : null;
    const applied = await repo.applyChange({
      escalationId: esc.id,
      workspaceId: esc.workspaceId,
      expected: { status: esc.status, level: esc.level, slaDueAt: esc.slaDueAt },
      patch: { status: next, ...planned.patch },
      event: {
        type: action,
        actorPersonId: actor.personId,
        level: esc.level,
        fromStatus: esc.status,
        toStatus: next,
        ...planned.event,
        at: clock.now(),
        pendingNotice: pending,
      },
      audit: {
        actorSlackId: actor.slackUserId,
        action: `escalation.${action}`,
        before: { status: esc.status, level: esc.level },
      },
      ...(planned.decision ? { decision: { ...planned.decision, decidedByPersonId: actor.personId } } : {}),
    });
    if (!applied) changedMeanwhile(esc);
    changed(esc, applied.escalation, ladder);
    await notices.deliverPending(applied.eventId, applied.escalation, pending);
    return applied.escalation;
  }

  function requireText(value: string, field: string, max: number): string {
    const text = value.trim();
    if (text.length === 0)
      throw new DomainError(
        'escalation.invalid',
        { key: 'escalations.errors.textRequired', params: { field } },
        { field },
      );
    if (text.length > max)
      throw new DomainError(
        'escalation.invalid',
        { key: 'escalations.errors.textTooLong', params: { field, max } },
        { field },
      );
    return text;
  }

  const sweeper = createEscalationSweep({
    repo,
    clock,
    notices,
    ladder,
    changed,
    ...(deps.onSweepError ? { onSweepError: deps.onSweepError } : {}),
  });

  return {
    policyOf: loadPolicy,

    async raise(actor, input) {
      const title = input.title.trim();
      if (title.length === 0)
        throw new DomainError(
          'escalation.invalid',
          { key: 'escalations.errors.titleRequired' },
          { field: 'title' },
        );
      if (title.length > TITLE_MAX)
        throw new DomainError(
          'escalation.invalid',
          { key: 'escalations.errors.titleTooLong', params: { max: TITLE_MAX } },
          { field: 'title' },
        );
      const blocked = requireText(input.blocked, 'blocked', TEXT_MAX);
      const impact = requireText(input.impact, 'impact', TEXT_MAX);
      const decisionNeeded = requireText(input.decisionNeeded, 'decisionNeeded', TEXT_MAX);
      const options = input.options
        .map((o) => ({ label: o.label.trim(), recommended: o.recommended }))
        .filter((o) => o.label.length > 0);
      for (const option of options) requireText(option.label, 'options', TEXT_MAX);
      if (!SEVERITIES.includes(input.severity)) throw new Error(`unknown severity ${String(input.severity)}`);
      // One raises for a department one belongs to (admins too: the decision is asked of its leads).
      if (!actor.memberships.some((m) => m.departmentId === input.raiserDepartmentId))
        throw new DomainError(
          'escalation.invalid',
          { key: 'escalationRaise.errors.notYourDepartment' },
          { field: 'raiserDepartment', detail: `${actor.slackUserId} is not in ${input.raiserDepartmentId}` },
        );
      const departmentIds = [...new Set([input.raiserDepartmentId, ...input.counterpartDepartmentIds])];
      if (departmentIds.length < 2)
        throw new DomainError(
          'escalation.invalid',
          { key: 'escalations.errors.twoDepartments' },
          { field: 'departments' },
        );
      const active = await repo.activeDepartmentIds(actor.workspaceId, departmentIds);
      if (active.length !== departmentIds.length)
        throw new DomainError(
          'escalation.invalid',
          { key: 'escalations.errors.unknownDepartment' },
          { field: 'departments', detail: `departments ${departmentIds.join(',')}` },
        );
      if (input.originKey) {
        const already = await repo.findByOriginKey(actor.workspaceId, input.originKey);
        if (already) return already;
      }
      const now = clock.now();
      const wantedBy = input.wantedBy
        ? parseCalendarDate(input.wantedBy, { ...(await datesFrom(actor)), field: 'wantedBy' })
        : null;
      const policy = await loadPolicy(actor.workspaceId);
      const ladder = await repo.ladderOf(actor.workspaceId, departmentIds);
      const landing = landingLevel(1, policy.maxLevel, departmentIds, ladder);
      const slaDueAt = await deadline(policy, input, landing.people);
      const pending = pendingNotice(
        'raised',
        `escalation:raised:${randomUUID()}`,
        landing.people,
        actor.personId,
      );
      const { escalation: esc, eventId } = await repo.raise({
        workspaceId: actor.workspaceId,
        raisedByPersonId: actor.personId,
        raise: {
          ...input,
          wantedBy,
          title,
          blocked,
          impact,
          decisionNeeded,
          options,
          raiserDepartmentId: departmentIds[0] as string,
          counterpartDepartmentIds: departmentIds.slice(1),
        },
        level: landing.level,
        slaDueAt,
        nextPingAt: firstPingAt(policy, input.severity, now),
        event: {
          type: 'raised',
          actorPersonId: actor.personId,
          level: landing.level,
          fromStatus: null,
          toStatus: 'OPEN',
          at: now,
          pendingNotice: pending,
        },
        audit: { actorSlackId: actor.slackUserId, action: 'escalation.raised' },
      });
      changed(null, esc, ladder);
      await notices.deliverPending(eventId, esc, pending);
      return esc;
    },

    get: (actor, number) => find(actor.workspaceId, number),

    acknowledge: (actor, number) =>
      act(actor, number, 'acknowledge', async () => ({
        patch: { acknowledgedAt: clock.now(), nextPingAt: null },
        notice: { type: 'acknowledged', to: (esc) => [esc.raisedByPersonId] },
      })),

    propose: (actor, number, proposal) =>
      act(actor, number, 'propose', async (esc, { ladder }) => ({
        patch: {
          proposal: requireText(proposal, 'proposal', TEXT_MAX),
          proposedByPersonId: actor.personId,
          acknowledgedAt: esc.acknowledgedAt ?? clock.now(),
          nextPingAt: null,
        },
        notice: { type: 'proposed', to: (after) => [after.raisedByPersonId, ...levelPeople(after, ladder)] },
      })),

    accept: (actor, number) =>
      act(actor, number, 'accept', async (esc, { ladder }) => {
        if (!esc.proposal)
          throw new DomainError('escalation.no_proposal', { key: 'escalations.errors.noProposal' });
        return {
          patch: { resolvedAt: clock.now(), slaDueAt: null, nextPingAt: null },
          decision: {
            text: esc.proposal,
            optionsConsidered: esc.options.map((o) => o.label),
            actionItems: [],
          },
          notice: { type: 'resolved', to: (after) => everyoneInvolved(after, ladder) },
        };
      }),

    reject: (actor, number, reason) =>
      act(actor, number, 'reject', async (esc) => ({
        patch: { proposal: null, proposedByPersonId: null },
        event: { note: reason?.trim() ? reason.trim().slice(0, TEXT_MAX) : null },
        notice: { type: 'rejected', to: () => (esc.proposedByPersonId ? [esc.proposedByPersonId] : []) },
      })),

    escalateNow: (actor, number, reason) =>
      act(actor, number, 'escalate', async (esc, ctx) => {
        const up = await moveUp(esc, ctx);
        if (up.level === esc.level)
          throw new DomainError('escalation.top', {
            key: 'escalations.errors.alreadyTop',
            params: { esc: escName(esc.number) },
          });
        return {
          patch: up.patch,
          event: { note: reason?.trim() ? reason.trim().slice(0, TEXT_MAX) : null },
          notice: { type: 'escalated', to: (after) => everyoneInvolved(after, ctx.ladder) },
        };
      }),

    reassign: (actor, number, assigneePersonId) =>
      act(actor, number, 'reassign', async () => {
        const [assignee] = await repo.recipients([assigneePersonId], actor.workspaceId);
        if (!assignee)
          throw new DomainError(
            'escalation.assignee',
            { key: 'escalations.errors.assigneeUnknown' },
            { field: 'assignee' },
          );
        return {
          patch: { assigneePersonId },
          event: { note: assigneePersonId },
          notice: { type: 'reassigned', to: () => [assigneePersonId] },
        };
      }),

    resolve: (actor, number, input) =>
      act(actor, number, 'resolve', async (esc, { ladder }) => {
        const text = input.decision.trim();
        if (text.length === 0)
          throw new DomainError(
            'escalation.invalid',
            { key: 'escalations.errors.decisionRequired' },
            { field: 'decision' },
          );
        requireText(text, 'decision', TEXT_MAX);
        if ((input.actionItems ?? []).length > 0 && !deps.actionItemsEnabled)
          throw new DomainError('escalation.action_items', {
            key: 'escalations.errors.actionItemsUnavailable',
          });
        const dates = (input.actionItems ?? []).length > 0 ? await datesFrom(actor) : undefined;
        const owners = await repo.membershipsOf(
          actor.workspaceId,
          (input.actionItems ?? []).map((item) => item.ownerPersonId),
        );
        const actionItems = (input.actionItems ?? []).map((item, index) => ({
          ...item,
          // Due from the resolver's today on: they are the one who sees the form.
          dueOn: parseCalendarDate(item.dueOn, { ...dates, field: actionItemDueField(index) }),
          ownerDepartmentId: ownerDepartmentFor(item.ownerPersonId, involvedOf(esc), owners),
        }));
        return {
          patch: { resolvedAt: clock.now(), slaDueAt: null, nextPingAt: null },
          decision: {
            text,
            optionsConsidered: input.optionsConsidered.map((o) => o.trim()).filter(Boolean),
            actionItems,
          },
          notice: { type: 'resolved', to: (after) => everyoneInvolved(after, ladder) },
        };
      }),

    reopen: (actor, number, reason) =>
      act(actor, number, 'reopen', async (esc, { ladder, policy }) => {
        const why = reason.trim();
        if (why.length === 0)
          throw new DomainError(
            'escalation.invalid',
            { key: 'escalations.errors.reasonRequired' },
            { field: 'reason' },
          );
        const people = levelPeople(esc, ladder);
        return {
          patch: {
            resolvedAt: null,
            proposal: null,
            proposedByPersonId: null,
            acknowledgedAt: null,
            slaDueAt: await deadline(policy, esc, people),
            nextPingAt: firstPingAt(policy, esc.severity, clock.now()),
          },
          event: { note: requireText(why, 'reason', TEXT_MAX) },
          notice: { type: 'reopened', to: (after) => everyoneInvolved(after, ladder) },
        };
      }),

    markForMeeting: (actor, number, reason) =>
      act(actor, number, 'markForMeeting', async () => ({
        patch: {
          markedForMeetingAt: clock.now(),
          markedForMeetingReason: reason.trim().slice(0, TEXT_MAX) || null,
        },
      })),

    async list(actor, scope) {
      return repo.list(actor.workspaceId, scope, {
        personId: actor.personId,
        departmentIds: actor.memberships.map((m) => m.departmentId),
      });
    },

    async searchDecisions(actor, query) {
      const text = query.trim().slice(0, 200);
      if (text.length === 0) return [];
      return repo.searchDecisions(actor.workspaceId, text, 20);
    },

    sweep: (input) => sweeper.sweep(input),
  };
}
