import { z } from 'zod';
import { translator } from '../../i18n/catalog.js';
import type { AgendaItemInput, AgendaUrgency } from '../../modules/meetings/meetings.types.js';
import { AGENDA_URGENCIES } from '../../modules/meetings/meetings.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { ViewSubmissionArgs } from '../../slack/listener-args.types.js';
import { readMetadata } from '../../slack/parsers/metadata.parser.js';
import { withModalErrors } from '../../slack/parsers/view-state.parser.js';
import { servicesOf } from '../feature-registry.js';
import { lateItemMessage } from './agenda.view.js';
import { itemSavedMessage } from './agenda-item.view.js';
import { readMeetingState } from './meeting-view-state.js';
import { meetingsFeature } from './meetings.feature.js';
import { AGENDA_ITEM_FIELDS as F } from './meetings.ids.js';

const metadata = z.union([z.object({ m: z.string().uuid() }), z.object({ i: z.string().uuid() })]);

const FIELD_BLOCKS: Record<string, string> = {
  title: F.title,
  description: F.description,
  department: F.department,
  link: F.link,
};

/**
 * The item modal was submitted: added (or edited) when every field is right, else the problem
 * under its field. The person gets a DM record with Edit and Withdraw; an item added after
 * the agenda went out is posted in the agenda's thread, marked late.
 */
export function agendaItemSubmission(deps: SlackDeps) {
  return async ({ ack, view, client, body, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await context.actor();
    const services = servicesOf(deps, meetingsFeature);
    const saved = await withModalErrors(FIELD_BLOCKS, F.title, async () => {
      const meta = readMetadata(view.private_metadata, metadata, {
        code: 'meeting.bad_metadata',
        message: 'meetings.errors.badButton',
        what: 'agenda item modal metadata',
      });
      const state = readMeetingState(view.state.values);
      const urgency = state.option(F.urgency);
      const input: AgendaItemInput = {
        title: state.text(F.title),
        description: state.text(F.description),
        ownerDepartmentId: state.option(F.department) ?? '',
        urgency: AGENDA_URGENCIES.includes(urgency as AgendaUrgency) ? (urgency as AgendaUrgency) : 'NORMAL',
        link: state.text(F.link),
      };
      return 'm' in meta
        ? { kind: 'added' as const, ...(await services.agenda.submit(actor.subject, meta.m, input)) }
        : { kind: 'edited' as const, ...(await services.agenda.edit(actor.subject, meta.i, input)) };
    });
    await ack();
    await client.chat.postMessage({
      channel: body.user.id,
      ...itemSavedMessage(saved.kind, { ...saved, t: actor.t }),
    });
    if (saved.kind === 'added' && saved.meeting.agendaMessageTs) {
      const departments = await services.series.departmentNames(
        actor.workspace.id,
        saved.series.departmentIds,
      );
      const locale = saved.series.locale === 'zh-CN' ? 'zh-CN' : 'en';
      const bulk = await deps.slackClients.bulkFor(actor.workspace.id);
      await (bulk ?? client).chat.postMessage({
        channel: saved.series.channelId,
        thread_ts: saved.meeting.agendaMessageTs,
        ...lateItemMessage(saved.item, departments, { t: translator(locale), locale }),
      });
    }
  };
}
