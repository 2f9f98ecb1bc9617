import type { Control } from '../render/index.js';
import { CHOICE_KINDS, fail, ok, type Resolved } from './control-kinds.js';
import { parseSlackDate, parseSlackDateTime, parseSlackTime } from './pickers.js';

function resolveNumber(control: Control, text: string): Resolved {
  const element = control.element;
  if (element.type !== 'number_input') return ok({ kind: 'text', text });
  const pattern = element.is_decimal_allowed ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/;
  if (!pattern.test(text)) {
    const expected = element.is_decimal_allowed ? 'a number' : 'a whole number';
    return fail(
      control,
      'invalid-value',
      `[${control.index}] ${control.label} needs ${expected}, got "${text}".`,
    );
  }
  const value = Number(text);
  if (element.min_value !== undefined && value < Number(element.min_value)) {
    return fail(
      control,
      'invalid-value',
      `[${control.index}] ${control.label} must be at least ${element.min_value}.`,
    );
  }
  if (element.max_value !== undefined && value > Number(element.max_value)) {
    return fail(
      control,
      'invalid-value',
      `[${control.index}] ${control.label} must be at most ${element.max_value}.`,
    );
  }
  return ok({ kind: 'text', text });
}

/** `set N …`: typed text → the value of a text, number, date or time field. */
export function resolveSet(control: Control, text: string): Resolved {
  const element = control.element;
  const invalid = (expected: string) =>
    fail(control, 'invalid-value', `[${control.index}] ${control.label} needs ${expected}, got "${text}".`);
  switch (element.type) {
    case 'datepicker': {
      if (text === '') return ok({ kind: 'date', date: null });
      const date = parseSlackDate(text);
      return date === undefined ? invalid('a date as YYYY-MM-DD') : ok({ kind: 'date', date });
    }
    case 'timepicker': {
      if (text === '') return ok({ kind: 'time', time: null });
      const time = parseSlackTime(text);
      return time === undefined ? invalid('a 24-hour time as HH:MM') : ok({ kind: 'time', time });
    }
    case 'datetimepicker': {
      if (text === '') return ok({ kind: 'datetime', epochSeconds: null });
      const epochSeconds = parseSlackDateTime(text);
      return epochSeconds === undefined
        ? invalid('YYYY-MM-DD HH:MM (UTC)')
        : ok({ kind: 'datetime', epochSeconds });
    }
    case 'email_text_input':
      return text === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)
        ? ok({ kind: 'text', text })
        : invalid('an email address');
    case 'url_text_input':
      return text === '' || /^https?:\/\/\S+$/.test(text)
        ? ok({ kind: 'text', text })
        : invalid('a URL starting with http:// or https://');
    case 'number_input':
      return text === '' ? ok({ kind: 'text', text }) : resolveNumber(control, text);
    case 'plain_text_input': {
      // A console line is one line: in a multi-line box, a typed `\n` starts a new line.
      const value = element.multiline ? text.replace(/\\n/g, '\n') : text;
      // Slack's box stops accepting characters at max_length; min_length is checked on submit.
      if (element.max_length !== undefined && [...value].length > element.max_length) {
        return fail(
          control,
          'invalid-value',
          `[${control.index}] ${control.label} allows at most ${element.max_length} characters.`,
        );
      }
      return ok({ kind: 'text', text: value });
    }
    case 'rich_text_input':
      return ok({ kind: 'text', text });
    default: {
      const hint = CHOICE_KINDS.has(control.kind) ? ` Use \`choose ${control.index} <option>\`.` : '';
      return fail(control, 'not-settable', `[${control.index}] ${control.label} is not a text field.${hint}`);
    }
  }
}
