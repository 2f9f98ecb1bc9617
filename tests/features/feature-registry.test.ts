import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defineFeature, type Feature, onAction, onCommand } from '../../src/features/feature.types.js';
import { createFeatureRegistry } from '../../src/features/feature-registry.js';
import { FEATURES } from '../../src/features/features.js';
import { translator } from '../../src/i18n/catalog.js';
import * as IDS from '../../src/slack/ids.js';

const root = new URL('../..', import.meta.url).pathname;

interface Manifest {
  features: { slash_commands?: { command: string }[]; shortcuts?: { callback_id: string }[] };
  settings: { event_subscriptions?: { bot_events?: string[] } };
}
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as Manifest;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const registry = createFeatureRegistry(FEATURES, { db: undefined as never });
const listenersOf = (kind: string) => registry.listeners.filter((listener) => listener.kind === kind);
const en = translator('en');

/** What a feature must have declared outside its code, as a list of problems. */
function undeclared(features: readonly Feature[]): string[] {
  const composed = createFeatureRegistry(features, { db: undefined as never });
  const problems: string[] = [];
  const manifestCommands = (manifest.features.slash_commands ?? []).map((c) => c.command);
  const manifestShortcuts = (manifest.features.shortcuts ?? []).map((s) => s.callback_id);
  const manifestEvents = manifest.settings.event_subscriptions?.bot_events ?? [];
  for (const feature of features) {
    const help = (feature.help ?? []).map((entry) => en(entry.key));
    for (const listener of feature.listeners ?? []) {
      const where = `${feature.name}: ${listener.kind} ${listener.id}`;
      if (listener.kind === 'command') {
        if (!manifestCommands.includes(listener.id)) problems.push(`${where} is not in manifest.yml`);
        if (!help.some((line) => line.includes(`\`${listener.id}`)))
          problems.push(`${where} is in none of the feature's help lines`);
      }
      if (listener.kind === 'shortcut' && !manifestShortcuts.includes(listener.id))
        problems.push(`${where} is not in manifest.yml`);
      if (listener.kind === 'event' && !manifestEvents.includes(listener.id))
        problems.push(`${where} is not in manifest.yml`);
      if (
        (listener.kind === 'action' || listener.kind === 'view') &&
        !/^[a-z_]+(\.[a-z_]+)+$/.test(listener.id)
      )
        problems.push(`${where} is not named <domain>.<verb>`);
    }
    for (const subcommand of feature.subcommands ?? []) {
      const name = subcommand.names[0] ?? '';
      if (!help.some((line) => line.includes(`/liaison ${name}`)))
        problems.push(`${feature.name}: /liaison ${name} is in none of the feature's help lines`);
    }
  }
  for (const command of manifestCommands)
    if (!composed.listeners.some((l) => l.kind === 'command' && l.id === command))
      problems.push(`manifest.yml declares ${command}, which no feature listens to`);
  for (const event of manifestEvents)
    if (!composed.listeners.some((l) => l.kind === 'event' && l.id === event))
      problems.push(`manifest.yml subscribes to ${event}, which no feature listens to`);
  return problems;
}

describe('the feature list', () => {
  it("declares every feature's commands, shortcuts and events in manifest.yml, and each command in help", () => {
    expect(undeclared(FEATURES)).toEqual([]);
  });

  it('catches a feature whose command is missing from the manifest or whose subcommand has no help line', () => {
    const rogue = defineFeature({
      name: 'rogue',
      listeners: [onCommand('/rogue', () => async () => {}), onAction('RoguePress', () => async () => {})],
      subcommands: [{ names: ['frobnicate'], run: async () => {} }],
    });
    expect(undeclared([...FEATURES, rogue])).toEqual([
      'rogue: command /rogue is not in manifest.yml',
      "rogue: command /rogue is in none of the feature's help lines",
      'rogue: action RoguePress is not named <domain>.<verb>',
      "rogue: /liaison frobnicate is in none of the feature's help lines",
    ]);
  });

  it('refuses two features claiming one action id, job kind or subcommand', () => {
    const twin = defineFeature({
      name: 'twin',
      listeners: [onAction(IDS.ACTION_ITEM_ACTIONS.done, () => async () => {})],
    });
    expect(() => createFeatureRegistry([...FEATURES, twin], { db: undefined as never })).toThrow(
      /same listener: action action_items\.done/,
    );
  });

  it('lists every /liaison subcommand, help line and job of today in one registry', () => {
    expect(registry.findSubcommand('whoami')).toBeDefined();
    expect(registry.findSubcommand('frobnicate')).toBeUndefined();
    expect(registry.jobs.map((job) => job.kind).sort()).toEqual([
      'action-items.reminders',
      'calendar.coverage',
      'digest.send',
      'directory.sync',
      'escalations.assessment',
      'escalations.sla',
      'form-submissions.purge',
      'kpis.breaches.sweep',
      'kpis.digest.send',
      'meetings.cycle',
      'okrs.check-ins',
      'system.heartbeat',
    ]);
    expect(
      listenersOf('command')
        .map((l) => l.id)
        .sort(),
    ).toEqual(['/escalate', '/kpi', '/liaison', '/meeting', '/okr']);
  });
});

describe('one registry for jobs and listeners', () => {
  const sources = filesUnder(join(root, 'src'))
    .filter((path) => !path.includes('/generated/'))
    .map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

  it('registers Bolt listeners only through feature declarations', () => {
    const registering = sources
      .filter(({ text }) => /\bapp\.(command|action|view|shortcut|event|message|options)\s*[<(]/.test(text))
      .map(({ path }) => path);
    // feature.types.ts declares them; listener-routes.ts makes the global middleware that runs
    // the declared commands, actions, views and shortcuts, dispatching by id (events stay
    // Bolt's), and app.ts puts it last in the app's one composed middleware.
    expect(registering).toEqual(['src/features/feature.types.ts']);
    const middleware = sources.filter(({ text }) => /\bapp\.use\s*\(/.test(text)).map(({ path }) => path);
    expect(middleware).toEqual(['src/slack/app.ts']);
  });

  it('keeps every job in a feature folder, each of its kinds in the job registry', () => {
    const jobFiles = sources.filter(({ path }) => path.endsWith('.job.ts')).map(({ path }) => path);
    expect(jobFiles.filter((path) => !/^src\/features\/[^/]+\/[^/]+\.job\.ts$/.test(path))).toEqual([]);
    const declaredKinds = sources
      .filter(({ path }) => path.endsWith('.job.ts'))
      .flatMap(({ text }) => [...text.matchAll(/export const \w+_KIND = '([^']+)'/g)].map((m) => m[1]));
    const registered = registry.jobs.map((job) => job.kind);
    expect(declaredKinds.filter((kind) => !registered.includes(kind as string))).toEqual([]);
  });

  it('starts the scheduler in one place, with the registry', () => {
    const starters = sources
      .filter(({ text }) => /\bstartScheduling\(|\bcreateScheduler\(/.test(text))
      .map(({ path }) => path)
      .filter((path) => !path.endsWith('start-scheduling.ts') && !path.endsWith('scheduler.service.ts'));
    expect(starters).toEqual(['src/jobs/start-background-work.ts']);
  });
});
