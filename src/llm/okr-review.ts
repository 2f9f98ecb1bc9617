import type { Llm } from './llm.js';
import { OkrReviewOutput } from './output-schemas.js';
import { languageFor } from './prompt-files.js';
import { plainSafeText } from './safety.js';

/** The longest sentence of a review narrative that is kept. */
export const OKR_REVIEW_SENTENCE_MAX_CHARS = 300;

export interface OkrReviewFact {
  /** D1 (a department's figures), C1 (one check-in) … */
  ref: string;
  text: string;
}

export interface OkrReviewRequest {
  workspaceId: string;
  locale: string;
  /** "2026-Q4". */
  period: string;
  facts: OkrReviewFact[];
}

export interface WrittenOkrReview {
  writtenBy: 'model' | 'rules';
  sentences: { text: string; refs: string[] }[];
}

/**
 * `/okr review`'s narrative written by the model with receipts: a sentence is kept only when
 * every ref it cites is one of `facts` (one invented ref and the sentence is dropped), made
 * plain and capped. No model, over budget, a failure or nothing left: the rules write it (no
 * sentences; the view shows the rules' narrative per department).
 */
export async function writeOkrReview(llm: Llm, request: OkrReviewRequest): Promise<WrittenOkrReview> {
  const rules: WrittenOkrReview = { writtenBy: 'rules', sentences: [] };
  if (request.facts.length === 0) return rules;
  const known = new Set(request.facts.map((fact) => fact.ref));
  const generated = await llm.generateObject({
    prompt: 'okr-review',
    vars: {
      language: languageFor(request.locale),
      period: request.period,
      facts: request.facts.map((fact) => `[${fact.ref}] ${fact.text.replace(/\s+/g, ' ').trim()}`).join('\n'),
    },
    schema: OkrReviewOutput,
    workspaceId: request.workspaceId,
    fallback: () => ({ sentences: [] }),
    check: (output) => {
      const sentences = output.sentences
        .map((s) => ({ ...s, refs: [...new Set(s.refs.map((r) => r.trim()))] }))
        .filter((s) => s.refs.length > 0 && s.refs.every((ref) => known.has(ref)))
        .map((s) => ({
          text: plainSafeText(s.text, { maxLength: OKR_REVIEW_SENTENCE_MAX_CHARS }),
          refs: s.refs,
        }))
        .filter((s) => s.text.length > 0);
      return sentences.length > 0 ? { sentences } : undefined;
    },
  });
  if (generated.writtenBy !== 'model') return rules;
  return { writtenBy: 'model', sentences: generated.value.sentences };
}
