import type { Logger } from '../../logger.js';

/** A person in the stand-in's directory. Only `id` is required; the rest gets Slack-like defaults. */
export interface StandInUser {
  id: string;
  /** Slack handle (`name`); defaults to the id lower-cased. */
  name?: string;
  realName?: string;
  displayName?: string;
  email?: string;
  /** IANA zone; `tz_offset`/`tz_label` are derived from it. Defaults to 'UTC'. */
  tz?: string;
  /** Returned only when the caller asks with `include_locale`, as Slack does. Defaults to 'en-US'. */
  locale?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isBot?: boolean;
  isRestricted?: boolean;
  deleted?: boolean;
}

export interface StandInChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  isArchived?: boolean;
  /** When set, chat.postEphemeral refuses users outside it (`user_not_in_channel`). */
  members?: string[];
  /** Locale reported by conversations.info with include_locale. */
  locale?: string;
}

export type RateLimitRule = { perMinute: number; burst?: number };

export interface StandInOptions {
  /**
   * Where apps.connections.open sends Socket Mode clients (a WebSocket server the caller
   * runs, e.g. tests/harness/fake-socket-mode.ts). Unset: the method answers as for an
   * app without Socket Mode.
   */
  socketModeUrl?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  teamId?: string;
  teamName?: string;
  teamDomain?: string;
  botUserId?: string;
  /** Directory content; the bot user is always added as well. */
  users?: StandInUser[];
  /** Channels besides #general (`C0GENERAL`), which always exists. */
  channels?: StandInChannel[];
  /** Per-method token buckets; no method is limited unless listed. `burst` defaults to `perMinute`. */
  rateLimits?: Partial<Record<string, RateLimitRule>>;
  /** Accepted tokens. By default any token shaped like `xox?-…` is accepted. */
  tokens?: string[];
  /** How long a trigger_id stays valid (Slack: 3 s). */
  triggerTtlMs?: number;
  /** Wall clock in ms; tests pass a fake one to get predictable `ts` values and expiries. */
  now?: () => number;
  logger?: Logger;
  /** What an earlier run kept (`exportState()`): conversations, DMs and files come back. */
  state?: StandInState;
}

/**
 * What a workspace's Slack remembers between two runs of the local console: every message
 * in channels and DMs, the DM conversations themselves (Liaison caches their ids) and the
 * shared files. Modals, ephemeral messages, trigger ids and response_urls do not survive,
 * as in Slack, where they do not outlive the client or their few minutes either.
 */
export interface StandInState {
  version: 1;
  /** Ids handed out so far, so a restored stand-in never gives one out twice. */
  idsIssued: number;
  messages: StoredMessage[];
  /** DMs and group DMs opened with conversations.open. */
  conversations: {
    id: string;
    name: string;
    isIm: boolean;
    user?: string;
    members: string[];
    createdSec: number;
  }[];
  files: {
    id: string;
    filename: string;
    title?: string;
    channels: string[];
    createdSec: number;
    /** The uploaded bytes, base64. */
    base64: string;
  }[];
}

/** One request the stand-in answered, Web API or response_url, in arrival order. */
export interface RecordedCall {
  seq: number;
  /** Web API method name, or 'response_url' for posts to a response_url. */
  method: string;
  /** Arguments with JSON-encoded nested fields (blocks, view, …) already decoded. */
  args: Record<string, unknown>;
  token: string | undefined;
  /** Epoch ms when the request arrived. */
  at: number;
  durationMs: number;
  status: number;
  response: Record<string, unknown>;
}

export interface InjectedFailure {
  /** Answer HTTP 200 `{ ok: false, error }`. */
  error?: string;
  /** Answer with this HTTP status instead (429 gets a Retry-After header). */
  status?: number;
  /** Wait this long before answering (alone: a slow but successful call). */
  delayMs?: number;
  /** Retry-After seconds for an injected 429; default 1. */
  retryAfterSec?: number;
  /** Only a call whose `channel` argument is this one fails; other calls to the method go through. */
  channel?: string;
}

