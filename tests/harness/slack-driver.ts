import { createHmac, randomBytes } from 'node:crypto';
import { STAND_IN_DEFAULTS } from '../../src/console/slack-stand-in/index.js';

/**
 * Drives a running Liaison HTTP endpoint the way Slack does: the same form-encoded
 * bodies, `payload=<json>` interactivity posts, Events API envelopes, retry headers and
 * v0 signatures. Tampering options exist for the negative cases Bolt must reject.
 */

export interface SignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

/** Slack's v0 signature: HMAC-SHA256 over `v0:{timestamp}:{raw body}`, hex, prefixed `v0=`. */
export function signSlackRequest(
  signingSecret: string,
  rawBody: string,
  timestampSec: number,
): SignatureHeaders {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestampSec) };
}

/** Ways to break a request on purpose. */
export interface Tamper {
  omitSignature?: boolean;
  omitTimestamp?: boolean;
  /** Sign with this secret instead of the right one. */
  signingSecret?: string;
  /** Change the body after it was signed. */
  mutateBody?: (rawBody: string) => string;
  /** Shift the signed timestamp: -400 is stale (> 5 min), +400 is in the future. */
  timestampOffsetSec?: number;
  /** Extra headers, e.g. to imitate a proxy. */
  headers?: Record<string, string>;
}

export interface DriverResponse {
  status: number;
  /** Raw response text (Bolt acks with an empty body or JSON). */
  body: string;
  /** The body parsed as JSON when it is JSON, else undefined. */
  json: unknown;
  headers: Record<string, string>;
  elapsedMs: number;
}

export interface SlackDriverOptions {
  /** Where Liaison listens, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** Bolt's HTTPReceiver default is `/slack/events` for commands, interactivity and events. */
  path?: string;
  signingSecret: string;
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
  botUserId?: string;
  /** Give Slack-issued response_urls that a stand-in will accept (see fake-slack's connectDriver). */
  responseUrlFactory?: (input: { channelId: string; userId: string; messageTs?: string }) => string;
  /** Give trigger_ids that the stand-in's views.open will accept. */
  triggerIdFactory?: (input: { userId: string }) => string;
  /** Seconds since epoch; tests with fake clocks pass theirs. */
  nowSec?: () => number;
  requestTimeoutMs?: number;
}

/** Accepts both typed objects (interfaces) and object literals with extra fields. */
type Loose<T> = T | (T & Record<string, unknown>);
/** Any view object (e.g. the stand-in's StoredView); the stand-in-only `errors` is stripped before sending. */
export type ViewLike = Loose<{ id: string; errors?: unknown }>;
/** Any message object (e.g. the stand-in's StoredMessage). */
export type MessageLike = Loose<{ ts: string }>;

interface Common {
  tamper?: Tamper;
}

export interface SlashCommandInput extends Common {
  command: string;
  text?: string;
  userId: string;
  userName?: string;
  channelId: string;
  channelName?: string;
  responseUrl?: string;
  triggerId?: string;
  enterpriseId?: string;
  /** The app is installed org-wide in `enterpriseId`'s org (Slack sends is_enterprise_install=true). */
  isEnterpriseInstall?: boolean;
}

export interface BlockActionElement {
  action_id: string;
  block_id: string;
  type?: string;
  value?: string;
  text?: { type: 'plain_text'; text: string; emoji?: boolean };
  selected_option?: { text: { type: 'plain_text'; text: string }; value: string };
  [key: string]: unknown;
}

export interface BlockActionsInput extends Common {
  userId: string;
  userName?: string;
  actions: BlockActionElement[];
  /** Message the button sat on (for message surfaces); its channel is `channelId`. */
  message?: MessageLike;
  channelId?: string;
  channelName?: string;
  isEphemeral?: boolean;
  /** The view the button sat on (for modals and App Home); no response_url then, as in Slack. */
  view?: ViewLike;
  stateValues?: Record<string, Record<string, unknown>>;
  responseUrl?: string;
  triggerId?: string;
}

