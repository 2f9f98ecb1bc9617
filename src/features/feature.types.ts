import type {
  App,
  Middleware,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcut,
  SlackShortcutMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';
import type { Database } from '../db/database.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { DigestSection } from '../modules/digest/digest-section.types.js';
import type { OpenItemsSource } from '../modules/directory/directory.types.js';
import type { ExportSection } from '../modules/export/export.types.js';
import type { JobHandler } from '../modules/scheduling/job-handler.types.js';
import type { WorkspaceDto } from '../modules/workspaces/workspace.types.js';
import type { SlackDeps } from '../slack/deps.js';
import type { HomeSection, HomeSectionLoader } from '../slack/home/home-sections.js';
import type { Subcommand } from '../slack/listeners/commands/liaison/subcommand.types.js';
import { oncePerSubmission } from '../slack/once-per-submission.js';
import type { HttpRoute } from '../slack/receivers/http-receiver.js';
import type { ActorContext } from '../slack/request-actor.js';

/**
 * One Bolt listener a feature owns. `id` is what Slack sends back (command, action_id,
 * callback_id, event type): the architecture test checks it against manifest.yml and help.
 */
export interface FeatureListener {
  kind: 'command' | 'action' | 'view' | 'shortcut' | 'event';
  id: string;
  register(app: App, deps: SlackDeps): void;
}

/** A line of `/liaison help`: the message key (usage and what it does). */
export interface HelpEntry {
  key: MessageKey;
  /** Shown only to workspace admins. */
  adminOnly?: boolean;
}

/**
 * A job the scheduler of record runs: its handler, and the standing schedule every installed
 * workspace gets (idempotent: called at every start and every install).
 */
export interface FeatureJob {
  kind: string;
  handler(deps: SlackDeps, runtime: { instanceId: string }): JobHandler;
  ensureSchedule?(deps: SlackDeps, workspace: WorkspaceDto): Promise<void>;
}

/**
 * A section of the Home tab (its block id), shown in feature order. The Home tab has no
 * section that no feature declares: it never promises what does not exist.
 */
export interface FeatureHomeSection {
  id: string;
  load(deps: SlackDeps): HomeSectionLoader;
  /** Its title, what it shows when empty, and who sees it (everyone when absent). */
  section: Pick<HomeSection, 'titleKey' | 'emptyKey' | 'roles'>;
}

/**
 * Everything one capability adds to Liaison, in one place: its one-line summary, its slash commands and
 * `/liaison` subcommands, its Bolt listeners, its jobs, its Home content, its help lines,
 * the notification kinds a person can mute, where its open items live, and what it does
 * when a workspace installs Liaison. `src/features/features.ts` lists them all; nothing
 * else registers a listener, a job or a help line (tests/architecture.test.ts checks).
 *
 * `services` builds what the feature's own listeners and jobs need, once per process;
 * they read it with `servicesOf(deps, feature)`, so a new feature adds no field to SlackDeps.
 */
export interface Feature<Services = unknown> {
  name: string;
  /** One line for the intro of `/liaison help`: what this feature lets people do (a message key). */
  summary?: MessageKey;
  services?(deps: SlackDeps, infra: FeatureInfra): Services;
  /** `/liaison <word>` subcommands. */
  subcommands?: readonly Subcommand[];
  /** Slash commands, actions, view submissions, shortcuts and events. */
  listeners?: readonly FeatureListener[];
  jobs?: readonly FeatureJob[];
  /** Extra HTTP endpoints served beside /slack/events in HTTP mode (not signed by Slack: each checks its own credentials). */
  httpRoutes?(deps: SlackDeps): readonly HttpRoute[];
  home?: readonly FeatureHomeSection[];
  help?: readonly HelpEntry[];
  /** Kinds of notification this feature sends that a person may mute (`/liaison mute`). */
  notificationKinds?: readonly string[];
  /** What this feature keeps, for `/liaison export` (a person's own rows; the workspace's for admins). */
  exportSections?(infra: FeatureInfra): readonly ExportSection[];
  /** What this feature adds to the managers' digest (src/modules/digest/digest-section.types.ts). */
  digestSections?(deps: SlackDeps, infra: FeatureInfra): readonly DigestSection[];
  /** A deactivated person's loose ends in this feature, for their leads. */
  openItems?(deps: SlackDeps): OpenItemsSource;
  /** After a workspace installs Liaison (OAuth) or is first served (single workspace). */
  onInstalled?(deps: SlackDeps, workspace: WorkspaceDto): Promise<void>;
}

/** What a feature's services are built over besides the shared deps (its repositories need the database). */
export interface FeatureInfra {
  db: Database;
}

/** Gives `feature` its services type from its declaration. */
export function defineFeature<Services = unknown>(feature: Feature<Services>): Feature<Services> {
  return feature;
}

/** Listeners find who acts as `context.actor()` (src/slack/middleware/request-actor.middleware.ts). */
type CommandHandler = Middleware<SlackCommandMiddlewareArgs, ActorContext>;

/** Declares a slash command's listener. */
export function onCommand(command: string, handler: (deps: SlackDeps) => CommandHandler): FeatureListener {
  return { kind: 'command', id: command, register: (app, deps) => app.command(command, handler(deps)) };
}

/** Declares a block action's listener (button, menu) by action_id. */
export function onAction<A extends SlackAction>(
  actionId: string,
  handler: (deps: SlackDeps) => Middleware<SlackActionMiddlewareArgs<A>, ActorContext>,
): FeatureListener {
  return {
    kind: 'action',
    id: actionId,
    register: (app, deps) => app.action<A, ActorContext>(actionId, handler(deps)),
  };
}

/**
 * Declares a modal submission's listener by callback_id. Each submission takes effect once
 * (src/slack/once-per-submission.ts): the listener acknowledges after its effect. Only a form
 * whose submission changes nothing (e.g. reads a pasted text into a preview) says
 * `changesNothing`, and is answered again when sent again.
 */
export function onView<V extends SlackViewAction>(
  callbackId: string,
  handler: (deps: SlackDeps) => Middleware<SlackViewMiddlewareArgs<V>, ActorContext>,
  options: { changesNothing?: true } = {},
): FeatureListener {
  return {
    kind: 'view',
    id: callbackId,
    register: (app, deps) =>
      app.view<V, ActorContext>(
        callbackId,
        options.changesNothing ? handler(deps) : oncePerSubmission(deps, handler(deps)),
      ),
  };
}

/** Declares a message shortcut's listener by callback_id. */
export function onMessageShortcut<S extends SlackShortcut>(
  callbackId: string,
  handler: (deps: SlackDeps) => Middleware<SlackShortcutMiddlewareArgs<S>, ActorContext>,
): FeatureListener {
  return {
    kind: 'shortcut',
    id: callbackId,
    register: (app, deps) => app.shortcut<S, ActorContext>(callbackId, handler(deps)),
  };
}

/** Declares an Events API listener by event type. */
/**
 * `message.im` (the manifest's name): Bolt delivers it as its `message` event; the handler
 * gets every DM message to the app and keeps what it reads.
 */
export function onDirectMessage(
  handler: (deps: SlackDeps) => Middleware<SlackEventMiddlewareArgs<'message'>, ActorContext>,
): FeatureListener {
  return {
    kind: 'event',
    id: 'message.im',
    register: (app, deps) => app.event<'message', ActorContext>('message', handler(deps)),
  };
}

export function onEvent<E extends string>(
  event: E,
  handler: (deps: SlackDeps) => Middleware<SlackEventMiddlewareArgs<E>, ActorContext>,
): FeatureListener {
  return {
    kind: 'event',
    id: event,
    register: (app, deps) => app.event<E, ActorContext>(event, handler(deps)),
  };
}
