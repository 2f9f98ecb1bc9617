import {
  absencesExportSection,
  calendarDatesExportSection,
  calendarsExportSection,
} from '../../modules/calendar/calendar.export.prisma-repository.js';
import { awaySubcommand } from '../../slack/listeners/commands/liaison/away.subcommand.js';
import { backSubcommand } from '../../slack/listeners/commands/liaison/back.subcommand.js';
import { calendarSubcommand } from '../../slack/listeners/commands/liaison/calendar.subcommand.js';
import { hoursSubcommand } from '../../slack/listeners/commands/liaison/hours.subcommand.js';
import { defineFeature } from '../feature.types.js';

/** Holiday calendars, working hours and absences: what "working time" means for each person. */
export const calendarFeature = defineFeature({
  name: 'calendar',
  exportSections: ({ db }) => [
    calendarsExportSection(db.prisma),
    calendarDatesExportSection(db.prisma),
    absencesExportSection(db.prisma),
  ],
  subcommands: [calendarSubcommand, awaySubcommand, backSubcommand, hoursSubcommand],
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
  ],
});
