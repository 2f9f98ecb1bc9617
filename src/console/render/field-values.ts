import type { Control, FieldValue, FieldValues } from './control.types.js';

// The console keeps modal input between key presses in the same nesting Slack uses for
// view.state.values (block_id → action_id), so positional control numbers never leak into
// stored state and a re-rendered view (new numbers) still finds its values.

export function getFieldValue(values: FieldValues | undefined, control: Control): FieldValue | undefined {
  return values?.[control.blockId]?.[control.actionId];
}

/** Returns a new map with the control's value replaced. */
export function setFieldValue(values: FieldValues, control: Control, value: FieldValue): FieldValues {
  return { ...values, [control.blockId]: { ...values[control.blockId], [control.actionId]: value } };
}

/** What the control shows now: the user's entry, else the element's initial value. */
export function currentFieldValue(values: FieldValues | undefined, control: Control): FieldValue | undefined {
  return getFieldValue(values, control) ?? control.initial;
}
