import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS, EVENTS, SHORTCUTS } from '../../src/slack/ids.js';
import { botScopesOf, manifestBotScopes } from '../../src/slack/oauth/bot-scopes.js';

interface Manifest {
  features: {
    slash_commands?: { command: string }[];
    shortcuts?: { name: string; type: string; callback_id: string; description: string }[];
    app_home?: { home_tab_enabled?: boolean };
  };
  oauth_config: { scopes: { bot: string[]; bot_optional?: string[] }; redirect_urls?: string[] };
  settings: {
    event_subscriptions?: { bot_events?: string[] };
    interactivity?: { is_enabled?: boolean };
    org_deploy_enabled?: boolean;
  };
}

const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as Manifest;

/** The least scopes each event and command needs (Slack's reference pages). */
const SCOPES_NEEDED = {
  commands: ['commands'],
  events: {
    app_home_opened: [],
    user_change: ['users:read'],
    team_join: ['users:read'],
    app_uninstalled: [],
    tokens_revoked: [],
  } as Record<string, string[]>,
  apiCalls: [
    'users:read' /* users.info, users.list (directory sync) */,
    'users:read.email' /* emails in users.list, users.lookupByEmail: match people by email (CSV import) */,
    'chat:write' /* chat.postEphemeral, chat.postMessage */,
    'chat:write.public' /* escalation cards in public department channels Liaison was not invited to */,
    'im:write' /* conversations.open for DMs */,
    'files:write' /* files.uploadV2: /liaison export */,
  ],
};

describe('manifest.yml', () => {
  it('declares exactly the slash commands the code listens to', () => {
    const declared = (manifest.features.slash_commands ?? []).map((c) => c.command).sort();
    expect(declared).toEqual(Object.values(COMMANDS).sort());
  });

  it('declares exactly the message shortcuts the code listens to, each named and described', () => {
    const declared = manifest.features.shortcuts ?? [];
    expect(declared.map((s) => s.callback_id).sort()).toEqual(Object.values(SHORTCUTS).sort());
    for (const shortcut of declared) {
      expect(shortcut.type).toBe('message');
      expect(shortcut.name).not.toBe('');
      expect(shortcut.description).not.toBe('');
    }
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

  it('has Slack escape mentions in /liaison text, so `admins add @person` carries the user id', () => {
    const liaison = (manifest.features.slash_commands ?? []) as {
      command: string;
      should_escape?: boolean;
    }[];
    expect(liaison.find((c) => c.command === COMMANDS.liaison)?.should_escape).toBe(true);
  });

  it('enables interactivity and the Home tab the listeners use', () => {
    expect(manifest.settings.interactivity?.is_enabled).toBe(true);
    expect(manifest.features.app_home?.home_tab_enabled).toBe(true);
  });
});

describe('manifest.yml for OAuth installs', () => {
  it('is what /slack/install asks for: the same bot scopes as a full YAML parse', () => {
    expect(manifestBotScopes()).toEqual(manifest.oauth_config.scopes.bot);
    expect(
      botScopesOf(
        'oauth_config:\n  scopes:\n    user:\n      - x\n    bot:\n    - a # why\n    - "b"\nsettings:\n  y: 1\n',
      ),
    ).toEqual(['a', 'b']);
  });

  it('names the redirect Liaison serves and lets an Enterprise org install once for all its teams', () => {
    expect(manifest.oauth_config.redirect_urls?.map((url) => new URL(url).pathname)).toEqual([
      '/slack/oauth_redirect',
    ]);
    expect(manifest.settings.org_deploy_enabled).toBe(true);
  });
});

describe("the README's manifest table", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('What the manifest asks for, and why');
  const table = readme.slice(start, readme.indexOf('\n## ', start));
  /** Each row's first cell: "command `/liaison`", "bot scope `commands`", "event `team_join`"… */
  const items = [...table.matchAll(/^\| ([^|]+?) \|/gm)].map((match) => match[1] ?? '');
  const named = (what: string) =>
    items
      .filter((item) => item.startsWith(`${what} \``))
      .map((item) => item.slice(what.length + 2, -1))
      .sort();

  it('lists exactly the commands, shortcuts, bot scopes and events of manifest.yml', () => {
    expect(start).toBeGreaterThan(0);
    expect(named('command')).toEqual((manifest.features.slash_commands ?? []).map((c) => c.command).sort());
    expect(named('message shortcut')).toEqual((manifest.features.shortcuts ?? []).map((s) => s.name).sort());
    expect(named('bot scope')).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(named('optional bot scope')).toEqual(
      [...(manifest.oauth_config.scopes.bot_optional ?? [])].sort(),
    );
    expect(named('event')).toEqual([...(manifest.settings.event_subscriptions?.bot_events ?? [])].sort());
    const known = ['command', 'message shortcut', 'bot scope', 'optional bot scope', 'event'];
    const other = items.filter((item) => !known.some((what) => item.startsWith(`${what} \``)));
    expect(other).toEqual(['Item', 'interactivity', 'Home tab']);
  });
});

describe('/liaison in manifest.yml', () => {
  it('hints only at subcommands that exist', async () => {
    const { FEATURES } = await import('../../src/features/features.js');
    const names = new Set(FEATURES.flatMap((feature) => (feature.subcommands ?? []).flatMap((s) => s.names)));
    const liaison = (manifest.features.slash_commands ?? []) as { command: string; usage_hint?: string }[];
    const hint = liaison.find((c) => c.command === COMMANDS.liaison)?.usage_hint ?? '';
    const words = hint.split('|').map((word) => word.trim());
    expect(words.length).toBeGreaterThan(3);
    for (const word of words) expect(names).toContain(word);
  });
});
