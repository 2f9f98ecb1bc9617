import { z } from 'zod';
import { translator } from '../../i18n/catalog.js';
import type { OutcomeActionItem } from '../../modules/meetings/meetings.types.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { ButtonArgs, ViewSubmissionArgs } from '../../slack/listener-args.types.js';
import { readMetadata } from '../../slack/parsers/metadata.parser.js';
import { withModalErrors } from '../../slack/parsers/view-state.parser.js';
import { slackPeopleDirectory } from '../../slack/people-directory.js';
import { servicesOf } from '../feature-registry.js';
import { idFrom } from './agenda-item.actions.js';
import { type MeetingState, readMeetingState, wholeNumber } from './meeting-view-state.js';
import { meetingsFeature } from './meetings.feature.js';
import { OUTCOME_FIELDS as F, OUTCOME_ROWS } from './meetings.ids.js';
import { decisionRecordedMessage, outcomeModal } from './outcome.view.js';

/** The service's field names → the modal's blocks; the rows' errors already name their block. */
const OUTCOME_FIELD_BLOCKS: Record<string, string> = {
  decision: F.decision,
  ...Object.fromEntries(
    Array.from({ length: OUTCOME_ROWS }, (_, i) => [
      [`${F.actionOwner}${i + 1}`, `${F.actionOwner}${i + 1}`],
      [`${F.actionDue}${i + 1}`, `${F.actionDue}${i + 1}`],
    ]).flat(),
  ),
};

/** "Record decision…" on the agenda: the modal, for a participant. */
export function recordOutcomeButton(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const { item } = await servicesOf(deps, meetingsFeature).agenda.itemFor(actor.subject, idFrom(args));
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: outcomeModal(item, actor.t, actor.person.slackUserId),
    });
  };
}

function rowError(block: string, key: 'owner' | 'due', detail: string) {
  return new DomainError(
    'meeting.outcome_invalid',
    { key: `meetings.errors.item.${key}` },
    { field: block, detail },
  );
}

/** Action item rows: a row with a title needs an owner and a date (or N working days). */
function readRows(state: MeetingState): { title: string; owner: string; due: OutcomeActionItem['due'] }[] {
  const rows = [];
  for (let n = 1; n <= OUTCOME_ROWS; n++) {
    const title = state.text(`${F.actionTitle}${n}`);
    if (!title) continue;
    const owner = state.user(`${F.actionOwner}${n}`);
    if (!owner) throw rowError(`${F.actionOwner}${n}`, 'owner', `row ${n} without owner`);
    const date = state.date(`${F.actionDue}${n}`);
    const daysText = state.text(`${F.actionDays}${n}`);
    const days = wholeNumber(daysText);
    let due: OutcomeActionItem['due'];
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) due = { date };
    else if (daysText && days >= 1 && days <= 60) due = { workingDays: days };
    else throw rowError(`${F.actionDue}${n}`, 'due', `row ${n} due ${date} / ${daysText}`);
    rows.push({ title, owner, due });
  }
  return rows;
}

/**
 * The decision modal was submitted: the decision and its action items (source `meeting`) are
 * stored together, the item is decided, and the agenda's thread says so.
 */
export function outcomeSubmission(deps: SlackDeps) {
  return async ({ ack, view, client, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await context.actor();
    const services = servicesOf(deps, meetingsFeature);
    const directory = slackPeopleDirectory(client);
    const personId = async (slackUserId: string) =>
      (
        await deps.people.identify(
          { workspaceId: actor.workspace.id, slackUserId, fallbackName: slackUserId },
          directory,
        )
      ).id;
    const recorded = await withModalErrors(OUTCOME_FIELD_BLOCKS, F.decision, async () => {
      const { i } = readMetadata(view.private_metadata, z.object({ i: z.string().uuid() }), {
        code: 'meeting.bad_metadata',
        message: 'meetings.errors.badButton',
        what: 'decision modal metadata',
      });
      const state = readMeetingState(view.state.values);
      const rows = readRows(state);
      const decidedBy = state.user(F.decidedBy) ?? actor.person.slackUserId;
      const actionItems: OutcomeActionItem[] = [];
      for (const row of rows)
        actionItems.push({ title: row.title, ownerPersonId: await personId(row.owner), due: row.due });
      return services.agenda.recordOutcome(actor.subject, i, {
        decision: state.text(F.decision),
        decidedByPersonId: await personId(decidedBy),
        actionItems,
      });
    });
    await ack();
    if (!recorded.meeting.agendaMessageTs) return;
    const bulk = await deps.slackClients.bulkFor(actor.workspace.id);
    const t = translator(recorded.series.locale === 'zh-CN' ? 'zh-CN' : 'en');
    await (bulk ?? client).chat.postMessage({
      channel: recorded.series.channelId,
      thread_ts: recorded.meeting.agendaMessageTs,
      ...decisionRecordedMessage(recorded.decision, t, recorded.actionItemCount),
      unfurl_links: false,
    });
  };
}
