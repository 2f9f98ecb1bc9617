import type { ConsoleInput } from './console-input.types.js';

// Short verbs and aliases matter more than strictness: this is typed by people trying the
// bot for the first time. Anything unrecognised comes back with a hint, never an exception.

const CONTROL_REF = /^(\d+)(?:\.(\d+))?$/;
// Chinese input methods produce full-width commas; accept them as list separators.
const LIST_SEPARATOR = /[,，、]/;

const unknown = (line: string, message: string): ConsoleInput => ({ kind: 'unknown', line, message });

function parsePress(line: string, arg: string): ConsoleInput {
  const match = CONTROL_REF.exec(arg);
  const control = Number(match?.[1]);
  if (match === null || control < 1)
    return unknown(line, 'Usage: press <number>, e.g. `press 2` (or `press 3.1` for a menu item).');
  const option = match[2] === undefined ? undefined : Number(match[2]);
  if (option === 0) return unknown(line, 'Menu items are numbered from 1, e.g. `press 3.1`.');
  return option === undefined ? { kind: 'press', control } : { kind: 'press', control, option };
}

function splitControl(rest: string): { control: number; remainder: string } | undefined {
  const match = /^(\d+)(?:\s+([\s\S]*))?$/.exec(rest);
  if (match === null) return undefined;
  const control = Number(match[1]);
  return control < 1 ? undefined : { control, remainder: (match[2] ?? '').trim() };
}

function parseChoose(line: string, rest: string): ConsoleInput {
  const parts = splitControl(rest);
  const choices = (parts?.remainder ?? '')
    .split(LIST_SEPARATOR)
    .map((choice) => choice.trim())
    .filter((choice) => choice !== '');
  if (parts === undefined || choices.length === 0) {
    return unknown(line, 'Usage: choose <number> <option>, e.g. `choose 4 2` or `choose 5 1,3` for several.');
  }
  return { kind: 'choose', control: parts.control, choices };
}

function parseUntick(line: string, rest: string): ConsoleInput {
  const parsed = parseChoose(line, rest);
  if (parsed.kind !== 'choose')
    return unknown(line, 'Usage: untick <number> <option>, e.g. `untick 5 2` or `untick 5 1,3`.');
  return { kind: 'untick', control: parsed.control, choices: parsed.choices };
}

function parseSet(line: string, rest: string): ConsoleInput {
  const parts = splitControl(rest);
  if (parts === undefined)
    return unknown(line, 'Usage: set <number> <text>, e.g. `set 2 Quarterly sync` or `set 3 2025-07-01`.');
  return { kind: 'set', control: parts.control, text: parts.remainder };
}

const SIMPLE: Readonly<Record<string, ConsoleInput>> = {
  submit: { kind: 'submit' },
  cancel: { kind: 'cancel' },
  close: { kind: 'cancel' },
  home: { kind: 'home' },
  help: { kind: 'help' },
  '?': { kind: 'help' },
  quit: { kind: 'quit' },
  exit: { kind: 'quit' },
  'escalate-this': { kind: 'escalate-this' },
  inbox: { kind: 'inbox' },
  dms: { kind: 'inbox' },
};

/** Classifies one console line. Never throws. */
export function parseConsoleInput(line: string): ConsoleInput {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.startsWith('/')) {
    const match = /^(\/\S+)\s*([\s\S]*)$/.exec(trimmed);
    const command = match?.[1];
    if (command === undefined || command === '/')
      return unknown(line, 'Type a slash command like `/liaison help`.');
    return { kind: 'slash', command: command.toLowerCase(), text: match?.[2] ?? '' };
  }
  const [word = '', ...restWords] = trimmed.split(/\s+/);
  const verb = word.toLowerCase();
  const rest = trimmed.slice(word.length).trim();
  if (CONTROL_REF.test(trimmed)) return parsePress(line, trimmed);
  const simple = SIMPLE[verb];
  if (simple !== undefined && restWords.length === 0) return simple;
  switch (verb) {
    case 'press':
    case 'p':
    case 'click':
      return parsePress(line, rest);
    case 'choose':
    case 'c':
    case 'select':
    case 'pick':
      return parseChoose(line, rest);
    case 'set':
    case 's':
    case 'type':
      return parseSet(line, rest);
    case 'untick':
    case 'uncheck':
      return parseUntick(line, rest);
    case 'channel':
    case 'ch':
      return rest === '' ? { kind: 'channel' } : { kind: 'channel', name: rest.replace(/^#/, '') };
    case 'open':
      return rest === '' ? { kind: 'open' } : { kind: 'open', name: rest };
    case 'say':
      return rest === ''
        ? unknown(line, 'Usage: say <text>, e.g. `say The Friday stock list is still missing`.')
        : { kind: 'say', text: rest };
    case 'as': {
      const user = rest.replace(/^@/, '');
      return user === '' || /\s/.test(user)
        ? unknown(line, 'Usage: as <user id or name>, e.g. `as U0DEMO2` or `as alice`.')
        : { kind: 'as', user };
    }
  }
  if (simple !== undefined) return unknown(line, `\`${verb}\` takes no arguments.`);
  if (verb === 'liaison') return unknown(line, `Slash commands start with "/": try \`/${trimmed}\`.`);
  return unknown(line, `Unknown command \`${word}\`. Type \`help\` for the list of commands.`);
}