/** A message as Slack returns it from conversations.history (snake_case wire shape). */
export interface StoredMessage {
  type: 'message';
  channel: string;
  ts: string;
  text: string;
  user: string;
  team: string;
  bot_id?: string;
  app_id?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
  /** File objects of a files.completeUploadExternal share. */
  files?: unknown[];
  thread_ts?: string;
  reply_count?: number;
  latest_reply?: string;
  edited?: { user: string; ts: string };
  unfurl_links?: boolean;
  unfurl_media?: boolean;
}

/** A file shared through files.completeUploadExternal, with what was uploaded. */
export interface StandInFile {
  id: string;
  name: string;
  title: string;
  /** Channel ids it was shared into. */
  channels: string[];
  size: number;
  /** The uploaded bytes as UTF-8 text. */
  content: string;
}

/** A message only one user sees; Slack never lets the app read these back, the stand-in does. */
export interface StoredEphemeral {
  channel: string;
  recipient: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  /** How it came: the Web API, a response_url, or the body of a slash command's acknowledgement. */
  source: 'chat.postEphemeral' | 'response_url' | 'command_ack';
}

/** A view in Slack's wire shape (what views.* return and what view payloads carry). */
export interface StoredView {
  id: string;
  team_id: string;
  type: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: Record<string, Record<string, unknown>> };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  submit_disabled: boolean;
  root_view_id: string | null;
  previous_view_id: string | null;
  app_id: string;
  app_installed_team_id: string;
  bot_id: string;
  /** Field errors from a `response_action: 'errors'`, keyed by block_id; the console shows them. */
  errors?: Record<string, string>;
}

export type ModalChangeKind = 'opened' | 'pushed' | 'updated' | 'closed' | 'cleared' | 'errors';

export interface StandInEventMap {
  call: RecordedCall;
  message: { kind: 'posted' | 'updated' | 'deleted'; message: StoredMessage };
  ephemeral: { kind: 'posted' | 'replaced' | 'deleted'; message: StoredEphemeral };
  modal: {
    kind: ModalChangeKind;
    userId: string;
    view: StoredView | undefined;
    stack: readonly StoredView[];
  };
  home: { userId: string; view: StoredView };
}

/**
 * An installation an admin would approve on Slack's OAuth page: `oauth.v2.access` with
 * `code` answers with these (fresh tokens each time). Org-wide: `isEnterpriseInstall` with
 * an `enterpriseId` and no team.
 */
export interface StandInInstall {
  code: string;
  teamId?: string;
  teamName?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  isEnterpriseInstall?: boolean;
  /** Who clicked Allow (`authed_user.id`). */
  installerUserId?: string;
  botUserId?: string;
  scopes?: string[];
  /** Token rotation: the bot token expires and comes with a single-use refresh token. */
  rotating?: boolean;
  /** Lifetime of the first (installed) token; default 12 hours. */
  expiresInSec?: number;
  /** Lifetime of refreshed tokens; default 12 hours. */
  refreshedExpiresInSec?: number;
}

/** What a user's modal did after closeModal / applyViewResponse. */
export interface ModalOutcome {
  kind: ModalChangeKind;
  /** Views that left the stack; those with notify_on_close deserve a view_closed payload. */
  closed: StoredView[];
  /** True when the whole stack went away (Slack's `is_cleared`). */
  isCleared: boolean;
  stack: readonly StoredView[];
  /** block_ids named in `errors` that no block in the view carries (Slack would reject those). */
  unknownBlockIds?: string[];
}

export interface SlackStandIn {
  /** Pass as WebClient / Bolt `clientOptions.slackApiUrl`; ends with `/api/`. */
  readonly url: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly port: number;
  readonly teamId: string;
  readonly teamName: string;
  readonly teamDomain: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  /** A token the stand-in accepts. */
  readonly botToken: string;
  close(): Promise<void>;

  /** OAuth: what `oauth.v2.access` accepts as client id and secret (anything, until set). */
  setOAuthClient(client: { clientId: string; clientSecret: string }): void;
  /** OAuth: a code the install flow can exchange once (see StandInInstall). */
  registerInstall(install: StandInInstall): void;
  /** Every token of that team's (or org's) installation stops working (token_revoked). */
  revokeInstall(teamOrEnterpriseId: string): void;

