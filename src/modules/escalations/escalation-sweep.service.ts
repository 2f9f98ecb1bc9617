import type { Clock } from '../shared/clock.types.js';
import type { EscalationLadder } from './escalation-ladder.service.js';
import { type NoticeSender, pendingNotice } from './escalation-notices.service.js';
import type { EscalationPatch, EscalationsRepository } from './escalations.repository.js';
import {
  everyoneInvolved,
  involvedOf,
  levelPeople,
  MISSED_LEVEL_ONE_REASON,
  marksForMeetingOnBreach,
  transition,
} from './escalations.rules.js';
import type { EscalationDto, LadderMember } from './escalations.types.js';

const MINUTE_MS = 60_000;
/** A breach found this long after its deadline was missed by the scheduler (downtime, clock jump). */
export const LATE_AFTER_MS = 5 * MINUTE_MS;
/** A change's notice still pending this long after its commit was lost to a crash: queue it again. */
export const PENDING_NOTICE_GRACE_MS = 2 * MINUTE_MS;
/** Notices that could not be queued for a day are given up (they stay recorded on the event). */
export const PENDING_NOTICE_GIVE_UP_MS = 24 * 60 * MINUTE_MS;

export interface SweepResult {
  breached: number;
  skipped: number;
  pinged: number;
  /** Notices of changes committed by a process that died before queuing them. */
  resent: number;
  failed: number;
}

/**
 * The scheduler's side of the ladder: deadlines that passed move their escalation up one
 * level (once, whatever the replicas), unacknowledged urgent ones are pinged again, and
 * notices a dead process owed are queued.
 */
export function createEscalationSweep(ctx: {
  repo: EscalationsRepository;
  clock: Clock;
  notices: NoticeSender;
  /** The ladder's moves (src/modules/escalations/escalation-ladder.service.ts), not the service's. */
  ladder: Pick<EscalationLadder, 'policyOf' | 'moveUp'>;
  changed: (before: EscalationDto | null, after: EscalationDto, ladder: LadderMember[]) => void;
  onSweepError?: (error: unknown, escalationId: string) => void;
}): { sweep(input?: { workspaceId?: string; batchSize?: number }): Promise<SweepResult> } {
  const { repo, clock, notices } = ctx;

  async function breach(id: string): Promise<'breached' | 'skipped'> {
    const esc = await repo.findById(id);
    const now = clock.now();
    if (!esc || esc.status === 'RESOLVED' || !esc.slaDueAt || esc.slaDueAt > now) return 'skipped';
    const ladder = await repo.ladderOf(esc.workspaceId, involvedOf(esc));
    const policy = await ctx.ladder.policyOf(esc.workspaceId);
    const next = transition(esc.status, 'breach');
    // One level per run, and the next deadline counts from now, not from the missed one:
    // after downtime an escalation climbs one level, not straight to the top.
    const up = await ctx.ladder.moveUp(esc, { ladder, policy });
    const late = now.getTime() - esc.slaDueAt.getTime() > LATE_AFTER_MS;
    const markMeeting = marksForMeetingOnBreach(esc.severity, esc.level) && !esc.markedForMeetingAt;
    const patch: EscalationPatch = {
      status: next,
      ...up.patch,
      ...(markMeeting ? { markedForMeetingAt: now, markedForMeetingReason: MISSED_LEVEL_ONE_REASON } : {}),
    };
    const pending = pendingNotice(
      'breached',
      `escalation:${esc.id}:breach:${esc.level}:${esc.slaDueAt.toISOString()}`,
      everyoneInvolved({ ...esc, ...patch }, ladder),
      null,
      { breachedDeadline: esc.slaDueAt.toISOString(), late },
    );
    const applied = await repo.applyChange({
      escalationId: esc.id,
      workspaceId: esc.workspaceId,
      expected: { status: esc.status, level: esc.level, slaDueAt: esc.slaDueAt },
      patch,
      event: {
        type: 'sla_breached',
        actorPersonId: null,
        level: esc.level,
        fromStatus: esc.status,
        toStatus: next,
        slaDueAt: esc.slaDueAt,
        note: JSON.stringify({ toLevel: up.level, late }),
        at: now,
        pendingNotice: pending,
      },
      audit: {
        actorSlackId: null,
        action: 'escalation.sla_breached',
        before: { level: esc.level, slaDueAt: esc.slaDueAt },
        after: { level: up.level, slaDueAt: up.patch.slaDueAt, late, markedForMeeting: markMeeting },
      },
    });
    // Another replica (or run) acted on this deadline first.
    if (!applied) return 'skipped';
    ctx.changed(esc, applied.escalation, ladder);
    await notices.deliverPending(applied.eventId, applied.escalation, pending);
    return 'breached';
  }

  async function reping(id: string, expected: Date): Promise<boolean> {
    const esc = await repo.findById(id);
    if (esc?.status !== 'OPEN' || esc.severity !== 'URGENT') return false;
    const policy = await ctx.ladder.policyOf(esc.workspaceId);
    const now = clock.now();
    const every = policy.urgentRepingMinutes * MINUTE_MS;
    let next = new Date(expected.getTime() + every);
    if (next <= now) next = new Date(now.getTime() + every);
    if (!(await repo.advancePing(id, expected, next))) return false;
    const ladder = await repo.ladderOf(esc.workspaceId, involvedOf(esc));
    // A ping lost to a crash here is not re-sent: the next one follows within the interval.
    const ping = pendingNotice(
      'reping',
      `escalation:${esc.id}:ping:${expected.toISOString()}`,
      [...levelPeople(esc, ladder), ...(esc.assigneePersonId ? [esc.assigneePersonId] : [])],
      null,
    );
    if (ping) await notices.send(esc, ping);
    return true;
  }

  async function sweep(input: { workspaceId?: string; batchSize?: number } = {}): Promise<SweepResult> {
    const batchSize = input.batchSize ?? 100;
    const result: SweepResult = { breached: 0, skipped: 0, pinged: 0, resent: 0, failed: 0 };
    const now = clock.now();
    const seen = new Set<string>();
    for (;;) {
      const due = (await repo.dueBreaches(now, batchSize, input.workspaceId)).filter((d) => !seen.has(d.id));
      if (due.length === 0) break;
      for (const item of due) {
        seen.add(item.id);
        try {
          result[await breach(item.id)]++;
        } catch (error) {
          // One bad escalation must not stop the others; it stays due and is retried next run.
          result.failed++;
          ctx.onSweepError?.(error, item.id);
        }
      }
    }
    for (const ping of await repo.duePings(now, batchSize * 5, input.workspaceId)) {
      try {
        if (await reping(ping.id, ping.nextPingAt)) result.pinged++;
      } catch (error) {
        result.failed++;
        ctx.onSweepError?.(error, ping.id);
      }
    }
    const window = {
      from: new Date(now.getTime() - PENDING_NOTICE_GIVE_UP_MS),
      to: new Date(now.getTime() - PENDING_NOTICE_GRACE_MS),
    };
    for (const owed of await repo.pendingNotices(window, batchSize, input.workspaceId)) {
      try {
        const esc = await repo.findById(owed.escalationId);
        if (esc && (await notices.deliverPending(owed.eventId, esc, owed.notice))) result.resent++;
      } catch (error) {
        result.failed++;
        ctx.onSweepError?.(error, owed.escalationId);
      }
    }
    return result;
  }

  return { sweep };
}
