import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers one chat-completions request. */
export interface FakeOpenAiReply {
  /** Assistant text; default "Fake completion #<n>". */
  content?: string;
  /** Non-200 turns the answer into an OpenAI error body. */
  status?: number;
  errorMessage?: string;
  /** Wait before answering (to exercise client timeouts). */
  delayMs?: number;
  /** Extra response headers, e.g. `retry-after-ms` for fast 429 retries. */
  headers?: Record<string, string>;
  /** Reported model; default the requested one. */
  model?: string;
  finishReason?: 'stop' | 'length' | 'content_filter';
}

export interface RecordedChatRequest {
  path: string;
  headers: IncomingMessage['headers'];
  /** The parsed JSON body (model, messages, temperature, …). */
  body: Record<string, unknown>;
  at: number;
}

export type FakeOpenAiResponder = (request: RecordedChatRequest, index: number) => FakeOpenAiReply;

export interface FakeOpenAi {
  /** Pass as OpenAI `baseURL`: `http://127.0.0.1:PORT/v1`. */
  readonly baseUrl: string;
  readonly origin: string;
  /** Chat-completion requests in arrival order (every attempt, retries included). */
  readonly requests: RecordedChatRequest[];
  /** Replies used in order before the responder/default applies. */
  enqueue(...replies: FakeOpenAiReply[]): void;
  /** Answer every request not covered by the queue. */
  respondWith(responder: FakeOpenAiResponder | FakeOpenAiReply): void;
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible server on loopback: POST /v1/chat/completions (and
 * /chat/completions) with realistic completion JSON, scripted replies, delays and
 * error statuses, so the LLM adapter is tested against real HTTP, retries and timeouts.
 */
export async function startFakeOpenAi(
  options: { replies?: FakeOpenAiReply[]; responder?: FakeOpenAiResponder | FakeOpenAiReply } = {},
): Promise<FakeOpenAi> {
  const queue = [...(options.replies ?? [])];
  let responder: FakeOpenAiResponder = toResponder(options.responder ?? {});
  const requests: RecordedChatRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method === 'GET' && (path === '/v1/models' || path === '/models')) {
      return json(res, 200, {
        object: 'list',
        data: [{ id: 'fake-model', object: 'model', owned_by: 'fake' }],
      });
    }
    if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/chat/completions')) {
      return json(res, 404, errorBody(`Unknown path ${path}`, 'invalid_request_error', 'unknown_url'));
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readAll(req)) as Record<string, unknown>;
    } catch {
      return json(
        res,
        400,
        errorBody('We could not parse the JSON body of your request.', 'invalid_request_error'),
      );
    }
    const request: RecordedChatRequest = { path, headers: req.headers, body, at: Date.now() };
    requests.push(request);
    if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) {
      return json(
        res,
        401,
        errorBody('You didn’t provide an API key.', 'invalid_request_error', 'invalid_api_key'),
      );
    }
    if (body.stream === true) {
      return json(res, 400, errorBody('The fake does not stream.', 'invalid_request_error'));
    }
    const reply = queue.shift() ?? responder(request, requests.length);
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, reply.delayMs);
        timers.add(timer);
      });
    }
    // The client may have timed out and gone; writing then would only log noise.
    if (res.destroyed || req.socket.destroyed) return;
    if (reply.status && reply.status !== 200) {
      return json(res, reply.status, errorForStatus(reply.status, reply.errorMessage), reply.headers);
    }
    return json(res, 200, completion(request, reply, requests.length), reply.headers);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) json(res, 500, errorBody('fake failed', 'server_error'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    baseUrl: `${origin}/v1`,
    origin,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    respondWith: (next) => {
      responder = toResponder(next);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function toResponder(value: FakeOpenAiResponder | FakeOpenAiReply): FakeOpenAiResponder {
  return typeof value === 'function' ? value : () => value;
}

function completion(
  request: RecordedChatRequest,
  reply: FakeOpenAiReply,
  index: number,
): Record<string, unknown> {
  const content = reply.content ?? `Fake completion #${index}`;
  const promptChars = JSON.stringify(request.body.messages ?? '').length;
  const promptTokens = Math.ceil(promptChars / 4);
  const completionTokens = Math.max(1, Math.ceil(content.length / 4));
  return {
    id: `chatcmpl-${randomBytes(12).toString('base64url')}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: reply.model ?? (typeof request.body.model === 'string' ? request.body.model : 'fake-model'),
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: reply.finishReason ?? 'stop',
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_fake0000',
  };
}

function errorForStatus(status: number, message?: string): Record<string, unknown> {
  if (status === 429) {
    return errorBody(message ?? 'Rate limit reached for requests', 'requests', 'rate_limit_exceeded');
  }
  if (status === 401)
    return errorBody(message ?? 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
  if (status >= 500) {
    return errorBody(message ?? 'The server had an error while processing your request.', 'server_error');
  }
  return errorBody(message ?? `Request failed with status ${status}`, 'invalid_request_error');
}

function errorBody(message: string, type: string, code: string | null = null): Record<string, unknown> {
  return { error: { message, type, param: null, code } };
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
