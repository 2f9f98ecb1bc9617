import type { SlackDeps } from '../deps.js';
import { profileFromSlackUser, type SlackUserObject } from '../people-directory.js';

/**
 * What team_join and user_change share: the profile Slack sent goes through the directory
 * service (a deactivation cancels what was waiting and flags open items, as the nightly sync
 * does), the cached identity is dropped, and the person's Home tab is refreshed if they use it.
 */
export async function applySlackProfile(
  deps: SlackDeps,
  input: { user: unknown; teamId: string; enterpriseId?: string },
): Promise<void> {
  const profile = profileFromSlackUser(input.user as SlackUserObject);
  if (!profile) return;
  const workspace = await deps.workspaces.forTeam({ teamId: input.teamId, enterpriseId: input.enterpriseId });
  const change = await deps.directory.service.applyProfile(workspace.id, profile);
  deps.people.forget(workspace.id, profile.slackUserId);
  deps.logger.debug({ slackUserId: profile.slackUserId, change }, 'profile from Slack applied');
  const homeOwner = deps.homeTab.openedBy(workspace.id, profile.slackUserId);
  if (homeOwner && (change === 'updated' || change === 'reactivated'))
    deps.home.requestRefresh(workspace.id, [homeOwner]);
}
