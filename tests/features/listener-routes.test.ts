import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { onAction, onCommand } from '../../src/features/feature.types.js';
import { createFeatureRegistry } from '../../src/features/feature-registry.js';
import { FEATURES } from '../../src/features/features.js';
import { registerFeatureListeners } from '../../src/features/listener-routes.js';
import type { SlackDeps } from '../../src/slack/deps.js';

/** A Bolt app that only counts what is registered on it, by method. */
function countingApp() {
  const registered: string[] = [];
  const record =
    (method: string) =>
    (..._args: unknown[]) => {
      registered.push(method);
    };
  const app = {
    command: record('command'),
    action: record('action'),
    view: record('view'),
    shortcut: record('shortcut'),
    event: record('event'),
    use: record('use'),
  } as unknown as App;
  return { app, registered };
}

describe('feature listeners handed to Bolt', () => {
  it('gives Bolt the events as declared, and returns one middleware routing commands, actions, views and shortcuts', () => {
    const registry = createFeatureRegistry(FEATURES, { db: undefined as never });
    const { app, registered } = countingApp();
    const router = registerFeatureListeners(app, {} as SlackDeps, registry.listeners);
    const events = registry.listeners.filter((listener) => listener.kind === 'event').length;
    expect(registry.listeners.length).toBeGreaterThan(40);
    expect(registered).toEqual(Array.from({ length: events }, () => 'event'));
    expect(typeof router).toBe('function');
  });

  it('refuses an id declared twice', () => {
    const handler = () => async () => {};
    const { app } = countingApp();
    expect(() =>
      registerFeatureListeners(app, {} as SlackDeps, [
        onCommand('/same', handler),
        onCommand('/same', handler),
      ]),
    ).toThrow('command "/same" has two listeners');
    expect(() =>
      registerFeatureListeners(app, {} as SlackDeps, [onAction('x.go', handler), onAction('y.go', handler)]),
    ).not.toThrow();
  });
});
