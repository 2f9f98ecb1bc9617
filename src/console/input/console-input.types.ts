/** One line typed at the console, classified. Pure syntax: controls are not looked up here. */
export type ConsoleInput =
  | { kind: 'empty' }
  /** `/liaison help` — sent as a real slash command. */
  | { kind: 'slash'; command: string; text: string }
  /** `press 3`, `p 3`, `3`; `press 3.2` picks item 2 of overflow menu 3. */
  | { kind: 'press'; control: number; option?: number }
  /** `choose 4 2`, `choose 4 high`, `choose 5 1,3` — option numbers, values or names. */
  | { kind: 'choose'; control: number; choices: string[] }
  /** `set 2 Quarterly sync` — text, date, time or number for a field; `set 2` clears it. */
  | { kind: 'set'; control: number; text: string }
  | { kind: 'submit' }
  | { kind: 'cancel' }
  | { kind: 'home' }
  /** `say We are out of stock` — post a message as yourself in the console channel. */
  | { kind: 'say'; text: string }
  /** `escalate-this` — the "Escalate this" message shortcut on the last message shown. */
  | { kind: 'escalate-this' }
  /** `untick 5 2` — clear ticked options of checkbox group (or multi-select) 5, leaving the others. */
  | { kind: 'untick'; control: number; choices: string[] }
  /** `inbox` — the acting person's direct messages from Liaison, latest first shown last. */
  | { kind: 'inbox' }
  /** `channel #tech` — a channel's latest messages; `channel` alone lists the channels. */
  | { kind: 'channel'; name?: string }
  /** `open liaison-me.csv` — read a file shared with you; `open` alone lists them. */
  | { kind: 'open'; name?: string }
  /** `as U123` / `as alice` — act as another demo user. */
  | { kind: 'as'; user: string }
  | { kind: 'help' }
  | { kind: 'quit' }
  /** Anything else, with a message that says what would have worked. */
  | { kind: 'unknown'; line: string; message: string };

/** The inputs that operate a numbered control. */
export type ControlCommand = Extract<ConsoleInput, { kind: 'press' | 'choose' | 'set' }>;

export type ConsoleInputErrorCode =
  | 'no-such-control'
  | 'not-pressable'
  | 'needs-option'
  | 'no-such-option'
  | 'too-many-choices'
  | 'not-choosable'
  | 'not-settable'
  | 'invalid-value'
  | 'unsupported';

/** Why a command cannot apply to a control; `message` is shown to the user as is. */
export interface ConsoleInputError {
  code: ConsoleInputErrorCode;
  message: string;
  control?: number;
}

export type ConsoleResult<T> = { ok: true; value: T } | { ok: false; error: ConsoleInputError };
