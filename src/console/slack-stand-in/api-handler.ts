import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../logger.js';
import { SlackApiError } from './errors.js';
import type { FaultInjector } from './fault-injector.js';
import type { MethodContext } from './methods/context.js';
import { METHODS } from './methods/index.js';
import { CLIENT_AUTH_METHODS } from './methods/oauth.js';
import type { RateLimiter } from './rate-limiter.js';
import type { ParsedCall } from './request.js';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface ApiDeps {
  faults: FaultInjector;
  limiter: RateLimiter;
  acceptsToken: (token: string) => boolean;
  /** For a token Slack issued through OAuth: why it no longer works (token_revoked, token_expired). */
  tokenProblem?: (token: string) => string | undefined;
  context: Omit<MethodContext, 'args' | 'token'>;
  logger: Logger | undefined;
}

/**
 * Decides the answer to one Web API call, in the order Slack's edge does: injected
 * slowness, rate limit (HTTP 429 + Retry-After), injected failure, unknown method,
 * malformed request, authentication, then the method itself.
 */
export async function answerApiCall(method: string, call: ParsedCall, deps: ApiDeps): Promise<Answer> {
  const fault = deps.faults.take(method, call.args);
  if (fault?.delayMs) await sleep(fault.delayMs, undefined, { ref: false });

  const decision = deps.limiter.take(method);
  if (!decision.allowed) return rateLimited(decision.retryAfterSec);
  if (fault?.status === 429) {
    deps.limiter.countLimited(method);
    return rateLimited(fault.retryAfterSec ?? 1);
  }
  if (fault?.status !== undefined && fault.status !== 200) {
    return { status: fault.status, body: { ok: false, error: fault.error ?? 'fatal_error' } };
  }
  if (fault?.error) return slackError(fault.error);

  const handler = METHODS.get(method);
  if (!handler) return slackError('unknown_method', { req_method: method });
  if (!call.ok) return slackError(call.error);
  const clientAuth = CLIENT_AUTH_METHODS.has(method);
  if (!call.token && !clientAuth) return slackError('not_authed');
  if (call.token && !clientAuth) {
    const problem = deps.tokenProblem?.(call.token);
    if (problem) return slackError(problem);
    if (!deps.acceptsToken(call.token)) return slackError('invalid_auth');
  }

  try {
    const body = handler({ ...deps.context, args: call.args, token: call.token ?? '' });
    return { status: 200, body: { ok: true, ...body } };
  } catch (error) {
    if (error instanceof SlackApiError) return slackError(error.error, error.extra);
    // A bug in the stand-in: answer like Slack's catch-all rather than a 5xx, because
    // WebClient would retry a 5xx for half an hour and hide the stack trace in a timeout.
    deps.logger?.error({ err: error, method }, 'slack stand-in method failed');
    return slackError('fatal_error', { detail: error instanceof Error ? error.message : String(error) });
  }
}

function slackError(error: string, extra: Record<string, unknown> = {}): Answer {
  return { status: 200, body: { ok: false, error, ...extra } };
}

function rateLimited(retryAfterSec: number): Answer {
  return {
    status: 429,
    body: { ok: false, error: 'ratelimited' },
    headers: { 'retry-after': String(retryAfterSec) },
  };
}
