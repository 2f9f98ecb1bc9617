import type { InputBlock, PlainTextElement } from '@slack/types';
import type { MessageKey, Translate } from '../../i18n/catalog.js';
import { DEPARTMENT_FIELD_ACTION } from '../ids.js';

const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text });

/**
 * A labelled text field of a modal, in the reader's language. Its element's action_id is the
 * one every Liaison form reads its inputs by (view-state.ts), so the block id names the field.
 */
export function textInputBlock(
  t: Translate,
  block: string,
  label: MessageKey,
  options: {
    initial?: string | null;
    optional?: boolean;
    multiline?: boolean;
    maxLength: number;
    hint?: MessageKey;
  },
): InputBlock {
  return {
    type: 'input',
    block_id: block,
    optional: options.optional ?? false,
    label: plain(t(label)),
    ...(options.hint ? { hint: plain(t(options.hint)) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: DEPARTMENT_FIELD_ACTION,
      max_length: options.maxLength,
      ...(options.multiline ? { multiline: true } : {}),
      ...(options.initial ? { initial_value: options.initial } : {}),
    },
  };
}
