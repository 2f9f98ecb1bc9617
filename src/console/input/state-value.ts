import type { Control, ControlOption, FieldValue } from '../render/index.js';
import type { SelectedOption, SlackStateValue } from './slack-payload.types.js';

// One mapping from the console's FieldValue to Slack's per-type keys, shared by
// block_actions (the changed element) and view_submission (every element), so the two
// payloads can never disagree about a field.

function selectedIds(value: FieldValue | undefined): string[] {
  return value?.kind === 'selection' ? value.selected : [];
}

function toSelectedOption(control: Control, value: string): SelectedOption {
  const option: ControlOption | undefined = control.options.find((candidate) => candidate.value === value);
  return option === undefined
    ? { text: { type: 'plain_text', text: value }, value }
    : { text: option.text, value };
}

function textOf(value: FieldValue | undefined): string | null {
  return value?.kind === 'text' && value.text !== '' ? value.text : null;
}

function richText(text: string | null): SlackStateValue['rich_text_value'] {
  return {
    type: 'rich_text',
    elements: [{ type: 'rich_text_section', elements: text === null ? [] : [{ type: 'text', text }] }],
  };
}

/**
 * Slack's state for a control holding `value` (undefined = untouched and no initial value,
 * which Slack reports as null or an empty list). Buttons and overflow menus hold no state.
 */
export function toStateValue(control: Control, value: FieldValue | undefined): SlackStateValue | undefined {
  const ids = selectedIds(value);
  const first = ids[0] ?? null;
  const type = control.kind;
  switch (type) {
    case 'button':
    case 'workflow_button':
    case 'overflow':
      return undefined;
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { type, selected_option: first === null ? null : toSelectedOption(control, first) };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type, selected_options: ids.map((id) => toSelectedOption(control, id)) };
    case 'users_select':
      return { type, selected_user: first };
    case 'multi_users_select':
      return { type, selected_users: ids };
    case 'conversations_select':
      return { type, selected_conversation: first };
    case 'multi_conversations_select':
      return { type, selected_conversations: ids };
    case 'channels_select':
      return { type, selected_channel: first };
    case 'multi_channels_select':
      return { type, selected_channels: ids };
    case 'datepicker':
      return { type, selected_date: value?.kind === 'date' ? value.date : null };
    case 'timepicker':
      return { type, selected_time: value?.kind === 'time' ? value.time : null };
    case 'datetimepicker':
      return { type, selected_date_time: value?.kind === 'datetime' ? value.epochSeconds : null };
    case 'rich_text_input':
      return { type, rich_text_value: richText(textOf(value)) };
    case 'file_input':
      return { type, files: [] };
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return { type, value: textOf(value) };
  }
}