  addUser(user: StandInUser): void;
  addChannel(channel: StandInChannel): void;

  /** Every recorded call so far (a copy). */
  calls(): RecordedCall[];
  /** Calls to one method; `ok` filters on the answer's `ok`. */
  callsTo(method: string, filter?: { ok?: boolean }): RecordedCall[];
  /** Resolves with the first recorded call (past or future) matching; rejects after timeoutMs (default 2 s). */
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  clearCalls(): void;
  /** Forget stored messages and ephemerals only (response_urls, views and calls stay): a long load run keeps its memory flat. */
  clearMessages(): void;
  /** Forget calls, messages, ephemerals, views, triggers, response_urls and 429 counts; keep users and channels. */
  reset(): void;

  failNext(method: string, failure: InjectedFailure): void;
  setRateLimit(method: string, rule: RateLimitRule | undefined): void;
  rateLimitedCount(method: string): number;

  messages(channelId: string): StoredMessage[];
  /** Replies in a thread, parent excluded, oldest first. */
  threadReplies(channelId: string, threadTs: string): StoredMessage[];
  findMessage(channelId: string, ts: string): StoredMessage | undefined;
  ephemerals(userId: string, channelId?: string): StoredEphemeral[];
  modalStack(userId: string): StoredView[];
  currentModal(userId: string): StoredView | undefined;
  homeView(userId: string): StoredView | undefined;
  /** Files shared via files.completeUploadExternal, oldest first; with a channel, only those shared there. */
  uploadedFiles(channelId?: string): StandInFile[];
  /** The bytes of a shared file, or undefined when no completed file has that id. */
  fileBytes(fileId: string): Buffer | undefined;
  /** A person shares a file in a conversation (e.g. a CSV in their DM with the app): its file object, downloadable with a token. */
  shareFileAsUser(input: {
    userId: string;
    channelId: string;
    filename: string;
    content: string;
  }): Record<string, unknown>;
  /** The DM channel id conversations.open gave out for the user, if any. */
  dmChannelId(userId: string): string | undefined;
  /** Channels (not DMs), by name: what channel pickers offer and `#name` finds. */
  channelList(): { id: string; name: string }[];
  /** A channel by id, `#name` or `name`. */
  findChannel(idOrName: string): { id: string; name: string; isIm: boolean } | undefined;
  /** Everything `state` restores, as plain JSON (see StandInState). */
  exportState(): StandInState;
  /** Put a message from a person into a channel (so thread replies and events can refer to it). */
  postUserMessage(input: {
    channelId: string;
    userId: string;
    text: string;
    threadTs?: string;
  }): StoredMessage;

  createResponseUrl(input: { channelId: string; userId: string; messageTs?: string }): string;
  /** A trigger_id views.open/push will accept for this user (3 s, single use). */
  createTriggerId(input: { userId: string }): string;
  /** The user pressed Close/X: pops the top view, or the whole stack with clearAll or clear_on_close. */
  closeModal(userId: string, options?: { clearAll?: boolean }): ModalOutcome;
  /**
   * Apply what the app acknowledged a view_submission with: empty/undefined closes the
   * submitted view; `response_action` update/push/clear/errors behave as in Slack.
   */
  applyViewResponse(userId: string, ackBody?: unknown): ModalOutcome;
  /**
   * Apply what the app acknowledged a slash command with, as Slack does: a body with text or
   * blocks is shown as the answer — privately (an ephemeral, source `command_ack`), or in the
   * channel with `response_type: in_channel` — where the command was typed; an empty ack
   * shows nothing. `responseUrl` is the command's (from createResponseUrl). Returns whether
   * something was shown; throws on blocks Slack would refuse.
   */
  applyCommandResponse(responseUrl: string, ackBody?: unknown): boolean;

  on<K extends keyof StandInEventMap>(event: K, listener: (payload: StandInEventMap[K]) => void): () => void;
}
