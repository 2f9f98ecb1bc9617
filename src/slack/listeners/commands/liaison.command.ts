import { DomainError } from '../../../modules/shared/domain-error.js';
import type { SlackDeps } from '../../deps.js';
import { parseLiaisonCommand } from '../../parsers/liaison-command.parser.js';
import { resolveActor } from '../../request-actor.js';
import type { CommandArgs } from './liaison/subcommand.js';

/** `/liaison <subcommand>`: ack first, then answer privately in the person's language. */
export function liaisonCommand(deps: SlackDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const { ack, command, respond, client, context } = args;
    await ack();
    const actor = await resolveActor(deps, {
      teamId: command.team_id,
      enterpriseId: command.enterprise_id,
      userId: command.user_id,
      userName: command.user_name,
      client,
      context,
    });
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
