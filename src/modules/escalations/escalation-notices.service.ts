import type { EscalationNotice, EscalationNotifier, NoticeType } from './escalation-notifier.types.js';
import type { EscalationsRepository, PendingNotice } from './escalations.repository.js';
import type { EscalationDto } from './escalations.types.js';

/**
 * The notice a change owes, decided before it commits and stored with its event: queued
 * right after the commit, and by the sweep if the process died in between. Null when there
 * is nobody to tell (everyone but `except`, the person who acted).
 */
export function pendingNotice(
  type: NoticeType,
  key: string,
  personIds: Iterable<string>,
  except: string | null,
  extra: Pick<PendingNotice, 'breachedDeadline' | 'late'> = {},
): PendingNotice | null {
  const to = [...new Set(personIds)].filter((id) => id !== except);
  return to.length > 0 ? { type, key, to, ...extra } : null;
}

export interface NoticeSender {
  /** Queues the notice for its recipients; false when it could not (reported, not thrown). */
  send(esc: EscalationDto, notice: PendingNotice): Promise<boolean>;
  /** Queues an event's pending notice and marks it queued; false when there was none or it failed. */
  deliverPending(eventId: string, esc: EscalationDto, notice: PendingNotice | null): Promise<boolean>;
}

/** Renders pending notices for the notifier, recipients as they are now (active people only). */
export function createNoticeSender(deps: {
  repo: Pick<EscalationsRepository, 'recipients' | 'noticeQueued'>;
  notifier: EscalationNotifier;
  /** A notice that could not be queued after its change committed (it stays pending). */
  onNotifyError?: (error: unknown, notice: EscalationNotice) => void;
}): NoticeSender {
  async function send(esc: EscalationDto, pending: PendingNotice): Promise<boolean> {
    const notice: EscalationNotice = {
      type: pending.type,
      key: pending.key,
      escalation: {
        id: esc.id,
        workspaceId: esc.workspaceId,
        number: esc.number,
        title: esc.title,
        severity: esc.severity,
        level: esc.level,
        slaDueAt: esc.slaDueAt,
      },
      recipients: await deps.repo.recipients(pending.to),
      ...(pending.breachedDeadline ? { breachedDeadline: new Date(pending.breachedDeadline) } : {}),
      ...(pending.late !== undefined ? { late: pending.late } : {}),
    };
    try {
      await deps.notifier.send(notice);
      return true;
    } catch (error) {
      if (!deps.onNotifyError) throw error;
      deps.onNotifyError(error, notice);
      return false;
    }
  }

  return {
    send,
    async deliverPending(eventId, esc, pending) {
      if (!pending || !(await send(esc, pending))) return false;
      await deps.repo.noticeQueued(eventId);
      return true;
    },
  };
}
