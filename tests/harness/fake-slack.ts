import { webApi } from '@slack/bolt';
import {
  type SlackStandIn,
  STAND_IN_DEFAULTS,
  type StandInOptions,
  startSlackStandIn,
} from '../../src/console/slack-stand-in/index.js';
import { createSlackDriver, type SlackDriver, type SlackDriverOptions } from './slack-driver.js';

export type {
  InjectedFailure,
  ModalOutcome,
  RecordedCall,
  StandInUser,
  StoredEphemeral,
  StoredMessage,
  StoredView,
} from '../../src/console/slack-stand-in/index.js';
export type { SlackStandIn, StandInOptions };
/**
 * The "fake Slack" tests import. It is the production stand-in (the local console runs
 * on the same code), plus wiring helpers that only tests need.
 */
export { STAND_IN_DEFAULTS, startSlackStandIn };

/** Alias that reads well in tests: `const slack = await startFakeSlack()`. */
export const startFakeSlack = startSlackStandIn;

/**
 * A WebClient aimed at the stand-in. Retries are off and a timeout is set by default so a
 * failing test fails fast instead of waiting out WebClient's 30-minute retry policy.
 */
export function fakeSlackClient(
  standIn: SlackStandIn,
  options: { retries?: number; timeoutMs?: number; token?: string } = {},
): webApi.WebClient {
  return new webApi.WebClient(options.token ?? standIn.botToken, {
    slackApiUrl: standIn.url,
    retryConfig: { retries: options.retries ?? 0, factor: 1, minTimeout: 10, maxTimeout: 50 },
    timeout: options.timeoutMs ?? 5_000,
    // Retries and 429 waits are expected in these tests; keep their INFO/WARN lines out of the output.
    logLevel: webApi.LogLevel.ERROR,
  });
}

/**
 * A driver whose response_urls and trigger_ids the stand-in recognises, so that
 * `respond()` and `views.open` from Liaison land in the stand-in's state.
 */
export function connectDriver(
  standIn: SlackStandIn,
  options: Omit<SlackDriverOptions, 'responseUrlFactory' | 'triggerIdFactory' | 'teamId' | 'botUserId'>,
): SlackDriver {
  const driver = createSlackDriver({
    ...options,
    teamId: standIn.teamId,
    teamDomain: standIn.teamDomain,
    apiAppId: standIn.appId,
    botUserId: standIn.botUserId,
    responseUrlFactory: (input) => standIn.createResponseUrl(input),
    triggerIdFactory: (input) => standIn.createTriggerId(input),
  });
  return {
    ...driver,
    // Slack shows a slash command's acknowledgement body as its answer: so does the stand-in.
    async slashCommand(input) {
      const sent = await driver.slashCommand(input);
      if (sent.status === 200 && sent.responseUrl.startsWith(standIn.origin)) {
        standIn.applyCommandResponse(sent.responseUrl, ackBodyAsSlackReadsIt(sent));
      }
      return sent;
    },
  };
}

interface AckResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * A slash command's acknowledgement as Slack reads it: a JSON message only when the response
 * says `content-type: application/json`; any other non-empty body is the message's plain text.
 */
export function ackBodyAsSlackReadsIt(sent: AckResponse): unknown {
  if (sent.body === '') return undefined;
  const contentType = sent.headers['content-type'] ?? '';
  if (contentType.split(';')[0]?.trim() === 'application/json') return JSON.parse(sent.body);
  return { text: sent.body };
}

/**
 * Whether a slash command was answered inside its acknowledgement (a body with text or
 * blocks, which connectDriver has already shown as an ephemeral with source `command_ack`).
 * When not, the answer comes later through the response_url.
 */
export function answeredInAck(sent: AckResponse): boolean {
  const json = ackBodyAsSlackReadsIt(sent);
  if (sent.status !== 200 || typeof json !== 'object' || json === null) return false;
  const body = json as { text?: unknown; blocks?: unknown };
  return (
    (typeof body.text === 'string' && body.text.length > 0) ||
    (Array.isArray(body.blocks) && body.blocks.length > 0)
  );
}
