import { DomainError } from '../../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../deps.js';
import type { CommandArgs } from '../../listener-args.types.js';
import { parseLiaisonCommand } from '../../parsers/liaison-command.parser.js';

/** `/liaison <subcommand>`: ack first, then answer privately in the person's language. */
export function liaisonCommand(deps: SlackDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const { ack, command, respond, context } = args;
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
