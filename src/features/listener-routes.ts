import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { SlackDeps } from '../slack/deps.js';
import type { FeatureListener } from './feature.types.js';

type Handler = Middleware<AnyMiddlewareArgs>;
type RoutedKind = 'command' | 'action' | 'view' | 'shortcut';

/**
 * Registers the features' listeners with Bolt. Bolt runs the middleware chain of every
 * listener it holds for every request, matching or not: with one Bolt listener per feature
 * id that was ≈ 50 chains per slash command (bench/README.md, issue 16). So commands,
 * block actions, view submissions and shortcuts get one Bolt listener per kind, which finds
 * the feature's handler by its id in a map — what Bolt's own matchers did for a string id:
 * the command's name, a block action's action_id, a submitted view's callback_id (view
 * submissions only), a shortcut's callback_id. Events (few, and matched by type) stay as
 * they were. An id declared twice is refused at start, as the feature registry refuses it.
 */
export function registerFeatureListeners(
  app: App,
  deps: SlackDeps,
  listeners: readonly FeatureListener[],
): void {
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

  const to = (kind: RoutedKind, idOf: (args: AnyMiddlewareArgs) => unknown) => {
    const handler: Handler = async (args) => {
      const id = idOf(args);
      const routed = typeof id === 'string' ? routes[kind].get(id) : undefined;
      if (routed) await routed(args);
    };
    return handler;
  };
  const field = (value: unknown, name: string): unknown =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

  if (routes.command.size > 0) {
    app.command(
      /^/,
      to('command', (args) => field(args.payload, 'command')),
    );
  }
  if (routes.action.size > 0) {
    // Bolt's { action_id } constraint: a block action's own id (payload is the action).
    app.action(
      { action_id: /^/ },
      to('action', (args) => field(args.payload, 'action_id')),
    );
  }
  if (routes.view.size > 0) {
    app.view(
      { callback_id: /^/, type: 'view_submission' },
      to('view', (args) => field(field(args.body, 'view'), 'callback_id')),
    );
  }
  if (routes.shortcut.size > 0) {
    app.shortcut(
      { callback_id: /^/ },
      to('shortcut', (args) => field(args.body, 'callback_id')),
    );
  }
}
