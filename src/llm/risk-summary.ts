import type {
  RiskFact,
  RiskSummarizer,
  RiskSummary,
  RiskSummaryRequest,
} from '../modules/shared/risk-summary.types.js';
import type { Llm } from './llm.js';
import { RiskSummaryOutput } from './output-schemas.js';
import { languageFor } from './prompt-files.js';
import { keepCited } from './receipts.js';
import { plainSafeText } from './safety.js';

/** The longest sentence a summary item keeps. */
export const RISK_ITEM_MAX_CHARS = 280;

/** One fact as the risk-summary prompt lists it: "[REF] (kind, severity S, waiting H h) text". */
export function riskFactLine(fact: RiskFact): string {
  const text = fact.text.replace(/\s+/g, ' ').trim();
  return `[${fact.ref}] (${fact.kind}, severity ${fact.severity}, waiting ${Math.round(fact.waitingHours)} h) ${text}`;
}

/** The risk-summary prompt's variables for a request (what is sent, and what the digest's bench counts). */
export function riskSummaryVars(request: RiskSummaryRequest) {
  return {
    language: languageFor(request.locale),
    maxItems: request.maxItems,
    facts: request.facts.map(riskFactLine).join('\n'),
  };
}

/**
 * A risk summary written by the model with receipts: every item cites only refs from
 * `request.facts` (others are removed; an item citing nothing is dropped), its text is made
 * safe for Slack and capped, and there are at most `maxItems`. When no model answers (none
 * configured, over budget, breaker open, failure, nothing cited) `fallback` writes it.
 */
export async function summarizeRisks(
  llm: Llm,
  request: RiskSummaryRequest,
  fallback: RiskSummarizer,
): Promise<RiskSummary> {
  if (request.facts.length === 0 || request.maxItems <= 0) return fallback(request);
  const known = new Set(request.facts.map((fact) => fact.ref));
  const allowedLinks = request.facts.flatMap((fact) => (fact.url ? [fact.url] : []));
  let viaRules: RiskSummary | undefined;
  const generated = await llm.generateObject({
    prompt: 'risk-summary',
    vars: riskSummaryVars(request),
    schema: RiskSummaryOutput,
    workspaceId: request.workspaceId,
    fallback: async () => {
      viaRules = await fallback(request);
      return { items: [] };
    },
    check: (output) => {
      const items = keepCited(output.items, known)
        .map((item) => ({
          text: plainSafeText(item.text, { maxLength: RISK_ITEM_MAX_CHARS, allowedLinks }),
          refs: item.refs,
        }))
        .filter((item) => item.text.length > 0)
        .slice(0, request.maxItems);
      return items.length > 0 ? { items } : undefined;
    },
  });
  if (generated.writtenBy === 'rules' && viaRules) return viaRules;
  return { items: generated.value.items, writtenBy: 'model' };
}
