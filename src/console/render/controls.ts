import type { Option, PlainTextOption } from '@slack/types';
import type { MessageKey } from '../../i18n/catalog.js';
import { consoleWords } from './console-words.js';
import type { Control, ControlElement, ControlField, ControlOption, FieldValue } from './control.types.js';
import { plainTextOf } from './emoji.js';
import { mrkdwnToText } from './mrkdwn.js';
import type { DirectoryEntry, RenderContext } from './render.types.js';
import { richTextToLines } from './rich-text.js';

const CONTROL_TYPES: ReadonlySet<string> = new Set<ControlElement['type']>([
  'button',
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'email_text_input',
  'file_input',
  'multi_users_select',
  'multi_static_select',
  'multi_conversations_select',
  'multi_channels_select',
  'multi_external_select',
  'number_input',
  'overflow',
  'plain_text_input',
  'radio_buttons',
  'rich_text_input',
  'users_select',
  'static_select',
  'conversations_select',
  'channels_select',
  'external_select',
  'timepicker',
  'url_text_input',
  'workflow_button',
]);

export function isControlElement(element: { type: string }): element is ControlElement {
  return CONTROL_TYPES.has(element.type);
}

// Labels are stored plain: they identify choices in prompts and error messages, where
// ANSI codes would only get in the way.
const PLAIN: RenderContext = { color: false };

function fromOptions(options: readonly (Option | PlainTextOption)[]): ControlOption[] {
  return options.map((option, position) => ({
    number: position + 1,
    value: option.value ?? '',
    label: option.text.type === 'mrkdwn' ? mrkdwnToText(option.text.text, PLAIN) : plainTextOf(option.text),
    text: option.text,
    ...(option.description === undefined ? {} : { description: option.description.text }),
    ...(option.url === undefined ? {} : { url: option.url }),
  }));
}

function fromDirectory(entries: readonly DirectoryEntry[] | undefined): ControlOption[] {
  return fromOptions(
    (entries ?? []).map((entry) => ({ value: entry.id, text: { type: 'plain_text', text: entry.name } })),
  );
}

function optionsOf(element: ControlElement, ctx: RenderContext): ControlOption[] {
  switch (element.type) {
    case 'static_select':
    case 'multi_static_select':
      // Groups are flattened: one running number is easier to type than "group 2, option 3".
      return fromOptions(element.options ?? element.option_groups?.flatMap((group) => group.options) ?? []);
    case 'overflow':
    case 'radio_buttons':
    case 'checkboxes':
      return fromOptions(element.options);
    case 'users_select':
    case 'multi_users_select':
      return fromDirectory(ctx.directory?.users);
    case 'conversations_select':
    case 'multi_conversations_select':
      return fromDirectory(ctx.directory?.conversations ?? ctx.directory?.channels);
    case 'channels_select':
    case 'multi_channels_select':
      return fromDirectory(ctx.directory?.channels);
    default:
      return [];
  }
}

const selection = (selected: readonly (string | undefined)[] | undefined): FieldValue | undefined => {
  const values = (selected ?? []).filter((value): value is string => value !== undefined);
  return values.length === 0 ? undefined : { kind: 'selection', selected: values };
};

function initialOf(element: ControlElement): FieldValue | undefined {
  switch (element.type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return selection([element.initial_option?.value]);
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return selection(element.initial_options?.map((option) => option.value));
    case 'users_select':
      return selection([element.initial_user]);
    case 'multi_users_select':
      return selection(element.initial_users);
    case 'conversations_select':
      return selection([element.initial_conversation]);
    case 'multi_conversations_select':
      return selection(element.initial_conversations);
    case 'channels_select':
      return selection([element.initial_channel]);
    case 'multi_channels_select':
      return selection(element.initial_channels);
    case 'datepicker':
      return element.initial_date === undefined ? undefined : { kind: 'date', date: element.initial_date };
    case 'timepicker':
      return element.initial_time === undefined ? undefined : { kind: 'time', time: element.initial_time };
    case 'datetimepicker':
      return element.initial_date_time === undefined
        ? undefined
        : { kind: 'datetime', epochSeconds: element.initial_date_time };
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return element.initial_value === undefined ? undefined : { kind: 'text', text: element.initial_value };
    case 'rich_text_input':
      return element.initial_value === undefined
        ? undefined
        : { kind: 'text', text: richTextToLines(element.initial_value, PLAIN).join('\n') };
    default:
      return undefined;
  }
}

const DEFAULT_LABELS: Partial<Record<ControlElement['type'], MessageKey>> = {
  overflow: 'console.render.labels.moreActions',
  datepicker: 'console.render.labels.pickDate',
  timepicker: 'console.render.labels.pickTime',
  datetimepicker: 'console.render.labels.pickDateTime',
  users_select: 'console.render.labels.selectUser',
  multi_users_select: 'console.render.labels.selectUsers',
  conversations_select: 'console.render.labels.selectConversation',
  multi_conversations_select: 'console.render.labels.selectConversations',
  channels_select: 'console.render.labels.selectChannel',
  multi_channels_select: 'console.render.labels.selectChannels',
  checkboxes: 'console.render.labels.checkboxes',
  radio_buttons: 'console.render.labels.chooseOne',
  file_input: 'console.render.labels.uploadFiles',
};

function labelOf(element: ControlElement, field: ControlField | undefined, ctx: RenderContext): string {
  if (field !== undefined) return field.label;
  if ('text' in element) return plainTextOf(element.text);
  if ('placeholder' in element && element.placeholder !== undefined) return plainTextOf(element.placeholder);
  return consoleWords(ctx)(DEFAULT_LABELS[element.type] ?? 'console.render.labels.selectItem');
}

export interface ControlPlacement {
  index: number;
  blockId: string;
  actionId: string;
  field?: ControlField;
}

/** Describes one interactive element as a numbered console control. */
export function toControl(element: ControlElement, placement: ControlPlacement, ctx: RenderContext): Control {
  const { field } = placement;
  const initial = initialOf(element);
  return {
    index: placement.index,
    kind: element.type,
    blockId: placement.blockId,
    actionId: element.action_id ?? placement.actionId,
    label: labelOf(element, field, ctx),
    options: optionsOf(element, ctx),
    dispatchesAction: field === undefined || field.dispatchAction,
    element,
    ...(initial === undefined ? {} : { initial }),
    ...(field === undefined ? {} : { field }),
    ...(element.type === 'button' && element.value !== undefined ? { value: element.value } : {}),
    ...(element.type === 'button' && element.url !== undefined ? { url: element.url } : {}),
    ...((element.type === 'button' || element.type === 'workflow_button') && element.style !== undefined
      ? { style: element.style }
      : {}),
  };
}
