import { LogLevel, WebClient } from '@slack/web-api';

export interface SlackClientTarget {
  token: string;
  /** Slack's Web API or the stand-in's (`slackApiUrl`). */
  apiUrl: string;
}

/**
 * For answers to a person's own action. Separate from the bulk client on purpose:
 * @slack/web-api pauses a client's whole queue on a 429, so fan-out must never share it.
 * Short timeout, one quick retry, and a 429 fails at once instead of making a person wait.
 */
export function createInteractiveClient(target: SlackClientTarget): WebClient {
  return new WebClient(target.token, {
    slackApiUrl: target.apiUrl,
    timeout: 5_000,
    maxRequestConcurrency: 10,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 1, factor: 1, minTimeout: 250, maxTimeout: 1_000 },
    logLevel: LogLevel.ERROR,
  });
}

/**
 * For the outbox worker. No retries of its own: a retried post whose first attempt
 * reached Slack would post twice, so every retry goes through the worker, which knows
 * the delivery key. 429s come back to our pacer (it honours Retry-After) rather than
 * pausing this client's queue.
 */
export function createBulkClient(target: SlackClientTarget): WebClient {
  return new WebClient(target.token, {
    slackApiUrl: target.apiUrl,
    timeout: 10_000,
    maxRequestConcurrency: 50,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
}
