import type { Translate } from '../../i18n/catalog.js';
import type { Llm } from '../../llm/llm.js';
import { EscalationSummaryOutput } from '../../llm/output-schemas.js';
import { languageFor } from '../../llm/prompt-files.js';
import { keepCited } from '../../llm/receipts.js';
import { plainSafeText } from '../../llm/safety.js';
import type { EscalationSummaryRepository } from '../../modules/ai/escalation-summary.repository.js';
import {
  escalationFacts,
  factLines,
  summarizeEscalationByRules,
} from '../../modules/ai/escalation-summary.rules.js';
import type {
  EscalationSummary,
  EscalationSummarySource,
  SummaryAudience,
} from '../../modules/ai/escalation-summary.types.js';
import type { WrittenBy } from '../../modules/ai/llm-runs.types.js';
import type { Clock } from '../../modules/shared/clock.types.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';

/** The longest line a summary keeps. */
export const SUMMARY_LINE_MAX_CHARS = 400;

export interface WrittenSummary {
  source: EscalationSummarySource;
  summary: EscalationSummary;
  writtenBy: WrittenBy;
  outcome: string;
  model?: string;
}

export interface EscalationSummaries {
  summarize(input: {
    workspaceId: string;
    number: number;
    audience: SummaryAudience;
    locale: string;
    t: Translate;
  }): Promise<WrittenSummary>;
}

const SECTIONS = ['positions', 'options', 'risks', 'decision'] as const;

/**
 * Summaries of an escalation from what Liaison holds: the model with receipts when one is on
 * (every line cites facts it was given; lines citing nothing known are dropped, text is made
 * inert and capped), otherwise — or when its answer cannot be used — the rules.
 */
export function createEscalationSummaries(deps: {
  llm: Llm;
  repo: EscalationSummaryRepository;
  clock: Clock;
}): EscalationSummaries {
  return {
    async summarize({ workspaceId, number, audience, locale, t }) {
      const source = await deps.repo.sourceOf(workspaceId, number);
      if (!source)
        throw new DomainError(
          'ai.summary.not_found',
          { key: 'ai.summary.notFound', params: { esc: `ESC-${number}` } },
          { detail: `workspace ${workspaceId} has no ESC-${number}` },
        );
      const facts = escalationFacts(source, audience);
      const known = new Set(facts.map((fact) => fact.ref));
      const allowedLinks = audience === 'private' && source.source.permalink ? [source.source.permalink] : [];
      const generated = await deps.llm.generateObject({
        prompt: 'escalation-summary',
        vars: { language: languageFor(locale), facts: factLines(facts) },
        schema: EscalationSummaryOutput,
        workspaceId,
        fallback: () =>
          summarizeEscalationByRules(source, t, deps.clock.now(), (d) =>
            locale === 'zh-CN' ? d.nameZh : d.nameEn,
          ),
        check: (output) => {
          const clean = (lines: EscalationSummary['positions']) =>
            keepCited(lines, known)
              .map((line) => ({
                text: plainSafeText(line.text, { maxLength: SUMMARY_LINE_MAX_CHARS, allowedLinks }),
                refs: line.refs,
              }))
              .filter((line) => line.text.length > 0);
          const checked: EscalationSummary = {
            positions: clean(output.positions),
            options: clean(output.options),
            risks: clean(output.risks),
            decision: clean(output.decision),
          };
          return SECTIONS.some((section) => checked[section].length > 0) ? checked : undefined;
        },
      });
      return {
        source,
        summary: generated.value,
        writtenBy: generated.writtenBy,
        outcome: generated.outcome,
        ...(deps.llm.model ? { model: deps.llm.model } : {}),
      };
    },
  };
}
