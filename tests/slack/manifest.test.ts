import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS, EVENTS } from '../../src/slack/ids.js';

interface Manifest {
  features: { slash_commands?: { command: string }[]; app_home?: { home_tab_enabled?: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions?: { bot_events?: string[] }; interactivity?: { is_enabled?: boolean } };
}

const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as Manifest;

/** The least scopes each event and command needs (Slack's reference pages). */
const SCOPES_NEEDED = {
  commands: ['commands'],
  events: { app_home_opened: [], user_change: ['users:read'] } as Record<string, string[]>,
  apiCalls: [
    'users:read' /* users.info */,
    'chat:write' /* chat.postEphemeral, chat.postMessage */,
    'im:write' /* conversations.open for DMs */,
  ],
};

describe('manifest.yml', () => {
  it('declares exactly the slash commands the code listens to', () => {
    const declared = (manifest.features.slash_commands ?? []).map((c) => c.command).sort();
    expect(declared).toEqual(Object.values(COMMANDS).sort());
  });

  it('subscribes to exactly the events the code listens to', () => {
    const declared = [...(manifest.settings.event_subscriptions?.bot_events ?? [])].sort();
    expect(declared).toEqual(Object.values(EVENTS).sort());
  });

  it('asks for the scopes those need and no others', () => {
    const needed = new Set([
      ...SCOPES_NEEDED.commands,
      ...Object.values(EVENTS).flatMap((event) => SCOPES_NEEDED.events[event] ?? ['unknown-event']),
      ...SCOPES_NEEDED.apiCalls,
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('enables interactivity and the Home tab the listeners use', () => {
    expect(manifest.settings.interactivity?.is_enabled).toBe(true);
    expect(manifest.features.app_home?.home_tab_enabled).toBe(true);
  });
});
