import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs the local console on the embedded database with no variables at all', () => {
    const config = loadConfig({});
    expect(config.slack.kind).toBe('console');
    expect(config.database.url).toBeUndefined();
    expect(config.database.embeddedDataDir).toBe('./data/pglite');
    expect(config.port).toBe(3000);
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.defaults).toEqual({ locale: 'en', timeZone: 'UTC' });
    expect(config.llm.apiKey).toBeUndefined();
  });

  it('chooses HTTP mode with a bot token and signing secret, Socket Mode with an app token', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack.kind).toBe('http');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack.kind).toBe('socket');
  });

  it('reports one readable line per problem, naming the variable', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db',
      LIAISON_DEFAULT_TZ: 'Mars/Olympus',
      LIAISON_DEFAULT_LOCALE: 'fr',
    });
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith('PORT:'))).toContain('port number');
    expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toContain('postgres://');
    expect(problems.find((p) => p.startsWith('LIAISON_DEFAULT_TZ:'))).toContain('IANA');
    expect(problems.find((p) => p.startsWith('LIAISON_DEFAULT_LOCALE:'))).toContain('en, zh-CN');
  });

  it('never echoes a secret in its messages', () => {
    const secret = 'xoxp-very-secret-user-token-1234';
    const problems = problemsOf({ SLACK_BOT_TOKEN: secret, SLACK_APP_TOKEN: 'not-an-app-token-5678' });
    const text = problems.join('\n');
    expect(text).toContain('SLACK_BOT_TOKEN');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('5678');
  });

  it('refuses half a Slack configuration instead of silently starting the console', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })[0]).toContain('SLACK_SIGNING_SECRET');
    expect(problemsOf({ SLACK_APP_TOKEN: 'xapp-1' })[0]).toContain('SLACK_BOT_TOKEN');
  });

  it('accepts PostgreSQL URLs and normalises the Slack API URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h/db', SLACK_API_URL: 'http://127.0.0.1:9/api' });
    expect(config.database.url).toBe('postgres://u@h/db');
    expect(config.slack.apiUrl).toBe('http://127.0.0.1:9/api/');
  });

  describe('OAuth installs in many workspaces', () => {
    const key = Buffer.alloc(32, 7);
    const oauthEnv = {
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret-value-1234',
      SLACK_SIGNING_SECRET: 'signing-secret',
      LIAISON_ENCRYPTION_KEY: key.toString('base64'),
    };

    it('chooses OAuth mode with client id, secret and signing secret and no bot token', () => {
      const config = loadConfig(oauthEnv);
      if (config.slack.kind !== 'oauth') throw new Error(`expected oauth, got ${config.slack.kind}`);
      expect(config.slack.clientId).toBe('123.456');
      expect(config.slack.signingSecret).toBe('signing-secret');
      expect(config.slack.encryption.key.equals(key)).toBe(true);
      expect(config.slack.encryption.previousKey).toBeUndefined();
      expect(config.slack.redirectUri).toBeUndefined();
      // Derived from the key when SLACK_STATE_SECRET is unset: stable, and not the key itself.
      expect(config.slack.stateSecret).toMatch(/^[0-9a-f]{64}$/);
      expect(config.slack.stateSecret).toBe(
        (loadConfig(oauthEnv).slack as { stateSecret: string }).stateSecret,
      );
      expect(config.slack.stateSecret).not.toBe(key.toString('hex'));
    });

    it('accepts the key as 64 hex characters, a previous key, a state secret and the redirect URL', () => {
      const previous = Buffer.alloc(32, 9);
      const config = loadConfig({
        ...oauthEnv,
        LIAISON_ENCRYPTION_KEY: key.toString('hex'),
        LIAISON_ENCRYPTION_KEY_PREVIOUS: previous.toString('base64'),
        SLACK_STATE_SECRET: 'a-state-secret-of-enough-length',
        SLACK_INSTALL_REDIRECT_URL: 'https://liaison.example.com/slack/oauth_redirect',
      });
      if (config.slack.kind !== 'oauth') throw new Error('expected oauth');
      expect(config.slack.encryption.key.equals(key)).toBe(true);
      expect(config.slack.encryption.previousKey?.equals(previous)).toBe(true);
      expect(config.slack.stateSecret).toBe('a-state-secret-of-enough-length');
      expect(config.slack.redirectUri).toBe('https://liaison.example.com/slack/oauth_redirect');
    });

    it('refuses to start OAuth mode without LIAISON_ENCRYPTION_KEY, in one clear line', () => {
      const { LIAISON_ENCRYPTION_KEY: _key, ...withoutKey } = oauthEnv;
      const problems = problemsOf(withoutKey);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^LIAISON_ENCRYPTION_KEY is not set: OAuth mode stores/);
      expect(problems[0]).toContain('openssl rand -base64 32');
    });

    it('refuses a key of the wrong size without echoing it', () => {
      const short = Buffer.alloc(16, 3).toString('base64');
      const problems = problemsOf({ ...oauthEnv, LIAISON_ENCRYPTION_KEY: short });
      expect(problems).toEqual([expect.stringMatching(/^LIAISON_ENCRYPTION_KEY: must be 32 random bytes/)]);
      expect(problems.join('\n')).not.toContain(short);
      expect(problemsOf({ ...oauthEnv, LIAISON_ENCRYPTION_KEY_PREVIOUS: 'nope' })[0]).toMatch(
        /^LIAISON_ENCRYPTION_KEY_PREVIOUS: must be 32 random bytes/,
      );
    });

    it('refuses half an OAuth configuration, or one mixed with single-workspace tokens', () => {
      expect(problemsOf({ ...oauthEnv, SLACK_CLIENT_SECRET: '' })[0]).toContain(
        'SLACK_CLIENT_SECRET is not set',
      );
      expect(problemsOf({ ...oauthEnv, SLACK_SIGNING_SECRET: '' })[0]).toContain(
        'SLACK_SIGNING_SECRET is not set',
      );
      expect(problemsOf({ ...oauthEnv, SLACK_BOT_TOKEN: 'xoxb-1' })[0]).toContain('not both');
      expect(problemsOf({ ...oauthEnv, SLACK_APP_TOKEN: 'xapp-1' })[0]).toContain('needs HTTP mode');
      expect(
        problemsOf({ ...oauthEnv, SLACK_INSTALL_REDIRECT_URL: 'https://x.example.com/callback' })[0],
      ).toContain('/slack/oauth_redirect');
    });

    it('leaves single-workspace mode as it was', () => {
      expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack.kind).toBe('http');
      // The encryption key alone changes nothing.
      expect(
        loadConfig({
          SLACK_BOT_TOKEN: 'xoxb-1',
          SLACK_SIGNING_SECRET: 's',
          LIAISON_ENCRYPTION_KEY: key.toString('hex'),
        }).slack.kind,
      ).toBe('http');
    });
  });
});
