import { hkdfSync } from 'node:crypto';
import { z } from 'zod';
import { SUPPORTED_LOCALES, type SupportedLocale } from '../i18n/locales.js';

/**
 * The only reader of process.env. One schema, parsed once in main.ts; everything else
 * receives the resulting `Config`. Errors name the variable and never echo its value, so a
 * mistyped token does not end up in a terminal scrollback or a CI log.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * 32 random bytes, as 64 hex characters or base64 (`openssl rand -base64 32`). Returns
 * undefined for anything else; the message never repeats what was given.
 */
export function parseEncryptionKey(value: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(value)) return undefined;
  const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === 32 ? bytes : undefined;
}

const ENCRYPTION_KEY_MESSAGE =
  'must be 32 random bytes as base64 or 64 hex characters (generate one with: openssl rand -base64 32)';

const encryptionKey = optionalString.refine((v) => v === undefined || parseEncryptionKey(v) !== undefined, {
  message: ENCRYPTION_KEY_MESSAGE,
});

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'must be a bot token starting with xoxb-',
  }),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'must be an app-level token starting with xapp-',
  }),
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: optionalString.refine((v) => v === undefined || v.length >= 16, {
    message: 'must be at least 16 characters (or leave it unset to derive one from LIAISON_ENCRYPTION_KEY)',
  }),
  SLACK_INSTALL_REDIRECT_URL: optionalString.pipe(
    z
      .url({ message: 'must be the public URL of /slack/oauth_redirect' })
      .refine((url) => new URL(url).pathname === '/slack/oauth_redirect', {
        message: 'must end in /slack/oauth_redirect (the path Liaison serves)',
      })
      .optional(),
  ),
  LIAISON_ENCRYPTION_KEY: encryptionKey,
  LIAISON_ENCRYPTION_KEY_PREVIOUS: encryptionKey,
  SLACK_API_URL: z
    .url({ message: 'must be a URL such as https://slack.com/api/' })
    .default('https://slack.com/api/')
    .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int({ message: 'must be a whole number' })
    .min(0, { message: 'must be between 0 and 65535' })
    .max(65535, { message: 'must be between 0 and 65535' })
    .default(3000),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)',
  }),
  LIAISON_DATA_DIR: z.string().trim().min(1).default('./data'),
  LIAISON_DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  LIAISON_DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url({ message: 'must be a URL' }).optional()),
  LIAISON_LLM_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  LIAISON_LLM_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(20_000),
  LIAISON_LLM_DAILY_TOKENS: z.coerce
    .number({ message: 'must be a number of tokens' })
    .int({ message: 'must be a whole number' })
    .min(0, { message: 'must be 0 (no model calls) or more' })
    .default(200_000),
  LIAISON_DEFAULT_LOCALE: z
    .enum(SUPPORTED_LOCALES, { message: `must be one of ${SUPPORTED_LOCALES.join(', ')}` })
    .default('en'),
  LIAISON_DEFAULT_TZ: z
    .string()
    .trim()
    .default('UTC')
    .refine(isValidTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai' }),
  LIAISON_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LIAISON_CONSOLE_USER: optionalString,
});

/** AES-256-GCM keys for installation tokens at rest: the current one, and one still readable. */
export interface EncryptionKeys {
  key: Buffer;
  /** Decrypt-only: rows written before a key rotation; rewritten with `key` when next stored. */
  previousKey?: Buffer;
}

/** OAuth distribution: many workspaces install Liaison through /slack/install. */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  signingSecret: string;
  /** Signs the OAuth `state`; SLACK_STATE_SECRET or derived from the encryption key. */
  stateSecret: string;
  encryption: EncryptionKeys;
  /** Public URL of /slack/oauth_redirect when Slack must be told it (several redirect URLs). */
  redirectUri?: string;
}

/** How Liaison talks to Slack, decided by which credentials are present. */
export type SlackMode =
  | { kind: 'http'; botToken: string; signingSecret: string }
  | { kind: 'socket'; botToken: string; appToken: string; signingSecret?: string }
  | ({ kind: 'oauth' } & OAuthSettings)
  | { kind: 'console' };

