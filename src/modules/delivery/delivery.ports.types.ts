import type { DeliveryMessage } from './delivery.types.js';

/** How one Slack call ended, in the terms the worker acts on. */
export type SlackOutcome<T> =
  | { kind: 'ok'; value: T }
  /** Try again after `afterMs`: 429 (Retry-After), 5xx, network trouble. */
  | { kind: 'retry'; afterMs: number; error: string; outcomeUnknown: boolean }
  /** Retrying will not help (channel_not_found, invalid_blocks, account_inactive…). */
  | { kind: 'failed'; error: string };

/**
 * The outbound side of delivery. The Slack adapter (src/slack/delivery) paces calls per
 * method and honours Retry-After; the worker only decides what each outcome means.
 */
export interface DeliverySender {
  /** conversations.open for one user: the DM channel id. */
  openDm(slackUserId: string): Promise<SlackOutcome<{ channelId: string }>>;
  /** chat.postMessage, tagged with the delivery key so a later attempt can find it. */
  post(input: {
    channelId: string;
    message: DeliveryMessage;
    deliveryKey: string;
  }): Promise<SlackOutcome<{ channelId: string; ts: string }>>;
  /**
   * Looks for a message this app already posted with `deliveryKey` since `since`.
   * 'unknown' when the adapter cannot read history (no history scope): the worker then
   * posts again (at-least-once for that narrow case).
   */
  findPosted(input: {
    channelId: string;
    deliveryKey: string;
    since: Date;
  }): Promise<{ ts: string } | 'absent' | 'unknown'>;
}

/**
 * Which sender speaks for a workspace: each installed workspace has its own bot token and
 * its own Slack rate limits, so each gets its own paced sender. Null when Liaison is not
 * (or no longer) installed there: its messages cannot be sent.
 */
export interface WorkspaceSenders {
  forWorkspace(workspaceId: string): Promise<DeliverySender | null>;
}
