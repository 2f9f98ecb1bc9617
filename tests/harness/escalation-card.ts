/**
 * Whether a message's text is the card of ESC-`number`: `ESC-7 (high, open, level 1): …` in
 * English, `ESC-7（高，待处理，第 1 级）：…` in Chinese (the demo's departments speak Chinese);
 * never ESC-70's.
 */
export const isCardOf = (text: unknown, number: number): boolean =>
  String(text).startsWith(`ESC-${number} `) || String(text).startsWith(`ESC-${number}（`);