export interface Config {
  slack: SlackMode & { apiUrl: string };
  port: number;
  database: { url?: string; embeddedDataDir: string; poolMax: number; acquireTimeoutMs: number };
  llm: { apiKey?: string; baseUrl?: string; model: string; timeoutMs: number; dailyTokenBudget: number };
  defaults: { locale: SupportedLocale; timeZone: string };
  logLevel: string;
  console: { actAs?: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A state secret of its own for the OAuth flow, so the encryption key is used for one thing only. */
function deriveStateSecret(key: Buffer): string {
  return Buffer.from(hkdfSync('sha256', key, 'liaison', 'slack-oauth-state', 32)).toString('hex');
}

function decideOAuthMode(env: z.infer<typeof envSchema>, problems: string[]): SlackMode {
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret } = env;
  const signingSecret = env.SLACK_SIGNING_SECRET;
  if (env.SLACK_APP_TOKEN) {
    problems.push(
      'SLACK_APP_TOKEN is set with SLACK_CLIENT_ID: installing in many workspaces (OAuth) needs HTTP mode; unset SLACK_APP_TOKEN.',
    );
  }
  if (env.SLACK_BOT_TOKEN) {
    problems.push(
      'SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: use a bot token for one workspace, or client id and secret for OAuth installs, not both.',
    );
  }
  if (!clientId || !clientSecret) {
    problems.push(
      `${clientId ? 'SLACK_CLIENT_SECRET' : 'SLACK_CLIENT_ID'} is not set: OAuth installs need both SLACK_CLIENT_ID and SLACK_CLIENT_SECRET.`,
    );
  }
  if (!signingSecret)
    problems.push('SLACK_SIGNING_SECRET is not set: OAuth installs need it to verify requests.');
  const key = env.LIAISON_ENCRYPTION_KEY ? parseEncryptionKey(env.LIAISON_ENCRYPTION_KEY) : undefined;
  if (!key) {
    problems.push(
      "LIAISON_ENCRYPTION_KEY is not set: OAuth mode stores every workspace's tokens encrypted with it (generate one with: openssl rand -base64 32).",
    );
  }
  if (!clientId || !clientSecret || !signingSecret || !key) return { kind: 'console' };
  const previousKey = env.LIAISON_ENCRYPTION_KEY_PREVIOUS
    ? parseEncryptionKey(env.LIAISON_ENCRYPTION_KEY_PREVIOUS)
    : undefined;
  return {
    kind: 'oauth',
    clientId,
    clientSecret,
    signingSecret,
    stateSecret: env.SLACK_STATE_SECRET ?? deriveStateSecret(key),
    encryption: previousKey ? { key, previousKey } : { key },
    ...(env.SLACK_INSTALL_REDIRECT_URL ? { redirectUri: env.SLACK_INSTALL_REDIRECT_URL } : {}),
  };
}

function decideSlackMode(env: z.infer<typeof envSchema>, problems: string[]): SlackMode {
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = env;
  if (env.SLACK_CLIENT_ID || env.SLACK_CLIENT_SECRET) return decideOAuthMode(env, problems);
  if (appToken) {
    if (!botToken)
      problems.push('SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: Socket Mode needs both.');
    return botToken ? { kind: 'socket', botToken, appToken, signingSecret } : { kind: 'console' };
  }
  if (botToken && !signingSecret) {
    problems.push('SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is not: HTTP mode needs both.');
  }
  if (signingSecret && !botToken) {
    problems.push(
      'SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not: HTTP mode needs both (or set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to install in many workspaces).',
    );
  }
  if (botToken && signingSecret) return { kind: 'http', botToken, signingSecret };
  return { kind: 'console' };
}

/** Parses the environment into a Config, or throws ConfigError with one line per problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  const slack = decideSlackMode(e, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    slack: { ...slack, apiUrl: e.SLACK_API_URL },
    port: e.PORT,
    database: {
      url: e.DATABASE_URL,
      embeddedDataDir: `${e.LIAISON_DATA_DIR.replace(/\/$/, '')}/pglite`,
      poolMax: e.LIAISON_DB_POOL_MAX,
      acquireTimeoutMs: e.LIAISON_DB_ACQUIRE_TIMEOUT_MS,
    },
    llm: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.LIAISON_LLM_MODEL,
      timeoutMs: e.LIAISON_LLM_TIMEOUT_MS,
      dailyTokenBudget: e.LIAISON_LLM_DAILY_TOKENS,
    },
    defaults: { locale: e.LIAISON_DEFAULT_LOCALE, timeZone: e.LIAISON_DEFAULT_TZ },
    logLevel: e.LIAISON_LOG_LEVEL,
    console: { actAs: e.LIAISON_CONSOLE_USER },
  };
}
