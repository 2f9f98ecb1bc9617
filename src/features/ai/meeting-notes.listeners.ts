import type { RespondFn, webApi } from '@slack/bolt';
import type { View } from '@slack/types';
import { z } from 'zod';
import { resolveLocale } from '../../i18n/catalog.js';
import { mayTakeNotesFor, meetingRefOf } from '../../modules/ai/meeting-notes.rules.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { ViewSubmissionArgs } from '../../slack/listener-args.types.js';
import { readMetadata } from '../../slack/parsers/metadata.parser.js';
import type { RequestActor } from '../../slack/request-actor.js';
import { servicesOf } from '../feature-registry.js';
import { aiFeature } from './ai.feature.js';
import { AI_FIELD, AI_MEETING_NOTES_VIEW, AI_NOTES_BLOCK } from './ai.ids.js';
import { offerProposals } from './proposal-offers.js';

function notesModal(actor: RequestActor, meeting: string, seriesNumber: number | null): View {
  const t = actor.t;
  return {
    type: 'modal',
    callback_id: AI_MEETING_NOTES_VIEW,
    private_metadata: JSON.stringify({ s: seriesNumber }),
    title: { type: 'plain_text', text: t('ai.notes.title') },
    submit: { type: 'plain_text', text: t('ai.notes.submit') },
    close: { type: 'plain_text', text: t('ai.notes.close') },
    blocks: [
      {
        type: 'input',
        block_id: AI_NOTES_BLOCK,
        label: { type: 'plain_text', text: t('ai.notes.field', { meeting }).slice(0, 150) },
        hint: { type: 'plain_text', text: t('ai.notes.hint') },
        element: { type: 'plain_text_input', action_id: AI_FIELD, multiline: true, max_length: 3_000 },
      },
    ],
  };
}

/**
 * `/meeting notes [MTG-n]`: free-form notes for the latest meeting whose agenda was posted;
 * without a language model it says so and points at the agenda's manual buttons.
 */
export async function meetingNotesCommand(
  deps: SlackDeps,
  actor: RequestActor,
  respond: RespondFn,
  client: webApi.WebClient,
  triggerId: string,
  args: readonly string[],
): Promise<void> {
  if (deps.llm.mode === 'fallback') {
    await respond({ response_type: 'ephemeral', replace_original: false, text: actor.t('ai.notes.noModel') });
    return;
  }
  const match = /^MTG-?(\d{1,6})$/i.exec(args[0] ?? '');
  const seriesNumber = match ? Number(match[1]) : null;
  const source = await servicesOf(deps, aiFeature).draftsRepo.meetingSourceOf(
    actor.workspace.id,
    seriesNumber ?? undefined,
  );
  if (!source) {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: actor.t('ai.notes.noMeeting'),
    });
    return;
  }
  if (!mayTakeNotesFor(actor.subject, source)) {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: actor.t('ai.notes.notParticipant', { meeting: meetingRefOf(source) }),
    });
    return;
  }
  await client.views.open({
    trigger_id: triggerId,
    view: notesModal(
      actor,
      `MTG-${source.seriesNumber} ${source.title} ${source.plannedOn}`,
      source.seriesNumber,
    ),
  });
}

const notesState = z.record(
  z.string(),
  z.record(z.string(), z.object({ value: z.string().max(3_000).nullish() })),
);

/** The notes were submitted: proposals drafted and offered by DM; the modal says how many. */
export function meetingNotesSubmission(deps: SlackDeps) {
  return async ({ ack, view, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await context.actor();
    const { s } = readMetadata(
      view.private_metadata,
      z.object({ s: z.number().int().positive().nullable() }),
      {
        code: 'ai.notes_bad_metadata',
        message: 'ai.proposals.errors.badButton',
        what: 'meeting notes modal metadata',
      },
    );
    const parsed = notesState.safeParse(view.state.values);
    const notes = parsed.success ? (parsed.data[AI_NOTES_BLOCK]?.[AI_FIELD]?.value ?? '').trim() : '';
    if (!notes)
      throw new DomainError(
        'ai.notes_empty',
        { key: 'ai.proposals.errors.emptyTitle' },
        { field: AI_NOTES_BLOCK, detail: 'empty notes' },
      );
    const locale = resolveLocale(actor.workspace.defaultLocale, deps.defaults.locale);
    const drafted = await servicesOf(deps, aiFeature).drafts.draftFromNotes({
      actor: actor.subject,
      ...(s !== null ? { seriesNumber: s } : {}),
      notes,
      locale,
    });
    if (drafted.proposals.length > 0) await offerProposals(deps, drafted.proposals, locale);
    const text =
      drafted.proposals.length === 0
        ? actor.t('ai.notes.none')
        : actor.t('ai.notes.drafted', { count: drafted.proposals.length, meeting: drafted.ref });
    await ack({
      response_action: 'update',
      view: {
        type: 'modal',
        title: { type: 'plain_text', text: actor.t('ai.notes.title') },
        close: { type: 'plain_text', text: actor.t('ai.notes.done') },
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
      },
    });
  };
}
