import type { ClaimedDelivery, DeliveryDto, DeliveryMessage, DeliveryPriority } from './delivery.types.js';

/** A row as the outbox stores it; the budget decides `status` and `notBefore`. */
export interface NewDeliveryRow {
  workspaceId: string;
  key: string;
  kind: string;
  priority: DeliveryPriority;
  recipientPersonId: string | null;
  channelId: string | null;
  message: DeliveryMessage;
  status: 'QUEUED' | 'HELD' | 'CANCELLED';
  notBefore: Date;
  /** Why a row is held or cancelled (quiet_hours, daily_cap, snoozed, muted). */
  reason?: string;
}

export interface DeliveryRepository {
  /** Inserts the row unless its (workspace, key) exists; returns the stored row either way. */
  enqueue(row: NewDeliveryRow): Promise<{ delivery: DeliveryDto; created: boolean }>;
  findByKey(workspaceId: string, key: string): Promise<DeliveryDto | null>;
  /** SENDING rows whose lease ran out go back to QUEUED, marked outcome-unknown. */
  recoverExpiredLeases(now: Date): Promise<number>;
  /**
   * Leases up to `limit` due QUEUED rows, earliest notBefore first, with FOR UPDATE SKIP
   * LOCKED, so concurrent workers and replicas never take the same row.
   */
  claimDue(input: { now: Date; leaseMs: number; limit: number }): Promise<ClaimedDelivery[]>;
  markSent(id: string, sent: { slackChannelId: string; ts: string; at: Date }): Promise<void>;
  /** Back to QUEUED for another attempt at `notBefore`. */
  retryLater(id: string, retry: { notBefore: Date; error: string; outcomeUnknown: boolean }): Promise<void>;
  markFailed(id: string, error: string): Promise<void>;
  /**
   * The earliest instant a pass could find work: a QUEUED or HELD row's notBefore, or a
   * SENDING row's lease running out. Null when the outbox holds nothing waiting.
   */
  nextDueAt(): Promise<Date | null>;
  /** Remembers a person's DM channel so conversations.open happens once per person. */
  cacheDmChannel(personId: string, channelId: string): Promise<void>;
}
