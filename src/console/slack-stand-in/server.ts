import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Answer, answerApiCall } from './api-handler.js';
import { isRecord } from './blocks.js';
import { CallRecorder } from './call-recorder.js';
import { STAND_IN_DEFAULTS } from './defaults.js';
import { Directory } from './directory.js';
import { TypedEmitter } from './events.js';
import { FaultInjector } from './fault-injector.js';
import { DOWNLOAD_PREFIX, FileStore, UPLOAD_PREFIX } from './file-store.js';
import { createIdFactory, createTsClock, laterTs } from './ids.js';
import { InstallRegistry } from './installs.js';
import { MessageStore } from './message-store.js';
import { RateLimiter } from './rate-limiter.js';
import { parseCall, readBody } from './request.js';
import { ResponseUrls } from './response-urls.js';
import type { SlackStandIn, StandInEventMap, StandInOptions } from './types.js';
import { answerUpload } from './uploads.js';
import { ViewStore } from './view-store.js';
import type { Workspace } from './workspace.js';

const API_PREFIX = '/api/';
const RESPONSE_PREFIX = '/response/';
/** Scopes a Liaison bot token carries; WebClient copies them onto every result. */
const SCOPES = 'chat:write,commands,im:write,users:read,users:read.email,channels:read,groups:read,team:read';

/**
 * Starts a loopback HTTP server that answers Slack Web API calls and response_url posts
 * like Slack would, and remembers what each user would now see. Used by the local
 * console (Bolt's `clientOptions.slackApiUrl` points here) and by tests and benchmarks.
 */
