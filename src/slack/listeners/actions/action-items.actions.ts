import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  OverflowAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { z } from 'zod';
import type { ActionItemActor } from '../../../modules/action-items/action-items.types.js';
import { DomainError } from '../../../modules/shared/domain-error.js';
import type { SlackDeps } from '../../deps.js';
import { type RequestActor, resolveActor } from '../../request-actor.js';
import {
  ACTION_ITEM_BLOCKS,
  actionItemAfterMessage,
  actionItemsListMessage,
  REDATE_WORKING_DAYS,
} from '../../views/action-items.view.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type OverflowArgs = SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & AllMiddlewareArgs;

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

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}

async function actorOf(deps: SlackDeps, args: ButtonArgs | OverflowArgs) {
  const { body, client, context } = args;
  const actor = await resolveActor(deps, {
    teamId: body.team?.id ?? context.teamId ?? '',
    ...(body.enterprise?.id ? { enterpriseId: body.enterprise.id } : {}),
    userId: body.user.id,
    userName: body.user.name,
    client,
    context,
  });
  const who: ActionItemActor = {
    workspaceId: actor.workspace.id,
    personId: actor.person.id,
    slackUserId: actor.person.slackUserId,
  };
  return { actor, who };
}

function closeButton(deps: SlackDeps, outcome: 'done' | 'cancelled') {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const parsed = itemId.safeParse(args.action.value);
    if (!parsed.success) throw badButton(args.action.action_id, args.action.value);
    const { actor, who } = await actorOf(deps, args);
    const item =
      outcome === 'done'
        ? await deps.actionItems.complete(who, parsed.data)
        : await deps.actionItems.cancel(who, parsed.data);
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
    const raw = args.action.selected_option?.value;
    const parsed = redateValue.safeParse(safeJson(raw));
    if (!parsed.success) throw badButton(args.action.action_id, raw);
    const { actor, who } = await actorOf(deps, args);
    const item = await deps.actionItems.reDate(who, parsed.data.i, { workingDays: parsed.data.d });
    await replace(deps, args, actor, actionItemAfterMessage('redated', item, actor.t, actor.locale));
  };
}
