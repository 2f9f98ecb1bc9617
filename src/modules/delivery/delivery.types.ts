/** What a delivery posts: Slack's message shape, kept as JSON in the outbox row. */
export interface DeliveryMessage {
  /** Fallback text (notifications, screen readers); always required. */
  text: string;
  /** Block Kit blocks, already built and escaped by the feature's view. */
  blocks?: unknown[];
  /**
   * Files uploaded (files.uploadV2) into the message's thread once it is posted, e.g. the KPI
   * charts of a digest. Kept small by whoever adds them: they are stored in the outbox row.
   */
  files?: DeliveryFile[];
}

/** One file of a message: its name, its title in the reader's language, its bytes in base64. */
export interface DeliveryFile {
  filename: string;
  title: string;
  base64: string;
}

export type DeliveryPriority = 'NORMAL' | 'URGENT';
export type DeliveryStatus = 'QUEUED' | 'SENDING' | 'SENT' | 'HELD' | 'FAILED' | 'CANCELLED';

/** Either a person (their DM) or a channel. */
export type DeliveryTarget = { recipientPersonId: string; channelId?: undefined } | { channelId: string };

export type EnqueueInput = DeliveryTarget & {
  workspaceId: string;
  /** Unique per workspace: the same key enqueued twice is one message. */
  key: string;
  kind: string;
  message: DeliveryMessage;
  priority?: DeliveryPriority;
  /** Not before this instant (default: now). */
  notBefore?: Date;
};

export interface DeliveryDto {
  id: string;
  workspaceId: string;
  key: string;
  kind: string;
  priority: DeliveryPriority;
  recipientPersonId: string | null;
  channelId: string | null;
  message: DeliveryMessage;
  status: DeliveryStatus;
  attempts: number;
  notBefore: Date;
  slackChannelId: string | null;
  slackTs: string | null;
  batchedIntoKey: string | null;
  lastError: string | null;
}

/** A row the worker claimed: where to send it, and whether an earlier attempt's outcome is unknown. */
export interface ClaimedDelivery {
  id: string;
  workspaceId: string;
  key: string;
  message: DeliveryMessage;
  attempts: number;
  channelId: string | null;
  recipient: { personId: string; slackUserId: string; dmChannelId: string | null } | null;
  /** The previous attempt may have reached Slack (lease ran out while sending, or a timeout). */
  outcomeUnknown: boolean;
  /** When the previous attempt started, to bound the search for it. */
  previousAttemptAt: Date | null;
}

/**
 * URGENT rows are stamped a day early: the worker claims in notBefore order (an index
 * scan, no sort), so they go ahead of any NORMAL backlog. "Not before" a past instant
 * still means "now".
 */
const URGENT_HEAD_START_MS = 24 * 60 * 60_000;

export function queuedNotBefore(priority: DeliveryPriority, at: Date): Date {
  return priority === 'URGENT' ? new Date(at.getTime() - URGENT_HEAD_START_MS) : at;
}
