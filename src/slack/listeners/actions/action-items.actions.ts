import { z } from 'zod';
import { DomainError } from '../../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../deps.js';
import type { ButtonArgs, OverflowArgs } from '../../listener-args.types.js';
import { readMetadata } from '../../parsers/metadata.parser.js';
import type { RequestActor } from '../../request-actor.js';
import {
  ACTION_ITEM_BLOCKS,
  actionItemAfterMessage,
  actionItemsListMessage,
  REDATE_WORKING_DAYS,
} from '../../views/action-items.view.js';

const itemId = z.string().uuid();
const redateValue = z.object({
  i: itemId,
  d: z
    .number()
    .int()
    .refine((d) => (REDATE_WORKING_DAYS as readonly number[]).includes(d)),
});

function badButton(actionId: string, value: unknown): DomainError {
  return new DomainError(
    'action_items.bad_button',
    { key: 'actionItems.errors.badButton' },
    { detail: `${actionId} carried ${String(value).slice(0, 100)}` },
  );
}

function closeButton(deps: SlackDeps, outcome: 'done' | 'cancelled') {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const parsed = itemId.safeParse(args.action.value);
    if (!parsed.success) throw badButton(args.action.action_id, args.action.value);
    const item =
      outcome === 'done'
        ? await deps.actionItems.complete(actor.subject, parsed.data)
        : await deps.actionItems.cancel(actor.subject, parsed.data);
    await replace(deps, args, actor, actionItemAfterMessage(outcome, item, actor.t, actor.locale));
  };
}

/**
 * Shows the item's new state where the button was: a reminder DM becomes the outcome; a
 * row of `/liaison actions` re-lists what is still open under the outcome.
 */
async function replace(
  deps: SlackDeps,
  args: ButtonArgs | OverflowArgs,
  actor: RequestActor,
  outcome: ReturnType<typeof actionItemAfterMessage>,
) {
  if (!args.action.block_id.startsWith(ACTION_ITEM_BLOCKS.itemControlsPrefix)) {
    await args.respond({ replace_original: true, ...outcome });
    return;
  }
  const items = await deps.actionItems.listForOwner(actor.workspace.id, actor.person.id);
  const list = actionItemsListMessage(items, actor.t, actor.locale);
  await args.respond({
    replace_original: true,
    text: outcome.text,
    blocks: [...outcome.blocks, ...list.blocks],
  });
}

/** "Done" on a reminder or in `/liaison actions`: the item is done, the message says so. */
export const actionItemDoneButton = (deps: SlackDeps) => closeButton(deps, 'done');
/** "Cancel": the item is cancelled (no more reminders). */
export const actionItemCancelButton = (deps: SlackDeps) => closeButton(deps, 'cancelled');

/** "Re-date" overflow: +1/+3/+5 working days from today in the owner's working time. */
export function actionItemRedateMenu(deps: SlackDeps) {
  return async (args: OverflowArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const { i, d } = readMetadata(args.action.selected_option?.value, redateValue, {
      code: 'action_items.bad_button',
      message: 'actionItems.errors.badButton',
      what: `${args.action.action_id} carried`,
    });
    const item = await deps.actionItems.reDate(actor.subject, i, { workingDays: d });
    await replace(deps, args, actor, actionItemAfterMessage('redated', item, actor.t, actor.locale));
  };
}
