import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import {
  type ActorContext,
  type RequestActor,
  type RequestIdentity,
  rememberedActor,
  resolveActor,
} from '../request-actor.js';

/** The fields of the payloads that say who sent them (commands, interactivity, events). */
interface PayloadLike {
  type?: unknown;
  command?: unknown;
  team_id?: unknown;
  enterprise_id?: unknown;
  user_id?: unknown;
  user_name?: unknown;
  user?: { id?: unknown; name?: unknown } | null;
  team?: { id?: unknown; enterprise_id?: unknown } | null;
  enterprise?: { id?: unknown } | null;
  event?: { user?: unknown };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/**
 * Who sent a request, from the signed payload: a slash command's user_id; an action's, a
 * view's or a shortcut's user; an event's user when it is a person's id (app_home_opened),
 * not a profile (user_change). Undefined when no person acts (app_uninstalled, team_join).
 */
export function identityOf(body: unknown, context: Context): RequestIdentity | undefined {
  const payload = body as PayloadLike;
  const teamId = (fallback: unknown) => text(fallback) ?? context.teamId ?? '';
  if (typeof payload.command === 'string') {
    const userId = text(payload.user_id);
    if (!userId) return undefined;
    const enterpriseId = text(payload.enterprise_id);
    const userName = text(payload.user_name);
    return {
      teamId: teamId(payload.team_id),
      userId,
      ...(enterpriseId ? { enterpriseId } : {}),
      ...(userName ? { userName } : {}),
    };
  }
  if (payload.type === 'event_callback') {
    const userId = text(payload.event?.user);
    if (!userId) return undefined;
    return {
      teamId: teamId(payload.team_id),
      userId,
      ...(context.enterpriseId ? { enterpriseId: context.enterpriseId } : {}),
    };
  }
  const userId = text(payload.user?.id);
  if (!userId) return undefined;
  const enterpriseId = text(payload.enterprise?.id) ?? text(payload.team?.enterprise_id);
  const userName = text(payload.user?.name);
  return {
    teamId: teamId(payload.team?.id),
    userId,
    ...(enterpriseId ? { enterpriseId } : {}),
    ...(userName ? { userName } : {}),
  };
}

/**
 * Puts `context.actor()` on every request: who acts (workspace, person, roles, language),
 * resolved on the first call and remembered for the rest of the request. Nothing is looked
 * up here, so acknowledgement stays first and fast; listeners call it after ack().
 */
export function requestActor(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, client, next }) => {
    const identity = identityOf(body, context);
    let resolving: Promise<RequestActor> | undefined;
    const actor: ActorContext['actor'] = () => {
      if (!identity) {
        const type = (body as PayloadLike).type;
        return Promise.reject(new Error(`no acting person in this request (${String(type ?? 'command')})`));
      }
      // Object.assign, not a spread and more keys: see young-request-objects.ts.
      resolving ??= resolveActor(deps, Object.assign({ client, context }, identity));
      return resolving;
    };
    context.actor = actor;
    context.actorFromMemory = () => {
      if (!identity || resolving) return undefined;
      const remembered = rememberedActor(deps, Object.assign({ context }, identity));
      if (remembered) resolving = Promise.resolve(remembered);
      return remembered;
    };
    await next();
  };
}
