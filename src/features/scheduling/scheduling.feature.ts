import {
  jobRunsExportSection,
  schedulesExportSection,
} from '../../modules/scheduling/schedules.export.prisma-repository.js';
import { schedulesSubcommand } from '../../slack/listeners/commands/liaison/schedules.subcommand.js';
import { defineFeature } from '../feature.types.js';
import { ensureHeartbeatSchedule, HEARTBEAT_KIND, heartbeatJob } from './heartbeat.job.js';

/** The scheduler of record: `/liaison schedules` and the hourly heartbeat that proves it runs. */
export const schedulingFeature = defineFeature({
  name: 'scheduling',
  exportSections: ({ db }) => [schedulesExportSection(db.prisma), jobRunsExportSection(db.prisma)],
  subcommands: [schedulesSubcommand],
  jobs: [
    {
      kind: HEARTBEAT_KIND,
      handler: (deps, { instanceId }) => heartbeatJob({ clock: deps.clock, instanceId }),
      ensureSchedule: (deps, workspace) => ensureHeartbeatSchedule(deps.schedules, workspace.id),
    },
  ],
  help: [{ key: 'scheduling.help.commandSchedules', adminOnly: true }],
});
