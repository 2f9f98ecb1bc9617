import { charWidth, displayWidth, isWide } from './text-width.js';

// Greedy word wrap measured in terminal cells. Latin text breaks at spaces; CJK text has
// no spaces, so every wide character is its own break opportunity. Punctuation sticks to
// the character before it so a line never starts with "，" or ")" (the same rule Slack's
// clients and most typesetting follow).

interface Unit {
  text: string;
  width: number;
  kind: 'space' | 'word' | 'ansi';
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences begin with ESC.
const TOKEN = /(\x1b\[[0-9;]*m)|(\s+)|([^\s\x1b]+)/g;
const GLUE_TO_PREVIOUS = /^[,.;:!?)\]}'"%…，。、；：？！）」』》〉】〕”’％]$/u;
const GLUE_TO_NEXT = /^[(（「『《〈【〔“‘]$/u;

function splitRun(run: string): Unit[] {
  const units: Unit[] = [];
  let previousWide = false;
  for (const char of run) {
    const last = units.at(-1);
    const wide = isWide(char);
    const glue =
      last !== undefined &&
      (GLUE_TO_PREVIOUS.test(char) || GLUE_TO_NEXT.test(last.text) || (!wide && !previousWide));
    if (last !== undefined && glue) {
      last.text += char;
      last.width += charWidth(char);
    } else {
      units.push({ text: char, width: charWidth(char), kind: 'word' });
    }
    previousWide = wide;
  }
  return units;
}

function tokenize(paragraph: string): Unit[] {
  const units: Unit[] = [];
  for (const match of paragraph.matchAll(TOKEN)) {
    const [, ansi, space, run] = match;
    if (ansi !== undefined) units.push({ text: ansi, width: 0, kind: 'ansi' });
    else if (space !== undefined) units.push({ text: space, width: displayWidth(space), kind: 'space' });
    else if (run !== undefined) units.push(...splitRun(run));
  }
  return units;
}

/** Splits a unit wider than a whole line into line-sized pieces. */
function hardSplit(unit: Unit, max: number): Unit[] {
  const pieces: Unit[] = [];
  let current: Unit = { text: '', width: 0, kind: 'word' };
  for (const char of unit.text) {
    const width = charWidth(char);
    if (current.width + width > max && current.text !== '') {
      pieces.push(current);
      current = { text: '', width: 0, kind: 'word' };
    }
    current.text += char;
    current.width += width;
  }
  pieces.push(current);
  return pieces;
}

function wrapParagraph(paragraph: string, width: number): string[] {
  const indent = /^[ \t]*/.exec(paragraph)?.[0] ?? '';
  // Continuation lines keep the paragraph's indentation (list items, quotes, code).
  const max = Math.max(1, width - displayWidth(indent));
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let pendingSpace = '';
  const flush = () => {
    lines.push((indent + line).trimEnd());
    line = '';
    lineWidth = 0;
  };
  for (const unit of tokenize(paragraph.slice(indent.length))) {
    if (unit.kind === 'ansi') {
      line += unit.text;
      continue;
    }
    if (unit.kind === 'space') {
      if (lineWidth > 0) pendingSpace = unit.text;
      continue;
    }
    const spaceWidth = displayWidth(pendingSpace);
    if (lineWidth > 0 && lineWidth + spaceWidth + unit.width > max) {
      flush();
      pendingSpace = '';
    }
    for (const piece of unit.width > max ? hardSplit(unit, max) : [unit]) {
      if (lineWidth > 0 && lineWidth + displayWidth(pendingSpace) + piece.width > max) {
        flush();
        pendingSpace = '';
      }
      line += (lineWidth > 0 ? pendingSpace : '') + piece.text;
      lineWidth += (lineWidth > 0 ? displayWidth(pendingSpace) : 0) + piece.width;
      pendingSpace = '';
    }
  }
  if (line !== '' || lines.length === 0) flush();
  return lines;
}

/**
 * Wraps text to `width` terminal cells. Explicit newlines are kept, words are not broken
 * unless a single word is wider than the line, and ANSI styling does not count as width.
 */
export function wrapText(text: string, width: number): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, width));
}
