import type { Context } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { resolveLocale, type Translate, translator } from '../i18n/catalog.js';
import type { SupportedLocale } from '../i18n/locales.js';
import type { AccessSubject, Actor } from '../modules/access/access.types.js';
import type { PersonDto } from '../modules/people/person.types.js';
import type { WorkspaceDto } from '../modules/workspaces/workspace.types.js';
import type { SlackDeps } from './deps.js';
import { slackPeopleDirectory } from './people-directory.js';

/** Who made a request, as every listener sees them: resolved once per request. */
export interface RequestActor {
  workspace: WorkspaceDto;
  person: PersonDto;
  /** The person with their roles, as services and the authorization rules take them. */
  subject: AccessSubject;
  locale: SupportedLocale;
  /** The person's zone, else the workspace's. */
  timeZone: string;
  t: Translate;
}

/**
 * What the request-actor middleware puts on every listener's context. A function, not a
 * value: resolving may ask Slack for an unknown person (users.info), so a listener calls it
 * after ack(). The first call resolves; later calls in the same request get the same answer.
 */
export interface ActorContext {
  actor: () => Promise<RequestActor>;
  /**
   * The same actor when everything about them is already in memory (workspace, person,
   * roles: no query, no call to Slack), so a listener may answer inside its ack; undefined
   * otherwise. Once it has answered, `actor()` gives the same actor.
   */
  actorFromMemory: () => RequestActor | undefined;
}

/** Where the error handler finds the language of whoever made the request. */
export const LOCALE_KEY = 'liaisonLocale';

export function localeFromContext(context: Context | undefined): SupportedLocale | undefined {
  const value = context?.[LOCALE_KEY];
  return value === 'en' || value === 'zh-CN' ? value : undefined;
}

/** The ids of whoever made a request, from the signed payload. */
export interface RequestIdentity {
  teamId: string;
  enterpriseId?: string;
  userId: string;
  userName?: string;
}

/**
 * Who made a request, taken from the signed payload only (team and user ids), never from
 * private_metadata or text. Called through `context.actor()`, after ack(): it may ask Slack
 * for an unknown profile.
 */
export async function resolveActor(
  deps: SlackDeps,
  request: RequestIdentity & { client: WebClient; context: Context },
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
  const subject = await deps.authorization.subjectOf(person.id);
  return actorOf(workspace, person, subject, locale);
}

/**
 * `resolveActor`'s answer when the workspace, the person and their roles are all remembered
 * and fresh: synchronous, no query and no call to Slack. Undefined when any is missing.
 */
export function rememberedActor(
  deps: Pick<SlackDeps, 'workspaces' | 'people' | 'authorization'>,
  request: RequestIdentity & { context: Context },
): RequestActor | undefined {
  const workspace = deps.workspaces.remembered({
    teamId: request.teamId,
    ...(request.enterpriseId ? { enterpriseId: request.enterpriseId } : {}),
  });
  if (!workspace) return undefined;
  const person = deps.people.remembered({ workspaceId: workspace.id, slackUserId: request.userId });
  if (!person) return undefined;
  const subject = deps.authorization.rememberedSubjectOf(person.id);
  if (!subject) return undefined;
  const locale = resolveLocale(person.locale, workspace.defaultLocale);
  request.context[LOCALE_KEY] = locale;
  return actorOf(workspace, person, subject, locale);
}

function actorOf(
  workspace: WorkspaceDto,
  person: PersonDto,
  subject: AccessSubject,
  locale: SupportedLocale,
): RequestActor {
  return {
    workspace,
    person,
    subject,
    locale,
    timeZone: person.timeZone ?? workspace.defaultTimeZone,
    t: translator(locale),
  };
}

/** The actor as services that work in the person's own time take them (notification settings). */
export function zonedActor(actor: RequestActor): Actor & { timeZone: string } {
  const { workspaceId, personId, slackUserId } = actor.subject;
  return { workspaceId, personId, slackUserId, timeZone: actor.timeZone };
}
