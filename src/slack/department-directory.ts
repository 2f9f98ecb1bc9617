import type { WebClient } from '@slack/web-api';
import type { DepartmentDirectory } from '../modules/departments/departments.types.js';
import { profileFromSlackUser, type SlackUserObject, slackPeopleDirectory } from './people-directory.js';

/** users.info and users.lookupByEmail (needs users:read.email) for the department features. */
export function slackDepartmentDirectory(client: WebClient): DepartmentDirectory {
  const people = slackPeopleDirectory(client);
  return {
    fetchProfile: (slackUserId) => people.fetchProfile(slackUserId),
    async lookupByEmail(email) {
      try {
        const result = await client.users.lookupByEmail({ email });
        return result.user ? profileFromSlackUser(result.user as SlackUserObject) : null;
      } catch (error) {
        // Slack's answer when nobody has the address; anything else is a real failure.
        if ((error as { data?: { error?: string } }).data?.error === 'users_not_found') return null;
        throw error;
      }
    },
  };
}
