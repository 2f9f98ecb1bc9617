import {
  absencesExportSection,
  calendarDatesExportSection,
  calendarsExportSection,
} from '../../modules/calendar/calendar.export.prisma-repository.js';
import { BLOCKS, CALENDAR_VIEWS } from '../../slack/ids.js';
import { awaySubcommand } from '../../slack/listeners/commands/liaison/away.subcommand.js';
import { backSubcommand } from '../../slack/listeners/commands/liaison/back.subcommand.js';
import { calendarSubcommand } from '../../slack/listeners/commands/liaison/calendar.subcommand.js';
import { hoursSubcommand } from '../../slack/listeners/commands/liaison/hours.subcommand.js';
import {
  calendarNoticePreviewSubmission,
  calendarNoticeSubmission,
} from '../../slack/listeners/views/calendar-notice.submission.js';
import { coverageHomeLines } from '../../slack/views/calendar-coverage.view.js';
import { defineFeature, onView } from '../feature.types.js';
import {
  CALENDAR_COVERAGE_KIND,
  calendarCoverageJob,
  ensureCalendarCoverageSchedule,
} from './calendar-coverage.job.js';

/** Holiday calendars, working hours and absences: what "working time" means for each person. */
export const calendarFeature = defineFeature({
  name: 'calendar',
  summary: 'calendar.about',
  exportSections: ({ db }) => [
    calendarsExportSection(db.prisma),
    calendarDatesExportSection(db.prisma),
    absencesExportSection(db.prisma),
  ],
  subcommands: [calendarSubcommand, awaySubcommand, backSubcommand, hoursSubcommand],
  listeners: [
    // Reading the pasted notice stores nothing: sent again, it shows the preview again.
    onView(CALENDAR_VIEWS.notice, calendarNoticeSubmission, { changesNothing: true }),
    onView(CALENDAR_VIEWS.noticePreview, calendarNoticePreviewSubmission),
  ],
  jobs: [
    {
      kind: CALENDAR_COVERAGE_KIND,
      handler: (deps) =>
        calendarCoverageJob({
          coverage: deps.calendarCoverage,
          requestHomeRefresh: (workspaceId, personIds) => deps.home.requestRefresh(workspaceId, personIds),
        }),
      ensureSchedule: (deps, workspace) => ensureCalendarCoverageSchedule(deps.schedules, workspace),
    },
  ],
  // The admins' notice: calendars in use running out, and what is computed past them.
  home: [
    {
      id: BLOCKS.home.holidayData,
      section: {
        titleKey: 'calendar.coverage.homeTitle',
        emptyKey: 'calendar.coverage.homeEmpty',
        roles: ['admin'],
      },
      load:
        (deps) =>
        async ({ workspaceId, t, locale, timeZone }) =>
          coverageHomeLines(await deps.calendarCoverage.report(workspaceId), { t, locale, timeZone }),
    },
  ],
  // To admins: a calendar in use is running out of holiday data.
  notificationKinds: ['calendar.coverage'],
  help: [
    { key: 'calendar.help.away' },
    { key: 'calendar.help.back' },
    { key: 'calendar.help.hours' },
    { key: 'calendar.help.calendar' },
    { key: 'calendar.help.use' },
    { key: 'calendar.help.add', adminOnly: true },
    { key: 'calendar.help.remove', adminOnly: true },
    { key: 'calendar.help.default', adminOnly: true },
    { key: 'calendar.help.department', adminOnly: true },
    { key: 'calendar.help.list', adminOnly: true },
    { key: 'calendar.help.notice', adminOnly: true },
  ],
});
