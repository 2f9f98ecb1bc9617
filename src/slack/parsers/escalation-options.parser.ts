import type { EscalationOption } from '../../modules/escalations/escalations.types.js';

/** A leading list bullet people paste in ("- ", "• "): not part of the option. */
const BULLET = /^[-•·]\s+/;
/** "* option", "★ option": the recommended one. */
const STAR = /^[*★]\s*/;
/** "(recommended)" / "（推荐）" before or after the option, any case, half- or full-width brackets. */
const WORD = /[(（[【]\s*(?:recommended|推荐)\s*[)）\]】]/i;

/**
 * The options typed in the raise modal, one per line. A line starting with `*` (or carrying
 * "(recommended)" / "（推荐）") is the recommendation; empty lines are skipped.
 */
export function parseEscalationOptions(text: string): EscalationOption[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(BULLET, ''))
    .filter((line) => line.length > 0)
    .map((line) => {
      const starred = STAR.test(line);
      const worded = WORD.test(line);
      const label = line
        .replace(STAR, '')
        .replace(WORD, '')
        .replace(/\s{2,}/g, ' ')
        .trim();
      return { label, recommended: starred || worded };
    })
    .filter((option) => option.label.length > 0);
}
