import type {
  Button,
  Checkboxes,
  Datepicker,
  DateTimepicker,
  EmailInput,
  FileInput,
  MrkdwnElement,
  MultiSelect,
  NumberInput,
  Overflow,
  PlainTextElement,
  PlainTextInput,
  RadioButtons,
  RichTextInput,
  Select,
  Timepicker,
  URLInput,
  WorkflowButton,
} from '@slack/types';

/** Every Block Kit element the console can number and operate. */
export type ControlElement =
  | Button
  | Checkboxes
  | Datepicker
  | DateTimepicker
  | EmailInput
  | FileInput
  | MultiSelect
  | NumberInput
  | Overflow
  | PlainTextInput
  | RadioButtons
  | RichTextInput
  | Select
  | Timepicker
  | URLInput
  | WorkflowButton;

export type ControlKind = ControlElement['type'];

/** A choice of a select, overflow, radio group or checkbox group, numbered from 1. */
export interface ControlOption {
  number: number;
  value: string;
  /** Plain-text label as shown on screen. */
  label: string;
  /** The original text object; Slack echoes it back in `selected_option(s)`. */
  text: PlainTextElement | MrkdwnElement;
  description?: string;
  url?: string;
}

/** Present when the element sits in an `input` block (a modal field). */
export interface ControlField {
  label: string;
  optional: boolean;
  hint?: string;
  /** `dispatch_action: true`: Slack also sends block_actions when this field changes. */
  dispatchAction: boolean;
}

/**
 * The value of a field or select as the console stores it between key presses, before it
 * is turned into Slack's kind-specific shape (`value`, `selected_date`, `selected_options`…).
 * `selection` holds option values for static choices and ids for user/conversation/channel pickers.
 */
export type FieldValue =
  | { kind: 'text'; text: string }
  | { kind: 'date'; date: string | null }
  | { kind: 'time'; time: string | null }
  | { kind: 'datetime'; epochSeconds: number | null }
  | { kind: 'selection'; selected: string[] };

/** Values by block_id then action_id, mirroring Slack's `view.state.values`. */
export type FieldValues = Readonly<Record<string, Readonly<Record<string, FieldValue>>>>;

/** One numbered interactive element on a rendered surface. */
export interface Control {
  /** The number the user types (`press 3`, `set 3 …`). */
  index: number;
  kind: ControlKind;
  /** Slack's id, or a positional stand-in (`block-2`) when the app set none. */
  blockId: string;
  /** Slack's id, or a positional stand-in (`action-0`) when the app set none. */
  actionId: string;
  /** What the user sees: button text, field label or placeholder. */
  label: string;
  /** Button value. */
  value?: string;
  style?: 'primary' | 'danger';
  url?: string;
  /** Choices; empty for buttons and free-text fields. */
  options: ControlOption[];
  /** The value the element starts with (`initial_option`, `initial_value`…). */
  initial?: FieldValue;
  field?: ControlField;
  /** Whether interacting sends block_actions: always outside input blocks, opt-in inside. */
  dispatchesAction: boolean;
  /** The element as the app sent it, for payload details (placeholder, limits, text). */
  element: ControlElement;
}
