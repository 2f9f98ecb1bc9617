import type { CoverageService } from '../../modules/calendar/coverage.service.js';
import type { JobHandler } from '../../modules/scheduling/job-handler.types.js';
import type { SchedulesService } from '../../modules/scheduling/schedules.service.js';

export const CALENDAR_COVERAGE_KIND = 'calendar.coverage';

/**
 * Daily, per workspace: from 60 days before a calendar in use (the workspace default, a
 * department's, a person's, a schedule's) runs out of holiday data, each admin gets one DM
 * about it (the notify key holds the calendar and the end of its data, so the next days,
 * a re-run and a second replica send nothing new); escalation deadlines and scheduled runs
 * computed past the end are logged here and listed on the admins' Home and in
 * `/liaison schedules`. A missed day is worth one late run.
 */
export function calendarCoverageJob(deps: {
  coverage: Pick<CoverageService, 'warnAdmins'>;
  /** Read at call time: admins newly warned get their Home notice republished. */
  requestHomeRefresh?: (workspaceId: string, personIds: string[]) => void;
}): JobHandler {
  return {
    kind: CALENDAR_COVERAGE_KIND,
    catchUp: { policy: 'run-once-late' },
    async run(context) {
      const outcome = await deps.coverage.warnAdmins(context.workspaceId);
      for (const item of outcome.pastCoverage)
        context.logger.warn(
          {
            workspaceId: context.workspaceId,
            calendarId: item.calendar.id,
            lastCoveredDate: item.lastDate,
            at: item.at.toISOString(),
            ...(item.type === 'escalation' ? { escalation: `ESC-${item.number}` } : { scheduleId: item.id }),
          },
          `a ${item.type === 'escalation' ? 'deadline' : 'scheduled run'} falls past the calendar's holiday data`,
        );
      if (outcome.notifiedPersonIds.length > 0)
        deps.requestHomeRefresh?.(context.workspaceId, outcome.notifiedPersonIds);
      return {
        result: {
          runningOut: outcome.runningOut,
          notified: outcome.notified,
          pastCoverage: outcome.pastCoverage.length,
        },
      };
    },
  };
}

/** Gives a workspace its daily holiday-data check (09:00 in the workspace's zone) unless it has one. */
export async function ensureCalendarCoverageSchedule(
  schedules: SchedulesService,
  workspace: { id: string; defaultTimeZone: string },
): Promise<void> {
  const existing = await schedules.list(workspace.id);
  if (existing.some((schedule) => schedule.kind === CALENDAR_COVERAGE_KIND)) return;
  await schedules.create({
    workspaceId: workspace.id,
    kind: CALENDAR_COVERAGE_KIND,
    name: 'Holiday data check',
    recurrence: { type: 'cron', expression: '0 9 * * *' },
    timeOfDay: '09:00',
    timeZone: workspace.defaultTimeZone,
  });
}
