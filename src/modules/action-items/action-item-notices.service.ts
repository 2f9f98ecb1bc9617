import { isWorkingTime } from '../calendar/business-time.rules.js';
import { addDays, localDateAt } from '../calendar/local-date.rules.js';
import type { WorkingTimeProfile } from '../calendar/working-time.rules.js';
import type { DeliveryMessage } from '../delivery/delivery.types.js';
import type { Notify } from '../notifications/notify.service.js';
import type { Clock } from '../shared/clock.types.js';
import type { ActionItemsRepository } from './action-items.repository.js';
import { dueNotice } from './action-items.rules.js';
import type { ActionItemWithOwner } from './action-items.types.js';

/** How far ahead a reminder can fall: the working day before may be a week back (Golden Week). */
const LOOKAHEAD_DAYS = 14;

export const ACTION_ITEM_NOTICE_KINDS = {
  reminder: 'action_item.reminder',
  overdue: 'action_item.overdue',
} as const;

export interface ActionItemNotices {
  /** One pass over a workspace: sends what is due now, each once. */
  run(workspaceId: string): Promise<{ reminded: number; overdue: number; failed: number }>;
}

/**
 * The reminder (the owner's working day before the due date) and the overdue notice (the
 * owner's first working moment after it), both through `notify`, so quiet hours, the daily
 * cap, snoozes, mutes and absences apply. Each is sent once: the notify key is fixed per
 * item and due date (a second replica or a re-run finds it and creates nothing), and
 * remindedAt / overdueNotifiedAt are set by compare-and-set. Inactive owners are skipped;
 * one item's failure does not stop the others.
 */
export function createActionItemNotices(deps: {
  repo: ActionItemsRepository;
  clock: Clock;
  notify: Notify;
  workingTimeProfileFor: (personId: string) => Promise<WorkingTimeProfile>;
  message: (kind: 'reminder' | 'overdue', item: ActionItemWithOwner) => DeliveryMessage;
  onChanged?: (workspaceId: string, ownerPersonIds: string[]) => void;
  onError?: (error: unknown, itemId: string) => void;
}): ActionItemNotices {
  return {
    async run(workspaceId) {
      const now = deps.clock.now();
      const horizon = addDays(localDateAt(now, 'UTC'), LOOKAHEAD_DAYS);
      const items = await deps.repo.listNeedingNotice(workspaceId, horizon);
      const profiles = new Map<string, WorkingTimeProfile>();
      const tally = { reminded: 0, overdue: 0, failed: 0 };
      const changedOwners = new Set<string>();
      for (const item of items) {
        try {
          let profile = profiles.get(item.ownerPersonId);
          if (!profile) {
            profile = await deps.workingTimeProfileFor(item.ownerPersonId);
            profiles.set(item.ownerPersonId, profile);
          }
          const notice = dueNotice(item, now, profile, isWorkingTime(now, profile));
          if (!notice) continue;
          const shown = notice === 'overdue' ? { ...item, status: 'OVERDUE' as const } : item;
          await deps.notify({
            workspaceId,
            personId: item.ownerPersonId,
            kind: ACTION_ITEM_NOTICE_KINDS[notice],
            key: `${ACTION_ITEM_NOTICE_KINDS[notice]}:${item.id}:${item.dueOn}`,
            message: deps.message(notice, shown),
          });
          if (notice === 'reminder') {
            if (await deps.repo.claimReminder(item.id, item.dueOn, now)) tally.reminded++;
          } else if (await deps.repo.claimOverdue(workspaceId, item.id, item.dueOn, now)) {
            tally.overdue++;
            changedOwners.add(item.ownerPersonId);
          }
        } catch (error) {
          tally.failed++;
          deps.onError?.(error, item.id);
        }
      }
      if (changedOwners.size > 0) deps.onChanged?.(workspaceId, [...changedOwners]);
      return tally;
    },
  };
}
