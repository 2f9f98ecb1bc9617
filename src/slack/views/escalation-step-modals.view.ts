import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { EscalationDto } from '../../modules/escalations/escalations.types.js';
import { DEPARTMENT_FIELD_ACTION, ESCALATION_STEP_FIELDS, ESCALATION_STEP_VIEWS } from '../ids.js';
import { escapeMrkdwn } from './escape.js';

export type TextStep = 'propose' | 'reject' | 'escalate' | 'reopen';
export type StepKind = keyof typeof ESCALATION_STEP_VIEWS;

/** Follow-up action items a resolution can record from the modal. */
export const ACTION_ITEM_ROWS = 3;
/** What a step modal remembers: only which escalation (the actor comes from the payload). */
export interface StepMetadata {
  n: number;
}

/** Slack limits: modal titles 24 characters, option texts 75. */
const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function shell(
  kind: StepKind,
  esc: Pick<EscalationDto, 'number' | 'title'>,
  t: Translate,
  blocks: KnownBlock[],
) {
  const view: ModalView = {
    type: 'modal',
    callback_id: ESCALATION_STEP_VIEWS[kind],
    private_metadata: JSON.stringify({ n: esc.number } satisfies StepMetadata),
    title: { type: 'plain_text', text: short(t(`escalationCards.modal.${kind}.title`), 24) },
    submit: { type: 'plain_text', text: t('escalationCards.modal.submit') },
    close: { type: 'plain_text', text: t('escalationCards.modal.cancel') },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: short(
            t('escalationCards.modal.intro', { esc: `ESC-${esc.number}`, title: escapeMrkdwn(esc.title) }),
            2900,
          ),
        },
      },
      ...blocks,
    ],
  };
  return view;
}

function textInput(blockId: string, label: string, optional: boolean, multiline = true): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional,
    label: { type: 'plain_text', text: label },
    element: { type: 'plain_text_input', action_id: DEPARTMENT_FIELD_ACTION, multiline, max_length: 3000 },
  };
}

const TEXT_STEPS: Record<TextStep, { block: string; optional: boolean }> = {
  propose: { block: ESCALATION_STEP_FIELDS.proposal, optional: false },
  reject: { block: ESCALATION_STEP_FIELDS.reason, optional: true },
  escalate: { block: ESCALATION_STEP_FIELDS.reason, optional: true },
  reopen: { block: ESCALATION_STEP_FIELDS.reason, optional: false },
};

/** Propose (the proposal), Reject and Escalate now (an optional reason), Reopen (a reason). */
export function textStepModal(
  kind: TextStep,
  esc: Pick<EscalationDto, 'number' | 'title'>,
  t: Translate,
): ModalView {
  const { block, optional } = TEXT_STEPS[kind];
  return shell(kind, esc, t, [textInput(block, t(`escalationCards.modal.${kind}.field`), optional)]);
}

/** Reassign: one person from the workspace. */
export function reassignModal(esc: Pick<EscalationDto, 'number' | 'title'>, t: Translate): ModalView {
  return shell('reassign', esc, t, [
    {
      type: 'input',
      block_id: ESCALATION_STEP_FIELDS.assignee,
      label: { type: 'plain_text', text: t('escalationCards.modal.reassign.field') },
      element: { type: 'users_select', action_id: DEPARTMENT_FIELD_ACTION },
    },
  ]);
}

/** The value of option `index` in the "options considered" checkboxes. */
export const optionValue = (index: number) => `o${index}`;

/**
 * Resolve: the decision, the escalation's options as checkboxes (all ticked to start with),
 * and up to three follow-up action items, each what + owner + due date.
 */
export function resolveModal(
  esc: Pick<EscalationDto, 'number' | 'title' | 'options'>,
  t: Translate,
): ModalView {
  const options = esc.options.slice(0, 10).map((o, index) => ({
    text: { type: 'plain_text' as const, text: short(o.label, 75) },
    value: optionValue(index),
  }));
  const rows: KnownBlock[] = [];
  for (let n = 1; n <= ACTION_ITEM_ROWS; n++) {
    rows.push(
      textInput(
        `${ESCALATION_STEP_FIELDS.itemTitle}${n}`,
        t('escalationCards.modal.resolve.itemTitle', { n }),
        true,
        false,
      ),
      {
        type: 'input',
        block_id: `${ESCALATION_STEP_FIELDS.itemOwner}${n}`,
        optional: true,
        label: { type: 'plain_text', text: t('escalationCards.modal.resolve.itemOwner', { n }) },
        element: { type: 'users_select', action_id: DEPARTMENT_FIELD_ACTION },
      },
      {
        type: 'input',
        block_id: `${ESCALATION_STEP_FIELDS.itemDue}${n}`,
        optional: true,
        label: { type: 'plain_text', text: t('escalationCards.modal.resolve.itemDue', { n }) },
        element: { type: 'datepicker', action_id: DEPARTMENT_FIELD_ACTION },
      },
    );
  }
  return shell('resolve', esc, t, [
    textInput(ESCALATION_STEP_FIELDS.decision, t('escalationCards.modal.resolve.decision'), false),
    ...(options.length > 0
      ? [
          {
            type: 'input' as const,
            block_id: ESCALATION_STEP_FIELDS.options,
            optional: true,
            label: { type: 'plain_text' as const, text: t('escalationCards.modal.resolve.options') },
            element: {
              type: 'checkboxes' as const,
              action_id: DEPARTMENT_FIELD_ACTION,
              options,
              initial_options: options,
            },
          },
        ]
      : []),
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: t('escalationCards.modal.resolve.itemsHint') }],
    },
    ...rows,
  ]);
}
