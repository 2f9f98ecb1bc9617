import {
  createMeetingSeriesService,
  type MeetingSeriesService,
} from '../../modules/meetings/meeting-series.service.js';
import { createMeetingsPrismaRepository } from '../../modules/meetings/meetings.prisma-repository.js';
import type { MeetingsRepository } from '../../modules/meetings/meetings.repository.js';
import { COMMANDS } from '../../slack/ids.js';
import { defineFeature, type Feature, onCommand, onView } from '../feature.types.js';
import { meetingCommand } from './meeting.command.js';
import { meetingNewSubmission } from './meeting-new.submission.js';
import { MEETING_NEW_VIEW } from './meetings.ids.js';

export interface MeetingsServices {
  repo: MeetingsRepository;
  series: MeetingSeriesService;
}

/**
 * Joint meetings of several departments (`/meeting`): series and their occurrences, agenda
 * items collected from the departments' leads by DM, the agenda with a rules pre-read at the
 * cut-off, decisions and action items recorded from it, minutes in its thread.
 */
export const meetingsFeature: Feature<MeetingsServices> = defineFeature({
  name: 'meetings',
  services: (deps, { db }) => {
    const repo = createMeetingsPrismaRepository(db.prisma);
    const series = createMeetingSeriesService({
      repo,
      clock: deps.clock,
      calendarFor: async (calendarId) =>
        calendarId ? deps.calendar.calendars.forCalendarId(calendarId) : null,
    });
    return { repo, series };
  },
  listeners: [onCommand(COMMANDS.meeting, meetingCommand), onView(MEETING_NEW_VIEW, meetingNewSubmission)],
  help: [{ key: 'meetings.help' }],
});
