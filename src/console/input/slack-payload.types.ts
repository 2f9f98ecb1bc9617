import type { MrkdwnElement, PlainTextElement, RichTextBlock } from '@slack/types';
import type { ControlKind } from '../render/index.js';

// Shapes Slack sends in interaction payloads (api.slack.com/reference/interaction-payloads).
// Flat and optional like Bolt's own ViewStateValue, because which key is present depends on
// the element type. Option text keeps its original type: Slack echoes mrkdwn checkbox
// labels back as mrkdwn.

export interface SelectedOption {
  text: PlainTextElement | MrkdwnElement;
  value: string;
}

/** One entry of `view.state.values[block_id][action_id]`. */
export interface SlackStateValue {
  type: ControlKind;
  value?: string | null;
  selected_option?: SelectedOption | null;
  selected_options?: SelectedOption[];
  selected_user?: string | null;
  selected_users?: string[];
  selected_conversation?: string | null;
  selected_conversations?: string[];
  selected_channel?: string | null;
  selected_channels?: string[];
  selected_date?: string | null;
  selected_time?: string | null;
  selected_date_time?: number | null;
  rich_text_value?: RichTextBlock;
  files?: never[];
}

/** `view.state.values`: block_id → action_id → value. */
export type SlackViewStateValues = Record<string, Record<string, SlackStateValue>>;

/** One element of a block_actions payload's `actions` array. */
export interface SlackBlockAction extends SlackStateValue {
  action_id: string;
  block_id: string;
  action_ts: string;
  /** Buttons: the button's text, as Slack echoes it. */
  text?: PlainTextElement;
  style?: 'primary' | 'danger';
  url?: string;
}
