import { createEscalationSummaryPrismaRepository } from '../../modules/ai/escalation-summary.prisma-repository.js';
import { defineFeature, type Feature, onAction } from '../feature.types.js';
import { servicesOf } from '../feature-registry.js';
import { AI_ACTIONS } from './ai.ids.js';
import { aiStatusSubcommand } from './ai-status.subcommand.js';
import { postSummaryButton, summarizeButton } from './escalation-summary.listeners.js';
import { createEscalationSummaries, type EscalationSummaries } from './escalation-summary.service.js';

export interface AiServices {
  summaries: EscalationSummaries;
}

/**
 * AI with receipts over the LLM layer (src/llm): escalation summaries (the card's
 * "Summarize" button, `/escalate summary ESC-N`), action items drafted from a decision as
 * proposals, and `/liaison ai` for admins. Every text cites its sources and says which path
 * wrote it; with no model the rules write everything.
 */
export const aiFeature: Feature<AiServices> = defineFeature({
  name: 'ai',
  summary: 'ai.about',
  services: (deps, { db }) => ({
    summaries: createEscalationSummaries({
      llm: deps.llm,
      repo: createEscalationSummaryPrismaRepository(db.prisma),
      clock: deps.clock,
    }),
  }),
  subcommands: [aiStatusSubcommand],
  listeners: [
    onAction(AI_ACTIONS.summarize, (deps) => summarizeButton(() => servicesOf(deps, aiFeature).summaries)),
    onAction(AI_ACTIONS.postSummary, (deps) =>
      postSummaryButton(deps, () => servicesOf(deps, aiFeature).summaries),
    ),
  ],
  help: [{ key: 'ai.help.summary' }, { key: 'ai.help.status', adminOnly: true }],
});
