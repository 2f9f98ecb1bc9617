import type { SlackDeps } from '../../../deps.js';
import { type HelpMessage, helpMessage } from '../../../views/help.view.js';
import type { MemoryAnswerContext, Subcommand } from './subcommand.types.js';

/**
 * Help is a pure view of the reader's language and admin flag, the feature list and the
 * model in use — all fixed for a process's deps — so each variant is built once (≈ 6 KB of
 * blocks, a few dozen translations) and shared; nothing downstream changes it.
 */
const built = new WeakMap<SlackDeps, Map<string, HelpMessage>>();

function help({ deps, actor }: Pick<MemoryAnswerContext, 'deps' | 'actor'>): HelpMessage {
  let variants = built.get(deps);
  if (!variants) {
    variants = new Map();
    built.set(deps, variants);
  }
  const key = `${actor.locale}:${actor.person.isAdmin}`;
  let message = variants.get(key);
  if (!message) {
    message = helpMessage(actor.t, deps.llm, { isAdmin: actor.person.isAdmin }, deps.features);
    variants.set(key, message);
  }
  return message;
}

export const helpSubcommand: Subcommand = {
  names: ['help', '?'],
  async run(context) {
    await context.reply(help(context));
  },
  answerFromMemory: help,
};
