import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { DomainError } from '../../../modules/shared/domain-error.js';
import type { SlackDeps } from '../../deps.js';
import { LIAISON_SUBCOMMANDS } from '../../ids.js';
import { parseLiaisonCommand } from '../../parsers/liaison-command.parser.js';
import { resolveActor } from '../../request-actor.js';
import { helpMessage } from '../../views/help.view.js';
import { whoamiMessage } from '../../views/whoami.view.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/liaison <subcommand>`: ack first, then answer privately in the person's language. */
export function liaisonCommand(deps: SlackDeps) {
  return async ({ ack, command, respond, client, context }: Args): Promise<void> => {
    await ack();
    const parsed = parseLiaisonCommand(command.text);
    const actor = await resolveActor(deps, {
      teamId: command.team_id,
      enterpriseId: command.enterprise_id,
      userId: command.user_id,
      userName: command.user_name,
      client,
      context,
    });
    switch (parsed.subcommand) {
      case LIAISON_SUBCOMMANDS.help:
        await respond({ response_type: 'ephemeral', ...helpMessage(actor.t, deps.llm) });
        return;
      case LIAISON_SUBCOMMANDS.whoami:
        await respond({
          response_type: 'ephemeral',
          ...whoamiMessage(actor.t, {
            ...actor,
            memberships: await deps.people.membershipsOf(actor.person.id),
          }),
        });
        return;
      default:
        throw new DomainError(
          'liaison.unknown_subcommand',
          { key: 'errors.unknownSubcommand', params: { subcommand: parsed.subcommand } },
          { detail: `user ${command.user_id} typed "${parsed.raw}"` },
        );
    }
  };
}
