import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { SlackDeps } from '../slack/deps.js';
import type { FeatureListener } from './feature.types.js';

type Handler = Middleware<AnyMiddlewareArgs>;
type RoutedKind = 'command' | 'action' | 'view' | 'shortcut';

/**
 * Registers the features' listeners with Bolt. Bolt runs the middleware chain of every
 * listener it holds for every request, matching or not, copying each chain and allocating
 * its promises: with one Bolt listener per feature id that was ≈ 50 chains per slash command,
 * and with one per kind still ≈ 20 KB of garbage per request (bench/README.md, issue 16).
 * So commands, block actions, view submissions and shortcuts are not Bolt listeners at all:
 * the last global middleware finds the feature's handler by its id in a map — what Bolt's
 * own matchers did for a string id: the command's name, a block action's action_id, a
 * submitted view's callback_id (view submissions only), a shortcut's callback_id — and runs
 * it with the same arguments a listener gets. Events (few, and matched by type) stay Bolt
 * listeners. An id declared twice is refused at start, as the feature registry refuses it.
 * Registers the events on `app` and returns that routing middleware, to be the last of the
 * app's global middleware.
 */
export function registerFeatureListeners(
  app: App,
  deps: SlackDeps,
  listeners: readonly FeatureListener[],
): Handler {
  const routes: Record<RoutedKind, Map<string, Handler>> = {
    command: new Map(),
    action: new Map(),
    view: new Map(),
    shortcut: new Map(),
  };
  const recordInto =
    (kind: RoutedKind) =>
    (id: unknown, ...handlers: Handler[]) => {
      const [handler] = handlers;
      if (typeof id !== 'string' || handlers.length !== 1 || !handler) {
        throw new Error(`a ${kind} listener must be declared with one string id and one handler`);
      }
      if (routes[kind].has(id)) throw new Error(`${kind} "${id}" has two listeners`);
      routes[kind].set(id, handler);
    };
  // What a feature's register() calls, for the kinds routed here.
  const recorder = {
    command: recordInto('command'),
    action: recordInto('action'),
    view: recordInto('view'),
    shortcut: recordInto('shortcut'),
  } as unknown as App;
  for (const listener of listeners) {
    if (listener.kind === 'event') listener.register(app, deps);
    else listener.register(recorder, deps);
  }

  const field = (value: unknown, name: string): unknown =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  /** The routed handler for a request, found as Bolt's own matchers would have found it. */
  const routedHandler = ({ body, payload }: AnyMiddlewareArgs): Handler | undefined => {
    const pick = (kind: RoutedKind, id: unknown) =>
      typeof id === 'string' ? routes[kind].get(id) : undefined;
    const type = field(body, 'type');
    // A slash command's form has `command`; Bolt classifies it by that field alone.
    if (typeof field(body, 'command') === 'string') return pick('command', field(body, 'command'));
    // A block action's own id (Bolt's payload is the action).
    if (type === 'block_actions') return pick('action', field(payload, 'action_id'));
    if (type === 'view_submission') return pick('view', field(field(body, 'view'), 'callback_id'));
    if (type === 'shortcut' || type === 'message_action') return pick('shortcut', field(body, 'callback_id'));
    return undefined;
  };

  // The last global middleware: a routed request runs its feature's handler here and goes no
  // further; anything else (events, ids no feature declared) continues to Bolt's listeners.
  return async (args) => {
    const handler = routedHandler(args);
    if (!handler) {
      await args.next();
      return;
    }
    // As Bolt calls a listener: the chain ends here.
    await handler({ ...args, next: async () => {} } as Parameters<Handler>[0]);
  };
}
