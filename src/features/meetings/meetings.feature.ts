import { type AgendaService, createAgendaService } from '../../modules/meetings/agenda.service.js';
import {
  createMeetingCycleService,
  type MeetingCycleService,
} from '../../modules/meetings/meeting-cycle.service.js';
import {
  createMeetingSeriesService,
  type MeetingSeriesService,
} from '../../modules/meetings/meeting-series.service.js';
import {
  agendaItemsExportSection,
  meetingDelegatesExportSection,
  meetingSeriesExportSection,
} from '../../modules/meetings/meetings.export.prisma-repository.js';
import { createMeetingsPrismaRepository } from '../../modules/meetings/meetings.prisma-repository.js';
import type { MeetingsRepository } from '../../modules/meetings/meetings.repository.js';
import { COMMANDS } from '../../slack/ids.js';
import { defineFeature, type Feature, onAction, onCommand, onView } from '../feature.types.js';
import { servicesOf } from '../feature-registry.js';
import { addItemButton, editItemButton, withdrawItemButton } from './agenda-item.actions.js';
import { agendaItemSubmission } from './agenda-item.submission.js';
import { meetingCommand } from './meeting.command.js';
import { createSlackMeetingAnnouncer, MEETING_NOTIFICATION_KINDS } from './meeting-announcer.js';
import { ensureMeetingCycleSchedule, MEETING_CYCLE_KIND, meetingCycleJob } from './meeting-cycle.job.js';
import { meetingNewSubmission } from './meeting-new.submission.js';
import { preReadWriter, signalDescriber } from './meeting-signals.js';
import { AGENDA_ITEM_VIEW, MEETING_ACTIONS, MEETING_NEW_VIEW, OUTCOME_VIEW } from './meetings.ids.js';
import { notesButton } from './notes.actions.js';
import { outcomeSubmission, recordOutcomeButton } from './outcome.listeners.js';

export interface MeetingsServices {
  repo: MeetingsRepository;
  series: MeetingSeriesService;
  agenda: AgendaService;
  cycle: MeetingCycleService;
}

/**
 * Joint meetings of several departments (`/meeting`): series and their occurrences, agenda
 * items collected from the departments' leads by DM, the agenda with a rules pre-read at the
 * cut-off, decisions and action items recorded from it, minutes in its thread.
 */
export const meetingsFeature: Feature<MeetingsServices> = defineFeature({
  name: 'meetings',
  summary: 'meetings.about',
  exportSections: ({ db }) => [
    meetingSeriesExportSection(db.prisma),
    agendaItemsExportSection(db.prisma),
    meetingDelegatesExportSection(db.prisma),
  ],
  services: (deps, { db }) => {
    const repo = createMeetingsPrismaRepository(db.prisma);
    const series = createMeetingSeriesService({
      repo,
      clock: deps.clock,
      calendarFor: async (calendarId) =>
        calendarId ? deps.calendar.calendars.forCalendarId(calendarId) : null,
    });
    const agenda = createAgendaService({
      repo,
      clock: deps.clock,
      actionItems: deps.actionItems,
      workingTimeProfileFor: (personId) => deps.calendar.calendars.workingTimeProfileFor(personId),
    });
    const cycle = createMeetingCycleService({
      repo,
      clock: deps.clock,
      series,
      announcer: createSlackMeetingAnnouncer({
        notify: deps.notifications.notify,
        slackClients: deps.slackClients,
        defaults: deps.defaults,
        logger: deps.logger.child({ component: 'meetings' }),
      }),
      describeSignal: signalDescriber(deps.defaults),
      writePreRead: preReadWriter({ llm: deps.llm, defaults: deps.defaults }),
    });
    return { repo, series, agenda, cycle };
  },
  listeners: [
    onCommand(COMMANDS.meeting, meetingCommand),
    onView(MEETING_NEW_VIEW, meetingNewSubmission),
    onAction(MEETING_ACTIONS.addItem, addItemButton),
    onAction(MEETING_ACTIONS.editItem, editItemButton),
    onAction(MEETING_ACTIONS.withdrawItem, withdrawItemButton),
    onView(AGENDA_ITEM_VIEW, agendaItemSubmission),
    onAction(MEETING_ACTIONS.recordOutcome, recordOutcomeButton),
    onAction(MEETING_ACTIONS.openNotes, notesButton),
    onView(OUTCOME_VIEW, outcomeSubmission),
  ],
  jobs: [
    {
      kind: MEETING_CYCLE_KIND,
      handler: (deps) => meetingCycleJob({ cycle: servicesOf(deps, meetingsFeature).cycle }),
      ensureSchedule: (deps, workspace) => ensureMeetingCycleSchedule(deps.schedules, workspace.id),
    },
  ],
  notificationKinds: [...MEETING_NOTIFICATION_KINDS],
  help: [{ key: 'meetings.help' }],
});
