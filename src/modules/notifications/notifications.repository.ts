import type { Actor } from '../access/access.types.js';
import type { NewDeliveryRow } from '../delivery/delivery.repository.js';
import type { DeliveryDto } from '../delivery/delivery.types.js';
import type { BudgetPerson, QuietHours } from './notifications.types.js';

/** What budget decisions may read and write while the person's row is locked. */
export interface BudgetScope {
  person: BudgetPerson;
  findDelivery(key: string): Promise<DeliveryDto | null>;
  /** Non-urgent, non-digest notifications to this person planned within [from, to). */
  countPlanned(from: Date, to: Date): Promise<number>;
  insert(row: NewDeliveryRow): Promise<{ delivery: DeliveryDto; created: boolean }>;
  /** HELD rows of this person whose time has come. */
  heldDue(now: Date): Promise<DeliveryDto[]>;
  reschedule(ids: string[], notBefore: Date): Promise<void>;
  cancel(ids: string[], reason: string): Promise<void>;
  /** A lone held row goes out as itself. */
  requeue(id: string, notBefore: Date): Promise<void>;
  /** Held rows that went out inside the digest `digestKey`. */
  markBatched(ids: string[], digestKey: string, at: Date): Promise<void>;
}

/** The same, for many people at once (one transaction holding all their row locks). */
export interface BudgetBatch {
  /** The people found (unknown ids are absent). */
  people: Map<string, BudgetPerson>;
  /** Which of these keys the workspace's outbox already holds (one query). */
  existingKeys(workspaceId: string, keys: readonly string[]): Promise<Set<string>>;
  /** Per person, what countPlanned would count within their [start, end) (one query). */
  plannedCounts(days: Map<string, { start: Date; end: Date }>): Promise<Map<string, number>>;
  /** One bulk insert, ON CONFLICT DO NOTHING; returns how many rows were new. */
  insertMany(rows: readonly NewDeliveryRow[]): Promise<number>;
}

export interface NotificationsRepository {
  /**
   * Runs `work` in one transaction holding the row locks of all these people (taken in id
   * order, so two batches cannot deadlock): a batch of notifications decided together,
   * with the same budget as one at a time.
   */
  withPeopleBudgets<T>(
    personIds: readonly string[],
    now: Date,
    work: (batch: BudgetBatch) => Promise<T>,
  ): Promise<T>;
  /**
   * Runs `work` in one transaction holding the person's row lock, so two notifications
   * racing for the last slot of the daily cap are decided one after the other.
   * Resolves null when the person does not exist.
   */
  withPersonBudget<T>(
    personId: string,
    now: Date,
    work: (scope: BudgetScope) => Promise<T>,
  ): Promise<T | null>;
  settingsOf(personId: string, now: Date): Promise<BudgetPerson | null>;
  peopleWithHeldDue(now: Date, limit: number): Promise<string[]>;
  /** null turns quiet hours off. */
  setQuietHours(change: Actor, quiet: QuietHours | null): Promise<void>;
  mute(change: Actor, kind: string): Promise<void>;
  /** False when the kind was not muted. */
  unmute(change: Actor, kind: string): Promise<boolean>;
  /** kind null snoozes every notification. */
  snooze(change: Actor, snooze: { kind: string | null; until: Date }): Promise<void>;
}
