// One switch for all styling: tests and non-TTY output use plain text, a real terminal
// gets ANSI. Every style closes with its own reset code (not the global \x1b[0m) so
// nested styles, e.g. a link inside bold, survive.

export interface Styler {
  bold(text: string): string;
  italic(text: string): string;
  strike(text: string): string;
  code(text: string): string;
  dim(text: string): string;
  link(text: string): string;
  error(text: string): string;
  primary(text: string): string;
  danger(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;

const ANSI_STYLER: Styler = {
  bold: wrap(1, 22),
  italic: wrap(3, 23),
  strike: wrap(9, 29),
  code: wrap(36, 39),
  dim: wrap(2, 22),
  link: wrap(4, 24),
  error: wrap(31, 39),
  primary: wrap(32, 39),
  danger: wrap(31, 39),
};

const identity = (text: string) => text;

const PLAIN_STYLER: Styler = {
  bold: identity,
  italic: identity,
  strike: identity,
  code: identity,
  dim: identity,
  link: identity,
  error: identity,
  primary: identity,
  danger: identity,
};

export function createStyler(color: boolean): Styler {
  return color ? ANSI_STYLER : PLAIN_STYLER;
}
