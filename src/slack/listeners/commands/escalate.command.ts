import { z } from 'zod';
import { DomainError } from '../../../modules/shared/domain-error.js';
import type { SlackDeps } from '../../deps.js';
import { resolveActor } from '../../request-actor.js';
import { escalationsListView } from '../../views/escalations-list.view.js';
import type { CommandArgs } from './liaison/subcommand.js';

const listCommand = z.tuple([z.literal('list'), z.enum(['mine', 'department', 'open']).default('mine')]);

/** `/escalate list [mine|department|open]`: the reader's escalations, privately, in their language. */
export function escalateCommand(deps: SlackDeps) {
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
    const words = command.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const parsed = listCommand.safeParse(
      words.length === 0 ? ['list'] : words.length === 1 ? [words[0], undefined] : words,
    );
    if (!parsed.success) {
      throw new DomainError(
        'escalate.usage',
        { key: 'escalations.command.usage' },
        { detail: `user ${command.user_id} typed "/escalate ${command.text}"` },
      );
    }
    const scope = parsed.data[1];
    const subject = await deps.authorization.subjectOf(actor.person.id);
    const escalations = await deps.escalations.list(subject, scope);
    const view = escalationsListView(escalations, {
      t: actor.t,
      timeZone: actor.person.timeZone ?? actor.workspace.defaultTimeZone,
      scope,
    });
    await respond({ response_type: 'ephemeral', replace_original: false, ...view });
  };
}
