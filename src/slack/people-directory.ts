import type { WebClient } from '@slack/web-api';
import type { PeopleDirectory, SlackProfile } from '../modules/people/person.types.js';

/** The shape of a Slack user object we read (users.info, user_change, users.list). */
export interface SlackUserObject {
  id?: string;
  name?: string;
  real_name?: string;
  tz?: string;
  locale?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_bot?: boolean;
  deleted?: boolean;
  profile?: { display_name?: string; real_name?: string; email?: string };
}

export function profileFromSlackUser(user: SlackUserObject): SlackProfile | null {
  if (!user.id) return null;
  const displayName = user.profile?.display_name || user.name || user.real_name || user.id;
  return {
    slackUserId: user.id,
    displayName,
    realName: user.profile?.real_name || user.real_name || undefined,
    email: user.profile?.email || undefined,
    timeZone: user.tz || undefined,
    locale: user.locale || undefined,
    isWorkspaceAdmin: Boolean(user.is_admin || user.is_owner),
    isBot: Boolean(user.is_bot),
    deleted: Boolean(user.deleted),
  };
}

/** users.info with the locale (needs users:read). */
export function slackPeopleDirectory(client: WebClient): PeopleDirectory {
  return {
    async fetchProfile(slackUserId) {
      const result = await client.users.info({ user: slackUserId, include_locale: true });
      return result.user ? profileFromSlackUser(result.user as SlackUserObject) : null;
    },
  };
}