export async function startSlackStandIn(options: StandInOptions = {}): Promise<SlackStandIn> {
  const now = options.now ?? Date.now;
  const events = new TypedEmitter<StandInEventMap>();
  const saved = options.state;
  const ids = createIdFactory(saved?.idsIssued ?? 0);
  const lastTs = saved?.messages.reduce<string | undefined>(
    (latest, message) => laterTs(latest, message.ts),
    undefined,
  );
  const ws: Workspace = {
    teamId: options.teamId ?? STAND_IN_DEFAULTS.teamId,
    teamName: options.teamName ?? STAND_IN_DEFAULTS.teamName,
    teamDomain: options.teamDomain ?? STAND_IN_DEFAULTS.teamDomain,
    botUserId: options.botUserId ?? STAND_IN_DEFAULTS.botUserId,
    botId: STAND_IN_DEFAULTS.botId,
    botName: STAND_IN_DEFAULTS.botName,
    appId: STAND_IN_DEFAULTS.appId,
    socketModeUrl: options.socketModeUrl,
    now,
    nextTs: createTsClock(now, lastTs),
    nextId: ids,
    events,
  };
  const logger = options.logger;
  const directory = new Directory(ws);
  const messages = new MessageStore(ws);
  const views = new ViewStore(ws, options.triggerTtlMs ?? STAND_IN_DEFAULTS.triggerTtlMs);
  const files = new FileStore(ws);
  const responseUrls = new ResponseUrls(ws, messages);
  const recorder = new CallRecorder(events);
  const faults = new FaultInjector();
  const limiter = new RateLimiter(options.rateLimits ?? {}, now);
  const tokens = options.tokens ? new Set(options.tokens) : undefined;
  const installs = new InstallRegistry(ws);
  const acceptsToken = (token: string) =>
    installs.status(token).kind === 'active' ||
    (tokens ? tokens.has(token) : /^(xox[a-z]|xapp)-/.test(token));
  const tokenProblem = (token: string) => {
    const status = installs.status(token).kind;
    return status === 'revoked' ? 'token_revoked' : status === 'expired' ? 'token_expired' : undefined;
  };

  directory.addUser({ id: ws.botUserId, name: ws.botName, realName: 'Liaison', isBot: true });
  directory.addChannel({ id: STAND_IN_DEFAULTS.generalChannelId, name: 'general' });
  for (const user of options.users ?? []) directory.addUser(user);
  for (const channel of options.channels ?? []) directory.addChannel(channel);
  if (saved) {
    for (const conversation of saved.conversations)
      directory.restoreConversation({
        ...conversation,
        isPrivate: true,
        isArchived: false,
        isMpim: !conversation.isIm,
      });
    messages.restore(saved.messages);
    for (const file of saved.files) files.restore(file);
  }

  const apiDeps = {
    faults,
    limiter,
    acceptsToken,
    tokenProblem,
    logger,
    context: { ws, directory, messages, views, files, installs },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = now();
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith(UPLOAD_PREFIX)) {
      const upload = await answerUpload(req, url.pathname, files);
      recorder.record({
        method: 'upload_url',
        args: { bytes: upload.bytes },
        token: undefined,
        at,
        durationMs: performance.now() - started,
        status: upload.status,
        response: { ok: upload.status === 200 },
      });
      res.writeHead(upload.status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(upload.text);
      return;
    }
    if (url.pathname.startsWith(DOWNLOAD_PREFIX) && req.method === 'GET') {
      // Slack serves private files only with a token in the Authorization header.
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const bytes = token && acceptsToken(token) ? files.download(url.pathname) : undefined;
      recorder.record({
        method: 'files_pri',
        args: { path: url.pathname },
        token,
        at,
        durationMs: performance.now() - started,
        status: bytes ? 200 : 404,
        response: { ok: Boolean(bytes) },
      });
      res.writeHead(bytes ? 200 : 404, { 'content-type': bytes ? 'application/octet-stream' : 'text/plain' });
      res.end(bytes ?? 'not found');
      return;
    }
    const rawBody = await readBody(req);
    let method: string;
    let args: Record<string, unknown>;
    let token: string | undefined;
    let answer: Answer;
    if (url.pathname.startsWith(API_PREFIX)) {
      method = url.pathname.slice(API_PREFIX.length);
      const call = parseCall(req, rawBody, url.searchParams);
      ({ args, token } = call);
      answer = await answerApiCall(method, call, apiDeps);
    } else if (url.pathname.startsWith(RESPONSE_PREFIX) && req.method === 'POST') {
      method = 'response_url';
      token = undefined;
      args = parseJsonObject(rawBody);
      answer = responseUrls.handle(
        url.pathname.slice(RESPONSE_PREFIX.length),
        rawBody ? safeJson(rawBody) : {},
      );
    } else {
      send(res, { status: 404, body: { ok: false, error: 'not_found' } });
      return;
    }
    const durationMs = performance.now() - started;
    recorder.record({ method, args, token, at, durationMs, status: answer.status, response: answer.body });
    logger?.debug({ method, status: answer.status, error: answer.body.error }, 'slack stand-in call');
    send(res, answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger?.error({ err: error }, 'slack stand-in request failed');
      if (!res.headersSent) send(res, { status: 500, body: { ok: false, error: 'fatal_error' } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  files.origin = origin;
  logger?.info({ url: `${origin}${API_PREFIX}` }, 'slack stand-in listening');

  return {
    url: `${origin}${API_PREFIX}`,
    origin,
    port,
    teamId: ws.teamId,
    teamName: ws.teamName,
    teamDomain: ws.teamDomain,
    botUserId: ws.botUserId,
    botId: ws.botId,
    appId: ws.appId,
    botToken: options.tokens?.[0] ?? STAND_IN_DEFAULTS.botToken,

    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from fetch would otherwise hold close() open.
        server.closeAllConnections();
      }),

    setOAuthClient: (client) => installs.setClient(client),
    registerInstall: (install) => installs.register(install),
    revokeInstall: (teamOrEnterpriseId) => installs.revoke(teamOrEnterpriseId),

    addUser: (user) => directory.addUser(user),
    addChannel: (channel) => directory.addChannel(channel),

    calls: () => recorder.all(),
    callsTo: (method, filter) => recorder.to(method, filter),
    waitForCall: (method, predicate, timeoutMs) => recorder.waitFor(method, predicate, timeoutMs),
    clearCalls: () => recorder.clear(),
    clearMessages: () => messages.clear(),
    reset: () => {
      recorder.clear();
      messages.clear();
      views.clear();
      files.clear();
      responseUrls.clear();
      faults.clear();
      limiter.resetCounts();
    },

    failNext: (method, failure) => faults.add(method, failure),
    setRateLimit: (method, rule) => limiter.set(method, rule),
    rateLimitedCount: (method) => limiter.limitedCount(method),

    messages: (channelId) => structuredClone(messages.list(channelId)),
    threadReplies: (channelId, threadTs) =>
      structuredClone(
        messages
          .list(channelId)
          .filter((message) => message.thread_ts === threadTs && message.ts !== threadTs),
      ),
    findMessage: (channelId, ts) => {
      const message = messages.find(channelId, ts);
      return message ? structuredClone(message) : undefined;
    },
    ephemerals: (userId, channelId) => structuredClone(messages.ephemerals(userId, channelId)),
    modalStack: (userId) => structuredClone(views.stack(userId)),
    currentModal: (userId) => {
      const top = views.stack(userId).at(-1);
      return top ? structuredClone(top) : undefined;
    },
    homeView: (userId) => {
      const home = views.home(userId);
      return home ? structuredClone(home) : undefined;
    },
    uploadedFiles: (channelId) => files.list(channelId),
    fileBytes: (fileId) => files.bytes(fileId),
    shareFileAsUser: (input) => files.shareAsUser({ ...input, bytes: Buffer.from(input.content, 'utf8') }),
    dmChannelId: (userId) => directory.dmChannelId(userId),
    channelList: () => directory.channels().map(({ id, name }) => ({ id, name })),
    findChannel: (idOrName) => {
      const channel = directory.channel(idOrName);
      return channel ? { id: channel.id, name: channel.name, isIm: channel.isIm } : undefined;
    },
    exportState: () => ({
      version: 1,
      idsIssued: ids.issued(),
      messages: structuredClone(messages.all()),
      conversations: directory.conversations().map((channel) => ({
        id: channel.id,
        name: channel.name,
        isIm: channel.isIm,
        ...(channel.user ? { user: channel.user } : {}),
        members: [...(channel.members ?? [])],
        createdSec: channel.createdSec,
      })),
      files: files.exportCompleted(),
    }),
    postUserMessage: ({ channelId, userId, text, threadTs }) => {
      if (!directory.channel(channelId)) throw new Error(`unknown channel ${channelId}`);
      const message = messages.post({
        channel: channelId,
        user: userId,
        fromBot: false,
        content: { text },
        ...(threadTs ? { threadTs } : {}),
      });
      return structuredClone(message);
    },

    createResponseUrl: (input) => `${origin}${RESPONSE_PREFIX}${responseUrls.create(input)}`,
    createTriggerId: ({ userId }) => views.createTrigger(userId),
    closeModal: (userId, closeOptions) =>
      structuredClone(views.close(userId, closeOptions?.clearAll ?? false)),
    applyViewResponse: (userId, ackBody) => structuredClone(views.applyResponse(userId, ackBody)),
    applyCommandResponse: (responseUrl, ackBody) => {
      const prefix = `${origin}${RESPONSE_PREFIX}`;
      if (!responseUrl.startsWith(prefix))
        throw new Error(`not a response_url of this stand-in: ${responseUrl}`);
      return responseUrls.answerInAck(responseUrl.slice(prefix.length), ackBody);
    },

    on: (event, listener) => events.on(event, listener),
  };
}

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'x-oauth-scopes': SCOPES,
    ...answer.headers,
  });
  res.end(JSON.stringify(answer.body));
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function parseJsonObject(raw: string): Record<string, unknown> {
  const parsed = raw ? safeJson(raw) : {};
  return isRecord(parsed) ? parsed : { raw };
}
