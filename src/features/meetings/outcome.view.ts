import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { AgendaItemDto, DecisionDto } from '../../modules/meetings/meetings.types.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { short } from './meeting-format.js';
import { OUTCOME_FIELDS as F, FIELD_ACTION, OUTCOME_ROWS, OUTCOME_VIEW } from './meetings.ids.js';

function input(blockId: string, label: string, element: InputBlock['element'], optional = true): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional,
    label: { type: 'plain_text', text: short(label, 2000) },
    element,
  };
}

/** "Record decision…" on an agenda item: the decision, who decided, and up to three action items. */
export function outcomeModal(item: AgendaItemDto, t: Translate, clickerSlackUserId: string): ModalView {
  const rows: KnownBlock[] = [];
  for (let n = 1; n <= OUTCOME_ROWS; n++)
    rows.push(
      input(`${F.actionTitle}${n}`, t('meetings.outcomeModal.actionTitle', { n }), {
        type: 'plain_text_input',
        action_id: FIELD_ACTION,
        max_length: 200,
      }),
      input(`${F.actionOwner}${n}`, t('meetings.outcomeModal.actionOwner', { n }), {
        type: 'multi_users_select',
        action_id: FIELD_ACTION,
        max_selected_items: 1,
      }),
      input(`${F.actionDue}${n}`, t('meetings.outcomeModal.actionDue', { n }), {
        type: 'datepicker',
        action_id: FIELD_ACTION,
      }),
      input(`${F.actionDays}${n}`, t('meetings.outcomeModal.actionDays', { n }), {
        type: 'plain_text_input',
        action_id: FIELD_ACTION,
        max_length: 2,
      }),
    );
  return {
    type: 'modal',
    callback_id: OUTCOME_VIEW,
    private_metadata: JSON.stringify({ i: item.id }),
    title: { type: 'plain_text', text: short(t('meetings.outcomeModal.title'), 24) },
    submit: { type: 'plain_text', text: t('meetings.outcomeModal.submit') },
    close: { type: 'plain_text', text: t('meetings.newModal.close') },
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: t('meetings.outcomeModal.item', { title: escapeMrkdwn(item.title) }) },
      },
      input(
        F.decision,
        t('meetings.outcomeModal.decision'),
        { type: 'plain_text_input', action_id: FIELD_ACTION, multiline: true, max_length: 2000 },
        false,
      ),
      input(
        F.decidedBy,
        t('meetings.outcomeModal.decidedBy'),
        {
          type: 'multi_users_select',
          action_id: FIELD_ACTION,
          max_selected_items: 1,
          initial_users: [clickerSlackUserId],
        },
        false,
      ),
      { type: 'context', elements: [{ type: 'mrkdwn', text: t('meetings.outcomeModal.optional') }] },
      ...rows,
    ],
  };
}

/** The line in the agenda's thread once a decision is recorded. */
export function decisionRecordedMessage(decision: DecisionDto, t: Translate, actionCount: number) {
  const text = t('meetings.recordedThread', {
    title: escapeMrkdwn(decision.itemTitle),
    by: decision.decidedBySlackUserId,
    text: escapeMrkdwn(short(decision.text, 2500)),
  });
  return {
    text,
    blocks: [
      { type: 'section', block_id: 'meetings.decision', text: { type: 'mrkdwn', text } },
      ...(actionCount > 0
        ? [
            {
              type: 'context' as const,
              elements: [
                {
                  type: 'mrkdwn' as const,
                  text: t('meetings.recordedActions', { count: actionCount }),
                },
              ],
            },
          ]
        : []),
    ] as KnownBlock[],
  };
}
