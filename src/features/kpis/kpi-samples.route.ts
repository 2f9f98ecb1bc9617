import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KpiApiService } from '../../modules/kpis/kpi-api.service.js';
import { API_MAX_BODY_BYTES } from '../../modules/kpis/kpi-api.service.js';
import { hashKpiToken, type KpiTokensService } from '../../modules/kpis/kpi-tokens.service.js';
import type { Clock } from '../../modules/shared/clock.types.js';
import type { HttpRoute } from '../../slack/receivers/http-receiver.js';

export const KPI_SAMPLES_PATH = '/api/v1/kpis/samples';

/** Requests per token: a bucket of BURST refilled at RATE per second. */
export const API_RATE_PER_SECOND = 10;
export const API_BURST = 20;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > API_MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > API_MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A token bucket per API token, in this process (each replica limits on its own). */
export function rateLimiter(clock: Clock) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (key: string): number | null => {
    const now = clock.now().getTime();
    const bucket = buckets.get(key) ?? { tokens: API_BURST, at: now };
    bucket.tokens = Math.min(API_BURST, bucket.tokens + ((now - bucket.at) / 1000) * API_RATE_PER_SECOND);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / API_RATE_PER_SECOND);
    bucket.tokens -= 1;
    return null;
  };
}

/**
 * POST /api/v1/kpis/samples: 401 without an active bearer token, 413 over 1 MiB, 429 past
 * the token's rate (with Retry-After), 400 naming each bad sample, 200 with what was written.
 */
export function kpiSamplesRoute(deps: {
  tokens: KpiTokensService;
  api: KpiApiService;
  clock: Clock;
}): HttpRoute {
  const limited = rateLimiter(deps.clock);
  return {
    path: KPI_SAMPLES_PATH,
    method: 'POST',
    handler: async (req, res) => {
      const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
      // Limited before the database is asked, by the token presented (its hash).
      const retryAfter = bearer ? limited(hashKpiToken(bearer)) : null;
      if (retryAfter !== null) {
        req.resume();
        return send(
          res,
          429,
          { error: 'rate_limited', message: `at most ${API_RATE_PER_SECOND} requests per second per token` },
          { 'retry-after': String(retryAfter) },
        );
      }
      const token = bearer ? await deps.tokens.authenticate(bearer) : null;
      if (!token) {
        req.resume();
        return send(
          res,
          401,
          {
            error: 'unauthorized',
            message: 'send an active KPI API token as "Authorization: Bearer <token>"',
          },
          { 'www-authenticate': 'Bearer' },
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(await readBody(req));
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          req.resume();
          return send(res, 413, {
            error: 'too_large',
            message: `bodies are at most ${API_MAX_BODY_BYTES} bytes`,
          });
        }
        return send(res, 400, { error: 'invalid_json', message: 'the body is not JSON' });
      }
      const result = await deps.api.ingest(token, json);
      send(res, result.status, result.body);
    },
  };
}
