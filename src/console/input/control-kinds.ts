import type { Control, ControlKind, FieldValue } from '../render/index.js';
import type { ConsoleInputError, ConsoleInputErrorCode, ConsoleResult } from './console-input.types.js';

// Which gesture fits which element, and the result helpers every resolver shares.

export type Resolved = ConsoleResult<FieldValue | undefined>;

export const fail = (
  control: Control,
  code: ConsoleInputErrorCode,
  message: string,
): { ok: false; error: ConsoleInputError } => ({
  ok: false,
  error: { code, message, control: control.index },
});

export const ok = (value: FieldValue | undefined): Resolved => ({ ok: true, value });

export const CHOICE_KINDS: ReadonlySet<ControlKind> = new Set<ControlKind>([
  'static_select',
  'multi_static_select',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'multi_conversations_select',
  'channels_select',
  'multi_channels_select',
  'radio_buttons',
  'checkboxes',
  'overflow',
]);

export const MULTI_KINDS: ReadonlySet<ControlKind> = new Set<ControlKind>([
  'multi_static_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
  'checkboxes',
]);

export const SETTABLE_KINDS: ReadonlySet<ControlKind> = new Set<ControlKind>([
  'plain_text_input',
  'email_text_input',
  'url_text_input',
  'number_input',
  'rich_text_input',
  'datepicker',
  'timepicker',
  'datetimepicker',
]);
