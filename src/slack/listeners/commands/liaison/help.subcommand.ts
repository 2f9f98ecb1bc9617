import { helpMessage } from '../../../views/help.view.js';
import type { MemoryAnswerContext, Subcommand } from './subcommand.types.js';

/** Help is a pure view of the actor's language and roles and the feature list. */
const help = ({ deps, actor }: Pick<MemoryAnswerContext, 'deps' | 'actor'>) =>
  helpMessage(actor.t, deps.llm, { isAdmin: actor.person.isAdmin }, deps.features);

export const helpSubcommand: Subcommand = {
  names: ['help', '?'],
  async run(context) {
    await context.reply(help(context));
  },
  answerFromMemory: help,
};
