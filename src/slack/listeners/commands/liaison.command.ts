import { DomainError } from '../../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../deps.js';
import type { CommandArgs } from '../../listener-args.types.js';
import { type ParsedLiaisonCommand, parseLiaisonCommand } from '../../parsers/liaison-command.parser.js';
import { ackWithSerialized } from '../../receivers/serialized-ack.js';
import type { SubcommandReply } from './liaison/subcommand.types.js';

/**
 * `/liaison <subcommand>`: answered inside the acknowledgement when the subcommand can answer
 * from memory and the actor is remembered; otherwise ack first, then answer privately in the
 * person's language through the response_url.
 */
export function liaisonCommand(deps: SlackDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const { ack, command, respond, context } = args;
    const inAck = answerInAck(deps, args);
    if (inAck) {
      await ackWithSerialized(ack, context, ephemeral(inAck));
      return;
    }
    await ack();
    const actor = await context.actor();
    // After the actor, so a refusal (text too long) is in their language.
    const parsed = parseLiaisonCommand(command.text);
    const subcommand = deps.features.findSubcommand(parsed.subcommand);
    if (!subcommand) {
      throw new DomainError(
        'liaison.unknown_subcommand',
        { key: 'errors.unknownSubcommand', params: { subcommand: parsed.subcommand } },
        { detail: `user ${command.user_id} typed "${parsed.raw}"` },
      );
    }
    await subcommand.run({
      deps,
      actor,
      parsed,
      args,
      reply: async (message) => {
        await respond({ response_type: 'ephemeral', replace_original: false, ...message });
      },
    });
  };
}

const ephemeralReplies = new WeakMap<SubcommandReply, object>();

/** `reply` shown only to the person: one object per reply, so it is serialised once. */
function ephemeral(reply: SubcommandReply): object {
  let message = ephemeralReplies.get(reply);
  if (!message) {
    message = { response_type: 'ephemeral', ...reply };
    ephemeralReplies.set(reply, message);
  }
  return message;
}

/**
 * The answer of a subcommand that declares `answerFromMemory`, when its actor is remembered
 * whole; undefined sends the request down the usual path (which also reports any error).
 */
function answerInAck(deps: SlackDeps, { command, context }: CommandArgs): SubcommandReply | undefined {
  let parsed: ParsedLiaisonCommand;
  try {
    parsed = parseLiaisonCommand(command.text);
  } catch {
    return undefined; // refused on the usual path, in the person's language
  }
  const subcommand = deps.features.findSubcommand(parsed.subcommand);
  if (!subcommand?.answerFromMemory) return undefined;
  const actor = context.actorFromMemory();
  if (!actor) return undefined;
  try {
    return subcommand.answerFromMemory({ deps, actor, parsed });
  } catch {
    return undefined; // the usual path runs it again after the ack and reports the error
  }
}
