import type { ActionItemNotices } from '../../modules/action-items/action-item-notices.service.js';
import type { JobHandler } from '../../modules/scheduling/job-handler.types.js';
import type { SchedulesService } from '../../modules/scheduling/schedules.service.js';

export const ACTION_ITEM_REMINDERS_KIND = 'action-items.reminders';

/**
 * Hourly: reminders the owner's working day before an item is due, overdue notices the
 * morning after (src/modules/action-items/action-item-notices.service.ts decides, per owner's
 * working time). A missed hour is caught up by the next one, so only a recent slot runs late.
 */
export function actionItemRemindersJob(deps: { notices: ActionItemNotices }): JobHandler {
  return {
    kind: ACTION_ITEM_REMINDERS_KIND,
    catchUp: { policy: 'skip-older-than', windowMs: 2 * 3_600_000 },
    async run(context) {
      return { result: await deps.notices.run(context.workspaceId) };
    },
  };
}

/** Gives a workspace its hourly action-item reminders unless it has them. */
export async function ensureActionItemRemindersSchedule(
  schedules: SchedulesService,
  workspaceId: string,
): Promise<void> {
  const existing = await schedules.list(workspaceId);
  if (existing.some((schedule) => schedule.kind === ACTION_ITEM_REMINDERS_KIND)) return;
  await schedules.create({
    workspaceId,
    kind: ACTION_ITEM_REMINDERS_KIND,
    name: 'Action item reminders',
    recurrence: { type: 'cron', expression: '0 * * * *' },
    timeOfDay: '00:00',
    timeZone: 'UTC',
  });
}
