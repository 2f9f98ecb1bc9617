import type { Control } from '../render/index.js';
import type { ConsoleResult, ControlCommand } from './console-input.types.js';
import { CHOICE_KINDS, fail, ok, type Resolved, SETTABLE_KINDS } from './control-kinds.js';
import { resolveChoose } from './resolve-choice.js';
import { resolveSet } from './resolve-entry.js';

// Turns `press` / `choose` / `set` into the value a control would hold after the same
// gesture in Slack, enforcing what Slack's client enforces (one choice for single selects,
// real dates, number bounds). Errors are returned, not thrown: they are user typos.

function resolvePress(control: Control, option: number | undefined): Resolved {
  if (control.kind === 'overflow') {
    if (option === undefined) {
      return fail(
        control,
        'needs-option',
        `[${control.index}] is a menu: press ${control.index}.1 to ${control.index}.${control.options.length}.`,
      );
    }
    const chosen = control.options.find((candidate) => candidate.number === option);
    return chosen === undefined
      ? fail(
          control,
          'no-such-option',
          `Menu [${control.index}] has items ${control.index}.1 to ${control.index}.${control.options.length}.`,
        )
      : ok({ kind: 'selection', selected: [chosen.value] });
  }
  if (control.kind !== 'button') {
    const how = CHOICE_KINDS.has(control.kind)
      ? `choose ${control.index} <option>`
      : SETTABLE_KINDS.has(control.kind)
        ? `set ${control.index} <value>`
        : undefined;
    return how === undefined
      ? fail(
          control,
          'unsupported',
          `[${control.index}] ${control.label} (${control.kind}) cannot be used from the console.`,
        )
      : fail(
          control,
          'not-pressable',
          `[${control.index}] ${control.label} is not a button. Use \`${how}\`.`,
        );
  }
  if (option !== undefined) {
    return fail(
      control,
      'not-pressable',
      `[${control.index}] is a button, not a menu: type \`press ${control.index}\`.`,
    );
  }
  return ok(undefined);
}

/**
 * The value a control holds after the command: a selection, text, date…, or `undefined` for
 * a button press (buttons hold no state). Does not check that the command targets this
 * control's number; the caller looked the control up by it.
 */
export function resolveControlInput(control: Control, command: ControlCommand): Resolved {
  switch (command.kind) {
    case 'press':
      return resolvePress(control, command.option);
    case 'choose':
      return resolveChoose(control, command.choices);
    case 'set':
      return resolveSet(control, command.text);
  }
}

/** Finds control N, with a readable error when the number is not on screen. */
export function findControl(controls: readonly Control[], index: number): ConsoleResult<Control> {
  const control = controls.find((candidate) => candidate.index === index);
  if (control !== undefined) return { ok: true, value: control };
  const numbers = controls.map((candidate) => candidate.index);
  const range =
    numbers.length === 0 ? 'nothing on screen is numbered' : `numbers shown: ${numbers.join(', ')}`;
  return {
    ok: false,
    error: { code: 'no-such-control', message: `There is no [${index}]; ${range}.`, control: index },
  };
}
