import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { ActionItemDto } from '../../modules/action-items/action-items.types.js';
import { ACTION_ITEM_ACTIONS } from '../ids.js';
import { formatDate } from './calendar-format.js';
import { escapeMrkdwn } from './escape.js';

export const ACTION_ITEM_BLOCKS = {
  notice: 'action_items.notice',
  controls: 'action_items.controls',
  outcome: 'action_items.outcome',
  list: 'action_items.list',
  /** One per item in `/liaison actions`: `${itemPrefix}${id}` and `${controlsPrefix}${id}`. */
  itemPrefix: 'action_items.item.',
  itemControlsPrefix: 'action_items.item_controls.',
} as const;

/** The re-date choices, in the owner's working days. */
export const REDATE_WORKING_DAYS = [1, 3, 5] as const;

/** What the Re-date overflow's options carry (validated on the way back in). */
export interface RedateOptionValue {
  i: string;
  d: number;
}

const MAX_LISTED = 15;

function itemLine(item: ActionItemDto, t: Translate, locale: SupportedLocale): string {
  const params = { title: escapeMrkdwn(item.title), due: formatDate(item.dueOn, locale) };
  return item.status === 'OVERDUE' ? t('actionItems.lineOverdue', params) : t('actionItems.line', params);
}

/** Done, Re-date (+1/+3/+5 working days) and Cancel for one item. */
export function actionItemControls(item: ActionItemDto, t: Translate, blockId: string): KnownBlock {
  return {
    type: 'actions',
    block_id: blockId,
    elements: [
      {
        type: 'button',
        style: 'primary',
        action_id: ACTION_ITEM_ACTIONS.done,
        text: { type: 'plain_text', text: t('actionItems.buttons.done') },
        value: item.id,
      },
      {
        type: 'overflow',
        action_id: ACTION_ITEM_ACTIONS.redate,
        options: REDATE_WORKING_DAYS.map((days) => ({
          text: {
            type: 'plain_text',
            text: days === 1 ? t('actionItems.buttons.plusDay') : t('actionItems.buttons.plusDays', { days }),
          },
          value: JSON.stringify({ i: item.id, d: days } satisfies RedateOptionValue),
        })),
      },
      {
        type: 'button',
        action_id: ACTION_ITEM_ACTIONS.cancel,
        text: { type: 'plain_text', text: t('actionItems.buttons.cancel') },
        value: item.id,
      },
    ],
  };
}

/** The reminder the working day before, or the overdue notice, in the owner's language. */
export function actionItemNoticeMessage(
  kind: 'reminder' | 'overdue',
  item: ActionItemDto,
  t: Translate,
  locale: SupportedLocale,
) {
  const params = { title: escapeMrkdwn(item.title), due: formatDate(item.dueOn, locale) };
  const text = kind === 'reminder' ? t('actionItems.reminder', params) : t('actionItems.overdue', params);
  return {
    text,
    blocks: [
      { type: 'section', block_id: ACTION_ITEM_BLOCKS.notice, text: { type: 'mrkdwn', text } },
      actionItemControls(item, t, ACTION_ITEM_BLOCKS.controls),
    ] as KnownBlock[],
  };
}

/** The message after a button: what the item is now, no buttons left. */
export function actionItemAfterMessage(
  outcome: 'done' | 'cancelled' | 'redated',
  item: ActionItemDto,
  t: Translate,
  locale: SupportedLocale,
) {
  const text = t(`actionItems.after.${outcome}`, {
    title: escapeMrkdwn(item.title),
    due: formatDate(item.dueOn, locale),
  });
  return {
    text,
    blocks: [
      { type: 'section', block_id: ACTION_ITEM_BLOCKS.outcome, text: { type: 'mrkdwn', text } },
    ] as KnownBlock[],
  };
}

/** `/liaison actions`: open and overdue items, soonest first, each with its buttons. */
export function actionItemsListMessage(
  items: readonly ActionItemDto[],
  t: Translate,
  locale: SupportedLocale,
) {
  if (items.length === 0) {
    const text = t('actionItems.list.empty');
    return {
      text,
      blocks: [
        { type: 'section', block_id: ACTION_ITEM_BLOCKS.list, text: { type: 'mrkdwn', text } },
      ] as KnownBlock[],
    };
  }
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: ACTION_ITEM_BLOCKS.list,
      text: { type: 'mrkdwn', text: t('actionItems.list.title', { count: items.length }) },
    },
  ];
  for (const item of items.slice(0, MAX_LISTED)) {
    blocks.push(
      {
        type: 'section',
        block_id: `${ACTION_ITEM_BLOCKS.itemPrefix}${item.id}`,
        text: { type: 'mrkdwn', text: itemLine(item, t, locale) },
      },
      actionItemControls(item, t, `${ACTION_ITEM_BLOCKS.itemControlsPrefix}${item.id}`),
    );
  }
  return { text: t('actionItems.list.fallback'), blocks };
}

/** The Home tab's "My action items" lines. */
export function actionItemHomeLines(items: readonly ActionItemDto[], t: Translate, locale: SupportedLocale) {
  return items.map((item) => itemLine(item, t, locale));
}
