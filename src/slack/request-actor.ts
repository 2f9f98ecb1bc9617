import type { Context } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SupportedLocale } from '../config/env.js';
import { resolveLocale, type Translate, translator } from '../i18n/catalog.js';
import type { PersonDto } from '../modules/people/person.types.js';
import type { WorkspaceDto } from '../modules/workspaces/workspace.types.js';
import type { SlackDeps } from './deps.js';
import { slackPeopleDirectory } from './people-directory.js';

export interface RequestActor {
  workspace: WorkspaceDto;
  person: PersonDto;
  locale: SupportedLocale;
  t: Translate;
}

/** Where the error handler finds the language of whoever made the request. */
const LOCALE_KEY = 'liaisonLocale';

export function localeFromContext(context: Context | undefined): SupportedLocale | undefined {
  const value = context?.[LOCALE_KEY];
  return value === 'en' || value === 'zh-CN' ? value : undefined;
}

/**
 * Who made a request, taken from the signed payload only (team and user ids), never from
 * private_metadata or text. Runs after ack(): it may ask Slack for an unknown profile.
 */
export async function resolveActor(
  deps: SlackDeps,
  request: {
    teamId: string;
    enterpriseId?: string;
    userId: string;
    userName?: string;
    client: WebClient;
    context: Context;
  },
): Promise<RequestActor> {
  const workspace = await deps.workspaces.forTeam({
    teamId: request.teamId,
    enterpriseId: request.enterpriseId,
  });
  const person = await deps.people.identify(
    {
      workspaceId: workspace.id,
      slackUserId: request.userId,
      fallbackName: request.userName ?? request.userId,
    },
    slackPeopleDirectory(request.client),
  );
  const locale = resolveLocale(person.locale, workspace.defaultLocale);
  request.context[LOCALE_KEY] = locale;
  return { workspace, person, locale, t: translator(locale) };
}
