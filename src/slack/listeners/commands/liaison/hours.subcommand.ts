import { workingHoursMessage } from '../../../views/working-hours.view.js';
import type { Subcommand } from './subcommand.types.js';

/** `/liaison hours` shows the person's working days and hours; with `09:30-18:30 [mon-fri]` sets them. */
export const hoursSubcommand: Subcommand = {
  names: ['hours'],
  async run({ deps, actor, parsed, reply }) {
    if (parsed.args.trim() === '') {
      const hours = await deps.calendar.calendars.workingHoursOf(actor.person.id);
      await reply(workingHoursMessage(actor.t, actor.locale, hours, 'calendar.hours.current'));
      return;
    }
    const hours = await deps.calendar.calendars.setWorkingHours(actor.subject, parsed.args);
    await reply(workingHoursMessage(actor.t, actor.locale, hours, 'calendar.hours.changed'));
  },
};
