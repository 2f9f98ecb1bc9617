import { schedulesMessage } from '../../../views/schedules.view.js';
import type { Subcommand } from './subcommand.types.js';

/**
 * `/liaison schedules` (admins): every schedule, next and last run, in the reader's time zone;
 * calendars running out of holiday data, and schedules whose next run is past it, are marked.
 */
export const schedulesSubcommand: Subcommand = {
  names: ['schedules', 'schedule'],
  async run({ deps, actor, reply }) {
    const schedules = await deps.schedules.listForViewer({
      workspaceId: actor.workspace.id,
      slackUserId: actor.person.slackUserId,
      isWorkspaceAdmin: actor.person.isAdmin,
    });
    const timeZone = actor.person.timeZone ?? actor.workspace.defaultTimeZone;
    const coverage = await deps.calendarCoverage.report(actor.workspace.id);
    await reply(
      schedulesMessage(actor.t, {
        schedules,
        timeZone,
        locale: actor.locale,
        now: deps.clock.now(),
        coverage,
      }),
    );
  },
};
