import { SlackApiError } from '../errors.js';
import {
  jsonArg,
  type MethodContext,
  type MethodHandler,
  optionalString,
  requiredString,
} from './context.js';

export const viewMethods: Record<string, MethodHandler> = {
  'views.open': (ctx) => {
    const userId = exchange(ctx);
    return { view: ctx.views.open(userId, viewArg(ctx)) };
  },

  'views.push': (ctx) => {
    const userId = exchange(ctx);
    return { view: ctx.views.push(userId, viewArg(ctx)) };
  },

  'views.update': (ctx) => {
    const viewId = optionalString(ctx.args, 'view_id');
    const externalId = optionalString(ctx.args, 'external_id');
    if (!viewId && !externalId) throw new SlackApiError('invalid_arguments');
    const hash = optionalString(ctx.args, 'hash');
    const view = ctx.views.update(
      { ...(viewId ? { viewId } : {}), ...(externalId ? { externalId } : {}) },
      viewArg(ctx),
      hash,
    );
    return { view };
  },

  'views.publish': (ctx) => {
    const userId = requiredString(ctx.args, 'user_id');
    if (!ctx.directory.user(userId)) throw new SlackApiError('user_not_found');
    return { view: ctx.views.publish(userId, viewArg(ctx), optionalString(ctx.args, 'hash')) };
  },
};

/** views.open/push need a fresh trigger_id (or interactivity_pointer); it tells us whose screen. */
function exchange(ctx: MethodContext): string {
  const trigger = optionalString(ctx.args, 'trigger_id') ?? optionalString(ctx.args, 'interactivity_pointer');
  if (!trigger) throw new SlackApiError('invalid_arguments');
  return ctx.views.exchangeTrigger(trigger);
}

function viewArg(ctx: MethodContext): unknown {
  const view = jsonArg(ctx.args, 'view', 'invalid_arguments');
  if (view === undefined) throw new SlackApiError('invalid_arguments');
  return view;
}
