import { type Control, currentFieldValue, type FieldValues } from '../render/index.js';
import type { SlackViewStateValues } from './slack-payload.types.js';
import { toStateValue } from './state-value.js';

/**
 * `view.state.values` for a view_submission (or the `view` of a block_actions in a modal):
 * every stateful control, with the user's entry or else its initial value, as Slack sends it.
 */
export function buildViewStateValues(
  controls: readonly Control[],
  values: FieldValues,
): SlackViewStateValues {
  const state: SlackViewStateValues = {};
  for (const control of controls) {
    const entry = toStateValue(control, currentFieldValue(values, control));
    if (entry === undefined) continue;
    state[control.blockId] = { ...state[control.blockId], [control.actionId]: entry };
  }
  return state;
}
