import type { Llm } from './llm.js';
import { MeetingPreReadOutput } from './output-schemas.js';
import { languageFor } from './prompt-files.js';
import { keepCited } from './receipts.js';
import { plainSafeText } from './safety.js';

/** The longest sentence of a pre-read that is kept. */
export const PRE_READ_SENTENCE_MAX_CHARS = 300;

export interface PreReadFact {
  /** P1, P2 … */
  ref: string;
  /** The line as the rules write it, with its source. */
  text: string;
}

export interface PreReadRequest {
  workspaceId: string;
  locale: string;
  /** "MTG-2 Launch sync, 2036-12-08". */
  meeting: string;
  facts: PreReadFact[];
}

export interface WrittenPreRead {
  writtenBy: 'model' | 'rules';
  sentences: { text: string; refs: string[] }[];
}

/**
 * A meeting's pre-read written by the model with receipts: every sentence cites only refs
 * from `facts` (others are removed; a sentence citing nothing is dropped) and is made plain
 * and capped. No model, over budget, a failure or nothing cited: the rules write it (no
 * sentences; the agenda shows the rules' lines).
 */
export async function writeMeetingPreRead(llm: Llm, request: PreReadRequest): Promise<WrittenPreRead> {
  const rules: WrittenPreRead = { writtenBy: 'rules', sentences: [] };
  if (request.facts.length === 0) return rules;
  const known = new Set(request.facts.map((fact) => fact.ref));
  const generated = await llm.generateObject({
    prompt: 'meeting-preread',
    vars: {
      language: languageFor(request.locale),
      meeting: request.meeting,
      facts: request.facts.map((fact) => `[${fact.ref}] ${fact.text.replace(/\s+/g, ' ').trim()}`).join('\n'),
    },
    schema: MeetingPreReadOutput,
    workspaceId: request.workspaceId,
    fallback: () => ({ sentences: [] }),
    check: (output) => {
      const sentences = keepCited(output.sentences, known)
        .map((s) => ({
          text: plainSafeText(s.text, { maxLength: PRE_READ_SENTENCE_MAX_CHARS }),
          refs: s.refs,
        }))
        .filter((s) => s.text.length > 0);
      return sentences.length > 0 ? { sentences } : undefined;
    },
  });
  if (generated.writtenBy !== 'model') return rules;
  return { writtenBy: 'model', sentences: generated.value.sentences };
}
