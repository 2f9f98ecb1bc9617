import { backMessage } from '../../../views/away.view.js';
import { calendarActor } from './calendar-shared.subcommand.js';
import type { Subcommand } from './subcommand.js';

/** `/liaison back`: the current absence ends today. */
export const backSubcommand: Subcommand = {
  names: ['back'],
  async run({ deps, actor, reply }) {
    const ended = await deps.calendar.absences.comeBack(calendarActor(actor));
    await reply(backMessage(actor.t, actor.locale, ended));
  },
};
