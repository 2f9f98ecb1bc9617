import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';
import type { SlackOutcome } from '../../modules/delivery/delivery.ports.types.js';

/** Slack errors (HTTP 200, ok:false) that mean "later", not "never". */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/**
 * What a failed Web API call means for the outbox. `outcomeUnknown` is true when Slack may
 * have acted although we got no answer (a timeout, a dropped connection, a 5xx).
 */
export function outcomeOfError(error: unknown): Exclude<SlackOutcome<never>, { kind: 'ok' }> {
  if (error instanceof WebAPIRateLimitedError) {
    return { kind: 'retry', afterMs: error.retryAfter * 1000, error: 'ratelimited', outcomeUnknown: false };
  }
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    return TRANSIENT_PLATFORM_ERRORS.has(code)
      ? { kind: 'retry', afterMs: 0, error: code, outcomeUnknown: code !== 'ratelimited' }
      : { kind: 'failed', error: code };
  }
  if (error instanceof WebAPIHTTPError) {
    return {
      kind: 'retry',
      afterMs: 0,
      error: `http_${error.statusCode}`,
      outcomeUnknown: error.statusCode >= 500,
    };
  }
  if (error instanceof WebAPIRequestError) {
    // Refused before anything was sent: known not posted. Anything else (timeout, reset) may have been.
    const cause = (error.original as { cause?: { code?: unknown } }).cause;
    const refused = cause?.code === 'ECONNREFUSED';
    return { kind: 'retry', afterMs: 0, error: `request_${error.original.name}`, outcomeUnknown: !refused };
  }
  return {
    kind: 'retry',
    afterMs: 0,
    error: error instanceof Error ? error.message : String(error),
    outcomeUnknown: true,
  };
}
