import { actionItemsListMessage } from '../../../views/action-items.view.js';
import type { Subcommand } from './subcommand.types.js';

/** `/liaison actions` (or `todo`): your open and overdue action items, each with its buttons. */
export const actionsSubcommand: Subcommand = {
  names: ['actions', 'todo'],
  async run({ deps, actor, reply }) {
    const items = await deps.actionItems.listForOwner(actor.workspace.id, actor.person.id);
    await reply(actionItemsListMessage(items, actor.t, actor.locale));
  },
};
