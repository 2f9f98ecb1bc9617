// Terminal display width. Slack clients lay text out proportionally, but a terminal uses
// cells: East Asian wide/fullwidth characters (CJK, Hangul, fullwidth forms, most emoji)
// take two cells, combining marks take none. Counting UTF-16 units would misalign and
// overflow every line of Chinese text.

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences begin with ESC.
const ANSI_PATTERN = /\x1b\[[0-9;]*m/g;

/** Removes ANSI SGR sequences (the only escapes this renderer emits). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, '');
}

const ZERO_WIDTH: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], // combining diacritics
  [0x200b, 0x200f], // zero-width space/joiners, direction marks
  [0xfe00, 0xfe0f], // variation selectors (emoji presentation)
];

const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x1f300, 0x1f64f], // emoji: pictographs, emoticons
  [0x1f900, 0x1f9ff], // emoji: supplemental symbols
  [0x20000, 0x3fffd], // CJK extensions B and later
];

function inRanges(code: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.some(([from, to]) => code >= from && code <= to);
}

/** Cells occupied by one code point. */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || inRanges(code, ZERO_WIDTH)) return 0;
  return inRanges(code, WIDE) ? 2 : 1;
}

/** Cells occupied by a string, ignoring ANSI styling. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) width += charWidth(char);
  return width;
}

/** True for characters a line may break before or after without a space (CJK scripts). */
export function isWide(char: string): boolean {
  return inRanges(char.codePointAt(0) ?? 0, WIDE);
}

/** Pads with spaces to `width` cells (never truncates). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
