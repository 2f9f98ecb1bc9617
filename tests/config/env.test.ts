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
});
