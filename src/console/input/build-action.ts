import type { Control, FieldValue } from '../render/index.js';
import type { ConsoleResult, ControlCommand } from './console-input.types.js';
import { resolveControlInput } from './resolve-control-input.js';
import type { SlackBlockAction } from './slack-payload.types.js';
import { toStateValue } from './state-value.js';

export interface BuiltAction {
  /** The element of `actions[]` in the block_actions payload. */
  action: SlackBlockAction;
  /** The control's new value, for the console's FieldValues (undefined for buttons). */
  value: FieldValue | undefined;
}

export interface BuildActionOptions {
  /** Slack's `action_ts` ("1700000000.123456"); passed in because this module has no clock. */
  actionTs: string;
}

function overflowSelection(
  control: Control,
  value: FieldValue | undefined,
): SlackBlockAction['selected_option'] {
  const chosen = control.options.find(
    (option) => value?.kind === 'selection' && option.value === value.selected[0],
  );
  return chosen === undefined ? null : { text: chosen.text, value: chosen.value };
}

/**
 * The `actions[]` element Slack would send when the user does `command` to `control`,
 * or an error for a typo (option out of range, pressing a field…). Whether to send it is
 * the caller's call: fields in input blocks only dispatch when `control.dispatchesAction`.
 */
export function buildActionFromControl(
  control: Control,
  command: ControlCommand,
  options: BuildActionOptions,
): ConsoleResult<BuiltAction> {
  const resolved = resolveControlInput(control, command);
  if (!resolved.ok) return resolved;
  const value = resolved.value;
  const base = { action_id: control.actionId, block_id: control.blockId, action_ts: options.actionTs };
  const element = control.element;
  if (element.type === 'button') {
    const action: SlackBlockAction = {
      type: 'button',
      ...base,
      text: element.text,
      ...(element.value === undefined ? {} : { value: element.value }),
      ...(element.style === undefined ? {} : { style: element.style }),
      ...(element.url === undefined ? {} : { url: element.url }),
    };
    return { ok: true, value: { action, value } };
  }
  if (element.type === 'overflow') {
    return {
      ok: true,
      value: {
        action: { type: 'overflow', ...base, selected_option: overflowSelection(control, value) },
        value,
      },
    };
  }
  const state = toStateValue(control, value);
  if (state === undefined) {
    return {
      ok: false,
      error: { code: 'unsupported', message: `[${control.index}] sends no action.`, control: control.index },
    };
  }
  return { ok: true, value: { action: { ...state, ...base }, value } };
}
