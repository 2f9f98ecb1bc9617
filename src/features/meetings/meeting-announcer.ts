import { resolveLocale, translator } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { Logger } from '../../logger.js';
import type { MeetingAnnouncer } from '../../modules/meetings/meeting-cycle.service.js';
import type { DepartmentLead } from '../../modules/meetings/meetings.types.js';
import type { Notify } from '../../modules/notifications/notify.service.js';
import type { WorkspaceSlackClients } from '../../slack/workspace-clients.js';
import { agendaMessage, minutesMessage } from './agenda.view.js';
import { askForItemsMessage } from './agenda-item.view.js';

/** The kinds of DM a person may mute (`/liaison mute`). */
export const MEETING_NOTIFICATION_KINDS = ['meeting.agenda_request', 'meeting.agenda_reminder'] as const;

const uniqueByPerson = (leads: readonly DepartmentLead[]) => [
  ...new Map(leads.map((lead) => [lead.personId, lead])).values(),
];

/**
 * What the meeting cycle says, in Slack: DMs to leads through the notification budget (one
 * per meeting and person, keyed, so a retried run queues nothing new), and the agenda and
 * minutes in the series' channel, in the workspace's language.
 */
export function createSlackMeetingAnnouncer(deps: {
  notify: Notify;
  slackClients: Pick<WorkspaceSlackClients, 'bulkFor'>;
  defaults: { locale: SupportedLocale };
  logger: Logger;
}): MeetingAnnouncer {
  const channelT = (locale: string) => {
    const resolved = resolveLocale(locale, deps.defaults.locale);
    return { t: translator(resolved), locale: resolved };
  };

  async function dm(
    kind: (typeof MEETING_NOTIFICATION_KINDS)[number],
    input: Parameters<MeetingAnnouncer['askForItems']>[0],
  ) {
    for (const lead of uniqueByPerson(input.leads)) {
      const t = translator(
        resolveLocale(lead.locale, resolveLocale(input.series.locale, deps.defaults.locale)),
      );
      await deps.notify({
        workspaceId: input.series.workspaceId,
        personId: lead.personId,
        kind,
        key: `${kind}:${input.meeting.id}:${lead.personId}`,
        message: askForItemsMessage(input.series, input.meeting, t, kind === 'meeting.agenda_reminder'),
      });
    }
  }

  return {
    askForItems: (input) => dm('meeting.agenda_request', input),
    remind: (input) => dm('meeting.agenda_reminder', input),

    async postAgenda(agenda) {
      const client = await deps.slackClients.bulkFor(agenda.series.workspaceId);
      if (!client) return null;
      try {
        const posted = await client.chat.postMessage({
          channel: agenda.series.channelId,
          ...agendaMessage(agenda, channelT(agenda.series.locale)),
          unfurl_links: false,
          unfurl_media: false,
        });
        return posted.ts ?? null;
      } catch (error) {
        deps.logger.error(
          { err: error, meetingId: agenda.meeting.id, channel: agenda.series.channelId },
          'could not post a meeting agenda',
        );
        return null;
      }
    },

    async postMinutes(minutes) {
      const client = await deps.slackClients.bulkFor(minutes.series.workspaceId);
      if (!client) return;
      try {
        await client.chat.postMessage({
          channel: minutes.series.channelId,
          ...(minutes.meeting.agendaMessageTs ? { thread_ts: minutes.meeting.agendaMessageTs } : {}),
          ...minutesMessage(minutes, channelT(minutes.series.locale)),
          unfurl_links: false,
          unfurl_media: false,
        });
      } catch (error) {
        deps.logger.error(
          { err: error, meetingId: minutes.meeting.id, channel: minutes.series.channelId },
          'could not post meeting minutes',
        );
      }
    },
  };
}
