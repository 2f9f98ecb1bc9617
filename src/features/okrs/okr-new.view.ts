import type { InputBlock, KnownBlock, ModalView, PlainTextElement } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { MAX_TITLE_LENGTH, MAX_UNIT_LENGTH } from '../../modules/okrs/okrs.rules.js';
import { DEPARTMENT_FIELD_ACTION } from '../../slack/ids.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { textInputBlock } from '../../slack/views/text-input.view.js';
import { OKR_FIELDS, OKR_VIEWS } from './okrs.ids.js';

const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text: text.slice(0, 75) });

/** The value of the "For" option that means a company objective. */
export const COMPANY_LEVEL = 'company';

function selectBlock(
  block: string,
  label: string,
  options: { value: string; text: string }[],
  settings: { optional?: boolean; initial?: string } = {},
): InputBlock {
  const choices = options.map((o) => ({ text: plain(o.text), value: o.value }));
  const initial = choices.find((c) => c.value === settings.initial);
  return {
    type: 'input',
    block_id: block,
    optional: settings.optional ?? false,
    label: plain(label),
    element: {
      type: 'static_select',
      action_id: DEPARTMENT_FIELD_ACTION,
      options: choices,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

/** The key result's fields, shared by the new-objective and add-key-result modals. */
function keyResultBlocks(t: Translate, ownerSlackUserId: string): KnownBlock[] {
  return [
    textInputBlock(t, OKR_FIELDS.krTitle, 'okrs.modal.krTitle', { maxLength: MAX_TITLE_LENGTH }),
    selectBlock(
      OKR_FIELDS.kind,
      t('okrs.modal.kind'),
      [
        { value: 'METRIC', text: t('okrs.modal.kindMetric') },
        { value: 'MILESTONE', text: t('okrs.modal.kindMilestone') },
      ],
      { initial: 'METRIC' },
    ),
    textInputBlock(t, OKR_FIELDS.start, 'okrs.modal.start', { maxLength: 30, optional: true }),
    textInputBlock(t, OKR_FIELDS.target, 'okrs.modal.target', { maxLength: 30, optional: true }),
    textInputBlock(t, OKR_FIELDS.unit, 'okrs.modal.unit', { maxLength: MAX_UNIT_LENGTH, optional: true }),
    textInputBlock(t, OKR_FIELDS.kpi, 'okrs.modal.kpi', { maxLength: 40, optional: true }),
    {
      type: 'input',
      block_id: OKR_FIELDS.owner,
      label: plain(t('okrs.modal.owner')),
      element: {
        type: 'multi_users_select',
        action_id: DEPARTMENT_FIELD_ACTION,
        max_selected_items: 1,
        initial_users: [ownerSlackUserId],
      },
    },
  ];
}

/** `/okr new`: an objective for the company or a department the person leads, and its first key result. */
export function newObjectiveModal(
  t: Translate,
  input: {
    levels: { value: string; text: string }[];
    parents: { number: number; title: string }[];
    ownerSlackUserId: string;
  },
): ModalView {
  const blocks: KnownBlock[] = [
    textInputBlock(t, OKR_FIELDS.title, 'okrs.modal.objective', { maxLength: MAX_TITLE_LENGTH }),
    selectBlock(OKR_FIELDS.level, t('okrs.modal.level'), input.levels, { initial: input.levels[0]?.value }),
  ];
  if (input.parents.length > 0)
    blocks.push(
      selectBlock(
        OKR_FIELDS.parent,
        t('okrs.modal.parent'),
        input.parents
          .slice(0, 100)
          .map((p) => ({ value: String(p.number), text: `O-${p.number} ${p.title}` })),
        { optional: true },
      ),
    );
  blocks.push({ type: 'divider' }, ...keyResultBlocks(t, input.ownerSlackUserId));
  return {
    type: 'modal',
    callback_id: OKR_VIEWS.newObjective,
    title: plain(t('okrs.modal.title')),
    submit: plain(t('okrs.modal.submit')),
    close: plain(t('okrs.modal.cancel')),
    blocks,
  };
}

/** `/okr new O-3`: one more key result for objective O-3. */
export function newKeyResultModal(
  t: Translate,
  objective: { number: number; title: string },
  ownerSlackUserId: string,
): ModalView {
  return {
    type: 'modal',
    callback_id: OKR_VIEWS.newKeyResult,
    title: plain(t('okrs.modal.titleKr')),
    submit: plain(t('okrs.modal.submit')),
    close: plain(t('okrs.modal.cancel')),
    private_metadata: JSON.stringify({ o: objective.number }),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: t('okrs.modal.addingTo', { number: objective.number, title: escapeMrkdwn(objective.title) }),
        },
      },
      ...keyResultBlocks(t, ownerSlackUserId),
    ],
  };
}
