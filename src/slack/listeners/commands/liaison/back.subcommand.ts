import { backMessage } from '../../../views/away.view.js';
import type { Subcommand } from './subcommand.types.js';

/** `/liaison back`: the current absence ends today. */
export const backSubcommand: Subcommand = {
  names: ['back'],
  async run({ deps, actor, reply }) {
    const ended = await deps.calendar.absences.comeBack(actor.subject);
    await reply(backMessage(actor.t, actor.locale, ended));
  },
};
