import type { KpiNarrative, KpiNarrativeRequest } from '../modules/kpis/kpi-digest.service.js';
import type { Llm } from './llm.js';
import { RiskSummaryOutput } from './output-schemas.js';
import { languageFor } from './prompt-files.js';
import { keepCited } from './receipts.js';
import { plainSafeText } from './safety.js';

/** The longest sentence the narrative keeps. */
export const KPI_SENTENCE_MAX_CHARS = 280;

/** The kpi-narrative prompt's variables: one "[REF] line" per KPI. */
export function kpiNarrativeVars(request: KpiNarrativeRequest) {
  return {
    language: languageFor(request.locale),
    maxItems: request.maxItems,
    facts: request.facts.map((fact) => `[${fact.ref}] ${fact.text.replace(/\s+/g, ' ').trim()}`).join('\n'),
  };
}

/**
 * The KPI section's narrative by the model with receipts: each sentence cites only KPI lines
 * it was given (others removed, a sentence citing none dropped), made safe for Slack and
 * capped; the rules write it when no model answers or nothing cited is left.
 */
export async function narrateKpis(llm: Llm, request: KpiNarrativeRequest): Promise<KpiNarrative> {
  const rules = (): KpiNarrative => ({ sentences: request.rules(), writtenBy: 'rules' });
  if (request.facts.length === 0 || request.maxItems <= 0) return rules();
  const known = new Set(request.facts.map((fact) => fact.ref));
  const generated = await llm.generateObject({
    prompt: 'kpi-narrative',
    vars: kpiNarrativeVars(request),
    schema: RiskSummaryOutput,
    workspaceId: request.workspaceId,
    fallback: () => ({ items: [] }),
    check: (output) => {
      const items = keepCited(output.items, known)
        .map((item) => ({
          text: plainSafeText(item.text, { maxLength: KPI_SENTENCE_MAX_CHARS }),
          refs: item.refs,
        }))
        .filter((item) => item.text.length > 0)
        .slice(0, request.maxItems);
      return items.length > 0 ? { items } : undefined;
    },
  });
  if (generated.writtenBy === 'rules') return rules();
  return { sentences: generated.value.items, writtenBy: 'model' };
}
