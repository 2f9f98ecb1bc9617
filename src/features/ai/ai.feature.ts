import { createActionItemDraftsPrismaRepository } from '../../modules/ai/action-item-drafts.prisma-repository.js';
import type { ActionItemDraftsRepository } from '../../modules/ai/action-item-drafts.repository.js';
import { createEscalationSummaryPrismaRepository } from '../../modules/ai/escalation-summary.prisma-repository.js';
import { proposalsExportSection } from '../../modules/proposals/proposals.export.prisma-repository.js';
import { createProposalsPrismaRepository } from '../../modules/proposals/proposals.prisma-repository.js';
import { createProposalsService, type ProposalsService } from '../../modules/proposals/proposals.service.js';
import { defineFeature, type Feature, onAction, onView } from '../feature.types.js';
import { servicesOf } from '../feature-registry.js';
import { draftActionsButton } from './action-item-drafts.listeners.js';
import { type ActionItemDrafts, createActionItemDrafts } from './action-item-drafts.service.js';
import { AI_ACTIONS, AI_EDIT_PROPOSAL_VIEW, AI_MEETING_NOTES_VIEW } from './ai.ids.js';
import { aiStatusSubcommand } from './ai-status.subcommand.js';
import { postSummaryButton, summarizeButton } from './escalation-summary.listeners.js';
import { createEscalationSummaries, type EscalationSummaries } from './escalation-summary.service.js';
import { meetingNotesSubmission } from './meeting-notes.listeners.js';
import {
  acceptProposalButton,
  declineProposalButton,
  editProposalButton,
  editProposalSubmission,
} from './proposal.listeners.js';

export interface AiServices {
  summaries: EscalationSummaries;
  /** Drafted action items, stored as proposals until someone with the right accepts them. */
  proposals: ProposalsService;
  drafts: ActionItemDrafts;
  draftsRepo: ActionItemDraftsRepository;
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
  services: (deps, { db }) => {
    const proposals = createProposalsService({
      repo: createProposalsPrismaRepository(db.prisma),
      clock: deps.clock,
      authorization: deps.authorization,
      actionItems: deps.actionItems,
    });
    const draftsRepo = createActionItemDraftsPrismaRepository(db.prisma);
    return {
      summaries: createEscalationSummaries({
        llm: deps.llm,
        repo: createEscalationSummaryPrismaRepository(db.prisma),
        clock: deps.clock,
      }),
      proposals,
      draftsRepo,
      drafts: createActionItemDrafts({
        llm: deps.llm,
        repo: draftsRepo,
        proposals,
        clock: deps.clock,
        workingTimeProfileFor: (personId) => deps.calendar.calendars.workingTimeProfileFor(personId),
      }),
    };
  },
  exportSections: ({ db }) => [proposalsExportSection(db.prisma)],
  subcommands: [aiStatusSubcommand],
  listeners: [
    onAction(AI_ACTIONS.summarize, (deps) => summarizeButton(() => servicesOf(deps, aiFeature).summaries)),
    onAction(AI_ACTIONS.postSummary, (deps) =>
      postSummaryButton(deps, () => servicesOf(deps, aiFeature).summaries),
    ),
    onAction(AI_ACTIONS.draftActions, draftActionsButton),
    onAction(AI_ACTIONS.acceptProposal, acceptProposalButton),
    onAction(AI_ACTIONS.declineProposal, declineProposalButton),
    onAction(AI_ACTIONS.editProposal, editProposalButton),
    onView(AI_EDIT_PROPOSAL_VIEW, editProposalSubmission),
    onView(AI_MEETING_NOTES_VIEW, meetingNotesSubmission),
  ],
  help: [{ key: 'ai.help.summary' }, { key: 'ai.help.draft' }, { key: 'ai.help.status', adminOnly: true }],
});
