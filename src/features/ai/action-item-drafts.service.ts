import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { Llm } from '../../llm/llm.js';
import { ActionItemDraftsOutput } from '../../llm/output-schemas.js';
import { languageFor } from '../../llm/prompt-files.js';
import { keepCited } from '../../llm/receipts.js';
import { plainSafeText } from '../../llm/safety.js';
import type { AccessSubject, Actor } from '../../modules/access/access.types.js';
import { dueOnFrom } from '../../modules/action-items/action-items.rules.js';
import type { ActionItemDraftsRepository } from '../../modules/ai/action-item-drafts.repository.js';
import {
  candidateOwners,
  decidedForDepartment,
  decisionFacts,
  draftFromDecisionByRules,
  escRefOf,
  ownerLines,
  resolveDraftedItems,
} from '../../modules/ai/action-item-drafts.rules.js';
import type { DecisionDraftSource, ThreadMessage } from '../../modules/ai/action-item-drafts.types.js';
import { factLines } from '../../modules/ai/escalation-summary.rules.js';
import type { WrittenBy } from '../../modules/ai/llm-runs.types.js';
import {
  draftFromNotesByRules,
  mayTakeNotesFor,
  meetingRefOf,
  noteFacts,
} from '../../modules/ai/meeting-notes.rules.js';
import type { WorkingTimeProfile } from '../../modules/calendar/working-time.rules.js';
import { PROPOSAL_TITLE_MAX } from '../../modules/proposals/proposals.rules.js';
import type { ProposalsService } from '../../modules/proposals/proposals.service.js';
import type { NewProposal, ProposalDto } from '../../modules/proposals/proposals.types.js';
import type { Clock } from '../../modules/shared/clock.types.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import { AI_NOTES_BLOCK } from './ai.ids.js';

/** A card's thread as the drafter may read it: [] when the scope is missing or the channel is private. */
export type ReadCardThreads = (
  cards: readonly { channelId: string; ts: string }[],
) => Promise<ThreadMessage[]>;

export interface DraftedProposals {
  esc: string;
  source: DecisionDraftSource;
  proposals: ProposalDto[];
  writtenBy: WrittenBy;
  outcome: string;
  model?: string;
}

export interface ActionItemDrafts {
  /** Drafts proposals from ESC-<number>'s latest decision and stores them (not yet offered). */
  draftFromDecision(input: {
    actor: Actor;
    number: number;
    /** The audience's language: the workspace's (proposals go to several people). */
    locale: SupportedLocale;
    t: Translate;
    readThread: ReadCardThreads;
  }): Promise<DraftedProposals>;
  /** Drafts proposals from free-form notes taken at the latest meeting of MTG-<series> (or any). */
  draftFromNotes(input: {
    /** With roles: only the meeting's people (or an admin) may draft from its notes. */
    actor: AccessSubject;
    seriesNumber?: number;
    notes: string;
    locale: SupportedLocale;
  }): Promise<{
    ref: string;
    proposals: ProposalDto[];
    writtenBy: WrittenBy;
    outcome: string;
    model?: string;
  }>;
}

/**
 * Action items drafted from a decision, as proposals: the model with receipts when one is on
 * (each item cites facts it was given, an owner not among the listed leads becomes nobody,
 * titles are made inert and capped), otherwise — or when its answer cannot be used — the
 * rules (one item per sentence of the decision, for the department asked to act, owned by
 * its lead). Due dates count working days in the calendar of whoever the item is offered to.
 */