export interface ViewSubmissionInput extends Common {
  userId: string;
  userName?: string;
  /** The view as the stand-in stored it (currentModal) or any ViewOutput-like object. */
  view: ViewLike;
  /** `state.values` as Slack fills it from the inputs: blockId → actionId → value object. */
  values?: Record<string, Record<string, unknown>>;
  responseUrls?: Array<{ block_id: string; action_id: string; channel_id: string; response_url: string }>;
  triggerId?: string;
}

export interface ViewClosedInput extends Common {
  userId: string;
  userName?: string;
  view: ViewLike;
  isCleared?: boolean;
}

export interface EventInput extends Common {
  /** The inner event (`{ type: 'app_mention', user, text, ts, channel, event_ts }`, …). */
  event: Loose<{ type: string }>;
  eventId?: string;
  eventTimeSec?: number;
  retryNum?: number;
  retryReason?: string;
  /** An event from a team of an Enterprise org; with isEnterpriseInstall, for an org-wide install. */
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}

export interface ShortcutInput extends Common {
  callbackId: string;
  userId: string;
  userName?: string;
  triggerId?: string;
}

/** A message shortcut on `message` (Slack's message_action): the message as Slack shows it. */
export interface MessageShortcutInput extends Common {
  callbackId: string;
  userId: string;
  userName?: string;
  /** The message the shortcut was used on; its channel is `channelId`. */
  message: MessageLike & { text?: string; user?: string };
  channelId: string;
  channelName?: string;
  responseUrl?: string;
  triggerId?: string;
}

export type WithIds<T> = T & { responseUrl?: string; triggerId?: string };

export interface SlackDriver {
  slashCommand(
    input: SlashCommandInput,
  ): Promise<DriverResponse & { responseUrl: string; triggerId: string }>;
  blockActions(
    input: BlockActionsInput,
  ): Promise<DriverResponse & { responseUrl?: string; triggerId: string }>;
  viewSubmission(input: ViewSubmissionInput): Promise<DriverResponse & { triggerId: string }>;
  viewClosed(input: ViewClosedInput): Promise<DriverResponse>;
  shortcut(input: ShortcutInput): Promise<DriverResponse & { triggerId: string }>;
  messageShortcut(
    input: MessageShortcutInput,
  ): Promise<DriverResponse & { responseUrl: string; triggerId: string }>;
  event(input: EventInput): Promise<DriverResponse & { eventId: string }>;
  urlVerification(input?: Common & { challenge?: string }): Promise<DriverResponse>;
  /** Post any raw body with Slack's signing (for shapes the helpers do not cover). */
  send(
    rawBody: string,
    contentType: string,
    options?: { tamper?: Tamper; headers?: Record<string, string> },
  ): Promise<DriverResponse>;
}

