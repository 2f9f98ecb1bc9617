import type { MessageKey } from '../i18n/catalog.js';
import type { WorkspaceDto } from '../modules/workspaces/workspace.types.js';
import type { SlackDeps } from '../slack/deps.js';
import type { Subcommand } from '../slack/listeners/commands/liaison/subcommand.types.js';
import type { HttpRoute } from '../slack/receivers/http-receiver.js';
import type { Feature, FeatureInfra, FeatureJob, FeatureListener, HelpEntry } from './feature.types.js';

/**
 * The features of one running Liaison, composed: what the Bolt app registers, what the
 * scheduler runs, what help lists. Built once from the feature list (src/features/features.ts).
 */
export interface FeatureRegistry {
  readonly features: readonly Feature[];
  readonly listeners: readonly FeatureListener[];
  readonly subcommands: readonly Subcommand[];
  readonly help: readonly HelpEntry[];
  /** The features' one-line summaries, in feature order, for the intro of help. */
  readonly summaries: readonly MessageKey[];
  readonly notificationKinds: readonly string[];
  readonly jobs: readonly FeatureJob[];
  findSubcommand(name: string): Subcommand | undefined;
  /** The features' own HTTP endpoints (HTTP mode), built from the process's deps. */
  httpRoutes(deps: SlackDeps): HttpRoute[];
  /** A feature's own services, built on first use from the process's deps. */
  servicesOf<S>(feature: Feature<S>, deps: SlackDeps): S;
}

function unique<T>(items: readonly T[], keyOf: (item: T) => string, what: string): readonly T[] {
  const seen = new Set<string>();
  for (const item of items) {
    const key = keyOf(item);
    if (seen.has(key)) throw new Error(`two features declare the same ${what}: ${key}`);
    seen.add(key);
  }
  return items;
}

/** Composes the feature list; two features claiming one id is a programming error, caught at start. */
export function createFeatureRegistry(features: readonly Feature[], infra: FeatureInfra): FeatureRegistry {
  unique(features, (feature) => feature.name, 'name');
  const listeners = unique(
    features.flatMap((feature) => feature.listeners ?? []),
    (listener) => `${listener.kind} ${listener.id}`,
    'listener',
  );
  const subcommands = features.flatMap((feature) => feature.subcommands ?? []);
  unique(
    subcommands.flatMap((subcommand) => subcommand.names),
    (name) => name,
    '/liaison subcommand',
  );
  const jobs = unique(
    features.flatMap((feature) => feature.jobs ?? []),
    (job) => job.kind,
    'job kind',
  );
  const notificationKinds = unique(notificationKindsOf(features), (kind) => kind, 'notification kind');
  const services = new WeakMap<Feature, unknown>();
  return {
    features,
    listeners,
    subcommands,
    help: features.flatMap((feature) => feature.help ?? []),
    summaries: features.flatMap((feature) => (feature.summary ? [feature.summary] : [])),
    notificationKinds,
    jobs,
    findSubcommand: (name) => subcommands.find((subcommand) => subcommand.names.includes(name)),
    httpRoutes: (deps) => [
      ...unique(
        features.flatMap((feature) => feature.httpRoutes?.(deps) ?? []),
        (route) => `${route.method} ${route.path}`,
        'HTTP route',
      ),
    ],
    servicesOf<S>(feature: Feature<S>, deps: SlackDeps): S {
      if (!features.includes(feature as Feature))
        throw new Error(`feature ${feature.name} is not in this Liaison's feature list`);
      if (!services.has(feature)) {
        if (!feature.services) throw new Error(`feature ${feature.name} declares no services`);
        services.set(feature, feature.services(deps, infra));
      }
      return services.get(feature) as S;
    },
  };
}

/** The kinds of notification the features send (a person may mute each). */
export function notificationKindsOf(features: readonly Feature[]): readonly string[] {
  return features.flatMap((feature) => feature.notificationKinds ?? []);
}

/** A feature's services, for its own listeners and jobs. */
export function servicesOf<S>(deps: SlackDeps, feature: Feature<S>): S {
  return deps.features.servicesOf(feature, deps);
}

/**
 * Each feature's standing schedules for a workspace. Idempotent: main.ts calls it for the
 * environment's workspace at every start, the install hook for each OAuth install.
 */
export async function ensureStandingSchedules(deps: SlackDeps, workspace: WorkspaceDto): Promise<void> {
  for (const job of deps.features.jobs) await job.ensureSchedule?.(deps, workspace);
}

/** A workspace has just installed Liaison: its standing schedules, then each feature's install hook. */
export async function onWorkspaceInstalled(deps: SlackDeps, workspace: WorkspaceDto): Promise<void> {
  await ensureStandingSchedules(deps, workspace);
  for (const feature of deps.features.features) await feature.onInstalled?.(deps, workspace);
}

/** Adds each feature's Home sections (in feature order) and open-items sources. */
export function attachFeatureSurfaces(deps: SlackDeps): void {
  for (const feature of deps.features.features) {
    for (const section of feature.home ?? [])
      deps.homeTab.sections.register({ id: section.id, ...section.section, load: section.load(deps) });
    if (feature.openItems) deps.directory.openItems.register(feature.openItems(deps));
  }
}