export function createActionItemDrafts(deps: {
  llm: Llm;
  repo: ActionItemDraftsRepository;
  proposals: Pick<ProposalsService, 'propose'>;
  clock: Clock;
  workingTimeProfileFor: (personId: string) => Promise<WorkingTimeProfile>;
}): ActionItemDrafts {
  const profiles = new Map<string, WorkingTimeProfile>();
  async function dueFor(personId: string, workingDays: number) {
    let profile = profiles.get(personId);
    if (!profile) {
      profile = await deps.workingTimeProfileFor(personId);
      profiles.set(personId, profile);
    }
    return dueOnFrom({ workingDays }, deps.clock.now(), profile);
  }
  const safeTitle = (title: string) => plainSafeText(title, { maxLength: PROPOSAL_TITLE_MAX });

  return {
    async draftFromNotes({ actor, seriesNumber, notes, locale }) {
      const source = await deps.repo.meetingSourceOf(actor.workspaceId, seriesNumber);
      if (!source)
        throw new DomainError(
          'ai.notes.no_meeting',
          { key: 'ai.notes.noMeeting' },
          { detail: `no meeting with a posted agenda for MTG-${seriesNumber ?? '*'}` },
        );
      if (!mayTakeNotesFor(actor, source))
        throw new DomainError(
          'ai.notes.not_participant',
          { key: 'ai.notes.notParticipant', params: { meeting: meetingRefOf(source) } },
          // Under the notes field: a submission is answered in the modal.
          { field: AI_NOTES_BLOCK, detail: `${actor.slackUserId} takes no part in ${meetingRefOf(source)}` },
        );
      const facts = noteFacts(source, notes);
      const known = new Set(facts.map((fact) => fact.ref));
      const owners = candidateOwners(source);
      const generated = await deps.llm.generateObject({
        prompt: 'draft-action-items',
        vars: {
          language: languageFor(locale),
          facts: factLines(facts),
          people: ownerLines(source, owners),
        },
        schema: ActionItemDraftsOutput,
        workspaceId: actor.workspaceId,
        fallback: () => draftFromNotesByRules(facts),
        check: (output) => {
          const items = keepCited(output.items, known)
            .map((item) => ({ ...item, title: safeTitle(item.title) }))
            .filter((item) => item.title.length > 0);
          return items.length > 0 ? { items } : undefined;
        },
      });
      const drafted = resolveDraftedItems(
        generated.value.items
          .map((item) => ({ ...item, title: safeTitle(item.title) }))
          .filter((i) => i.title),
        owners,
        null,
      );
      const rows: NewProposal[] = [];
      for (const item of drafted) {
        const lead = source.departments.find((d) => d.id === item.ownerDepartmentId)?.leads[0]?.personId;
        const offeredTo = item.ownerPersonId ?? lead ?? actor.personId;
        rows.push({
          workspaceId: actor.workspaceId,
          sourceType: 'meeting',
          sourceId: source.meetingId,
          decisionId: null,
          agendaItemId: null,
          title: item.title,
          proposedOwnerPersonId: item.ownerPersonId,
          ownerDepartmentId: item.ownerDepartmentId,
          dueOn: await dueFor(offeredTo, item.dueInWorkingDays),
          refs: item.refs,
          draftedBy: generated.writtenBy,
          model: generated.writtenBy === 'model' ? (deps.llm.model ?? null) : null,
          requestedByPersonId: actor.personId,
          offeredToPersonId: offeredTo,
        });
      }
      return {
        ref: meetingRefOf(source),
        proposals: await deps.proposals.propose(rows, actor.slackUserId),
        writtenBy: generated.writtenBy,
        outcome: generated.outcome,
        ...(deps.llm.model ? { model: deps.llm.model } : {}),
      };
    },
    async draftFromDecision({ actor, number, locale, t, readThread }) {
      const esc = `ESC-${number}`;
      const source = await deps.repo.decisionSourceOf(actor.workspaceId, number);
      if (!source)
        throw new DomainError(
          'ai.summary.not_found',
          { key: 'ai.summary.notFound', params: { esc } },
          { detail: `workspace ${actor.workspaceId} has no ${esc}` },
        );
      if (!source.decision)
        throw new DomainError(
          'ai.proposals.no_decision',
          { key: 'ai.proposals.noDecision', params: { esc } },
          { detail: `${esc} has no decision to draft from` },
        );
      const cards = source.departments.flatMap((d) => (d.card ? [d.card] : []));
      const thread = cards.length > 0 ? await readThread(cards) : [];
      const owners = candidateOwners(source);
      const facts = decisionFacts(source, thread);
      const known = new Set(facts.map((fact) => fact.ref));
      const safeTitle = (title: string) => plainSafeText(title, { maxLength: PROPOSAL_TITLE_MAX });
      const generated = await deps.llm.generateObject({
        prompt: 'draft-action-items',
        vars: { language: languageFor(locale), facts: factLines(facts), people: ownerLines(source, owners) },
        schema: ActionItemDraftsOutput,
        workspaceId: actor.workspaceId,
        fallback: () => draftFromDecisionByRules(source, owners, t),
        check: (output) => {
          const items = keepCited(output.items, known)
            .map((item) => ({ ...item, title: safeTitle(item.title) }))
            .filter((item) => item.title.length > 0);
          return items.length > 0 ? { items } : undefined;
        },
      });
      const department = decidedForDepartment(source);
      const drafted = resolveDraftedItems(
        generated.value.items
          .map((item) => ({ ...item, title: safeTitle(item.title) }))
          .filter((i) => i.title),
        owners,
        department?.id ?? null,
      );
      const leadOf = (departmentId: string | null) =>
        source.departments.find((d) => d.id === departmentId)?.leads[0]?.personId ?? null;
      const now = deps.clock.now();
      const profiles = new Map<string, WorkingTimeProfile>();
      const rows: NewProposal[] = [];
      for (const item of drafted) {
        const offeredTo = item.ownerPersonId ?? leadOf(item.ownerDepartmentId) ?? actor.personId;
        let profile = profiles.get(offeredTo);
        if (!profile) {
          profile = await deps.workingTimeProfileFor(offeredTo);
          profiles.set(offeredTo, profile);
        }
        rows.push({
          workspaceId: actor.workspaceId,
          sourceType: 'escalation',
          sourceId: source.escalation.id,
          decisionId: source.decision.id,
          agendaItemId: null,
          title: item.title,
          proposedOwnerPersonId: item.ownerPersonId,
          ownerDepartmentId: item.ownerDepartmentId,
          dueOn: dueOnFrom({ workingDays: item.dueInWorkingDays }, now, profile),
          refs: item.refs,
          draftedBy: generated.writtenBy,
          model: generated.writtenBy === 'model' ? (deps.llm.model ?? null) : null,
          requestedByPersonId: actor.personId,
          offeredToPersonId: offeredTo,
        });
      }
      const proposals = await deps.proposals.propose(rows, actor.slackUserId);
      return {
        esc: escRefOf(source),
        source,
        proposals,
        writtenBy: generated.writtenBy,
        outcome: generated.outcome,
        ...(deps.llm.model ? { model: deps.llm.model } : {}),
      };
    },
  };
}
