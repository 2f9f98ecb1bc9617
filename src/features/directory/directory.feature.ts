import { EVENTS } from '../../slack/ids.js';
import { syncSubcommand } from '../../slack/listeners/commands/liaison/sync.subcommand.js';
import { teamJoin } from '../../slack/listeners/events/team-join.event.js';
import { userChange } from '../../slack/listeners/events/user-change.event.js';
import { defineFeature, onEvent } from '../feature.types.js';
import { DIRECTORY_SYNC_KIND, directorySyncJob, ensureDirectorySyncSchedule } from './directory-sync.job.js';

/** Who is in the workspace: nightly sync from Slack, profile changes, deactivations. */
export const directoryFeature = defineFeature({
  name: 'directory',
  subcommands: [syncSubcommand],
  listeners: [onEvent(EVENTS.userChange, userChange), onEvent(EVENTS.teamJoin, teamJoin)],
  jobs: [
    {
      kind: DIRECTORY_SYNC_KIND,
      handler: (deps) => directorySyncJob({ runner: deps.directory.runner }),
      ensureSchedule: (deps, workspace) => ensureDirectorySyncSchedule(deps.schedules, workspace),
    },
  ],
  // Someone in your department was deactivated in Slack.
  notificationKinds: ['directory.deactivated'],
  help: [{ key: 'directory.help.sync', adminOnly: true }],
  // A new workspace should not wait for the nightly sync to know its people.
  async onInstalled(deps, workspace) {
    await deps.directory.runner.start({ workspaceId: workspace.id });
  },
});