export function createSlackDriver(options: SlackDriverOptions): SlackDriver {
  const teamId = options.teamId ?? STAND_IN_DEFAULTS.teamId;
  const teamDomain = options.teamDomain ?? STAND_IN_DEFAULTS.teamDomain;
  const apiAppId = options.apiAppId ?? STAND_IN_DEFAULTS.appId;
  const botUserId = options.botUserId ?? STAND_IN_DEFAULTS.botUserId;
  const token = STAND_IN_DEFAULTS.verificationToken;
  const nowSec = options.nowSec ?? (() => Math.floor(Date.now() / 1000));
  const endpoint = new URL(options.path ?? '/slack/events', options.baseUrl).toString();
  const team = { id: teamId, domain: teamDomain };

  const responseUrlFor = (input: { channelId: string; userId: string; messageTs?: string }) =>
    options.responseUrlFactory?.(input) ??
    `https://hooks.slack.com/commands/${teamId}/${Date.now()}/${randomBytes(12).toString('hex')}`;
  const triggerIdFor = (userId: string) =>
    options.triggerIdFactory?.({ userId }) ??
    `${nowSec()}.${Date.now() % 1e10}.${randomBytes(10).toString('hex')}`;
  const user = (id: string, name?: string) => ({
    id,
    username: name ?? id.toLowerCase(),
    name: name ?? id.toLowerCase(),
    team_id: teamId,
  });

  async function send(
    rawBody: string,
    contentType: string,
    sendOptions: { tamper?: Tamper; headers?: Record<string, string> } = {},
  ): Promise<DriverResponse> {
    const tamper = sendOptions.tamper ?? {};
    const timestamp = nowSec() + (tamper.timestampOffsetSec ?? 0);
    const signature = signSlackRequest(tamper.signingSecret ?? options.signingSecret, rawBody, timestamp);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...(tamper.omitSignature ? {} : { 'x-slack-signature': signature['x-slack-signature'] }),
      ...(tamper.omitTimestamp
        ? {}
        : { 'x-slack-request-timestamp': signature['x-slack-request-timestamp'] }),
      ...sendOptions.headers,
      ...tamper.headers,
    };
    const body = tamper.mutateBody ? tamper.mutateBody(rawBody) : rawBody;
    const started = performance.now();
    const response = await fetch(endpoint, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(options.requestTimeoutMs ?? 10_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text,
      json: parseJson(text),
      headers: Object.fromEntries(response.headers.entries()),
      elapsedMs: performance.now() - started,
    };
  }

  /** Interactivity: Slack posts `payload=<url-encoded JSON>` as a form. */
  const sendPayload = (payload: Record<string, unknown>, tamper?: Tamper) =>
    send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
      {
        ...(tamper ? { tamper } : {}),
      },
    );

  return {
    send,

    async slashCommand(input) {
      const responseUrl =
        input.responseUrl ?? responseUrlFor({ channelId: input.channelId, userId: input.userId });
      const triggerId = input.triggerId ?? triggerIdFor(input.userId);
      // Field order and names as Slack sends them.
      const form = new URLSearchParams({
        token,
        team_id: teamId,
        team_domain: teamDomain,
        ...(input.enterpriseId ? { enterprise_id: input.enterpriseId, enterprise_name: 'Enterprise' } : {}),
        channel_id: input.channelId,
        channel_name: input.channelName ?? (input.channelId.startsWith('D') ? 'directmessage' : 'general'),
        user_id: input.userId,
        user_name: input.userName ?? input.userId.toLowerCase(),
        command: input.command,
        text: input.text ?? '',
        api_app_id: apiAppId,
        is_enterprise_install: input.isEnterpriseInstall ? 'true' : 'false',
        response_url: responseUrl,
        trigger_id: triggerId,
      });
      const response = await send(form.toString(), 'application/x-www-form-urlencoded', {
        ...(input.tamper ? { tamper: input.tamper } : {}),
      });
      return { ...response, responseUrl, triggerId };
    },

    async blockActions(input) {
      const triggerId = input.triggerId ?? triggerIdFor(input.userId);
      const actionTs = `${nowSec()}.${String(Date.now() % 1e6).padStart(6, '0')}`;
      const actions = input.actions.map((action) => ({ type: 'button', action_ts: actionTs, ...action }));
      const onMessage = !input.view;
      const responseUrl = onMessage
        ? (input.responseUrl ??
          responseUrlFor({
            channelId: input.channelId ?? STAND_IN_DEFAULTS.generalChannelId,
            userId: input.userId,
            ...(input.message ? { messageTs: input.message.ts } : {}),
          }))
        : undefined;
      const channelId = input.channelId ?? STAND_IN_DEFAULTS.generalChannelId;
      const container = input.view
        ? { type: 'view', view_id: input.view.id }
        : {
            type: 'message',
            message_ts: input.message?.ts,
            channel_id: channelId,
            is_ephemeral: input.isEphemeral ?? false,
          };
      const payload = {
        type: 'block_actions',
        user: user(input.userId, input.userName),
        api_app_id: apiAppId,
        token,
        container,
        trigger_id: triggerId,
        team,
        enterprise: null,
        is_enterprise_install: false,
        ...(onMessage ? { channel: { id: channelId, name: input.channelName ?? 'general' } } : {}),
        ...(input.message ? { message: { type: 'message', ...input.message } } : {}),
        ...(input.view ? { view: { ...input.view, state: { values: input.stateValues ?? {} } } } : {}),
        state: { values: input.stateValues ?? {} },
        ...(responseUrl ? { response_url: responseUrl } : {}),
        actions,
      };
      const response = await sendPayload(payload, input.tamper);
      return { ...response, ...(responseUrl ? { responseUrl } : {}), triggerId };
    },

    async viewSubmission(input) {
      const triggerId = input.triggerId ?? triggerIdFor(input.userId);
      const { errors: _errors, ...view } = input.view;
      const payload = {
        type: 'view_submission',
        team,
        user: user(input.userId, input.userName),
        api_app_id: apiAppId,
        token,
        trigger_id: triggerId,
        view: { ...view, state: { values: input.values ?? {} } },
        response_urls: input.responseUrls ?? [],
        is_enterprise_install: false,
        enterprise: null,
      };
      const response = await sendPayload(payload, input.tamper);
      return { ...response, triggerId };
    },

    viewClosed(input) {
      const { errors: _errors, ...view } = input.view;
      return sendPayload(
        {
          type: 'view_closed',
          team,
          user: user(input.userId, input.userName),
          api_app_id: apiAppId,
          token,
          view,
          is_cleared: input.isCleared ?? false,
          is_enterprise_install: false,
          enterprise: null,
        },
        input.tamper,
      );
    },

    async shortcut(input) {
      const triggerId = input.triggerId ?? triggerIdFor(input.userId);
      const response = await sendPayload(
        {
          type: 'shortcut',
          token,
          action_ts: `${nowSec()}.000000`,
          team,
          user: user(input.userId, input.userName),
          is_enterprise_install: false,
          enterprise: null,
          callback_id: input.callbackId,
          trigger_id: triggerId,
        },
        input.tamper,
      );
      return { ...response, triggerId };
    },

    async messageShortcut(input) {
      const triggerId = input.triggerId ?? triggerIdFor(input.userId);
      const responseUrl =
        input.responseUrl ??
        responseUrlFor({ channelId: input.channelId, userId: input.userId, messageTs: input.message.ts });
      // Field names as Slack sends a message shortcut (type message_action).
      const response = await sendPayload(
        {
          type: 'message_action',
          token,
          action_ts: `${nowSec()}.${String(Date.now() % 1e6).padStart(6, '0')}`,
          team,
          user: user(input.userId, input.userName),
          channel: { id: input.channelId, name: input.channelName ?? 'general' },
          is_enterprise_install: false,
          enterprise: null,
          callback_id: input.callbackId,
          trigger_id: triggerId,
          response_url: responseUrl,
          message_ts: input.message.ts,
          message: { type: 'message', ...input.message },
        },
        input.tamper,
      );
      return { ...response, responseUrl, triggerId };
    },

    async event(input) {
      const eventId = input.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`;
      const envelope = {
        token,
        team_id: teamId,
        context_team_id: teamId,
        context_enterprise_id: input.enterpriseId ?? null,
        api_app_id: apiAppId,
        event: input.event,
        type: 'event_callback',
        event_id: eventId,
        event_time: input.eventTimeSec ?? nowSec(),
        authorizations: [
          {
            enterprise_id: input.enterpriseId ?? null,
            team_id: input.isEnterpriseInstall ? null : teamId,
            user_id: botUserId,
            is_bot: true,
            is_enterprise_install: input.isEnterpriseInstall ?? false,
          },
        ],
        is_ext_shared_channel: false,
        event_context: `4-${Buffer.from(JSON.stringify({ et: input.event.type, tid: teamId, aid: apiAppId })).toString('base64url')}`,
      };
      const retryHeaders: Record<string, string> =
        input.retryNum !== undefined
          ? {
              'x-slack-retry-num': String(input.retryNum),
              'x-slack-retry-reason': input.retryReason ?? 'http_timeout',
            }
          : {};
      const response = await send(JSON.stringify(envelope), 'application/json', {
        headers: retryHeaders,
        ...(input.tamper ? { tamper: input.tamper } : {}),
      });
      return { ...response, eventId };
    },

    urlVerification(input = {}) {
      const body = {
        token,
        challenge: input.challenge ?? randomBytes(16).toString('hex'),
        type: 'url_verification',
      };
      return send(JSON.stringify(body), 'application/json', {
        ...(input.tamper ? { tamper: input.tamper } : {}),
      });
    },
  };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
