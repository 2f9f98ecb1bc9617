import { helpMessage } from '../../../views/help.view.js';
import type { Subcommand } from './subcommand.types.js';

export const helpSubcommand: Subcommand = {
  names: ['help', '?'],
  async run({ deps, actor, reply }) {
    await reply(helpMessage(actor.t, deps.llm, { isAdmin: actor.person.isAdmin }, deps.features));
  },
};
