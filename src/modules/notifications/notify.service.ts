import type { NewDeliveryRow } from '../delivery/delivery.repository.js';
import {
  type DeliveryDto,
  type DeliveryMessage,
  type DeliveryPriority,
  queuedNotBefore,
} from '../delivery/delivery.types.js';
import type { DeliveryWake } from '../delivery/delivery-wake.js';
import type { Clock } from '../shared/clock.types.js';
import { decide, localDay } from './budget.rules.js';
import type { NotificationsRepository } from './notifications.repository.js';
import type { BudgetDecision } from './notifications.types.js';

export interface NotifyInput {
  workspaceId: string;
  personId: string;
  /** What the person can mute, e.g. 'escalation.update' (declared by the feature that sends it). */
  kind: string;
  /** Unique per workspace and logical message, e.g. `checkin.prompt:${krId}:${cycle}:${personId}`. */
  key: string;
  message: DeliveryMessage;
  /** URGENT skips quiet hours, the daily cap, snoozes and mutes. */
  priority?: DeliveryPriority;
}

export interface NotifyResult {
  delivery: DeliveryDto;
  /** False when the key was already enqueued: nothing new happens. */
  created: boolean;
  /** What the budget decided (for a repeated key: nothing was decided, 'send' is reported). */
  decision: BudgetDecision;
}

/** Adds the "Snooze 1 hour" / "Mute this kind" buttons in the person's language (Slack layer). */
export type AddNotificationControls = (
  message: DeliveryMessage,
  context: { key: string; kind: string; locale: string },
) => DeliveryMessage;

export type Notify = (input: NotifyInput) => Promise<NotifyResult>;

/** Many notifications decided and queued together: per input, whether it was new and what the budget said. */
export type NotifyMany = (
  inputs: readonly NotifyInput[],
) => Promise<{ key: string; created: boolean; decision: BudgetDecision | null }[]>;

/** People per transaction in notifyMany: locks held briefly, a statement of bounded size. */
export const NOTIFY_BATCH_PEOPLE = 500;

/**
 * `notify` for a batch (one workspace): the same budget — mutes, snoozes, absences, quiet
 * hours, the daily cap counting what this batch queues — and the same idempotent keys, in
 * a fixed number of queries per 500 people: lock, load, existing keys, today's counts, one
 * bulk insert. Inputs for unknown people are skipped (decision null).
 */
export function createNotifyMany(deps: {
  repo: NotificationsRepository;
  clock: Clock;
  /** Rung after each batch's transaction commits with rows to send (now or when held ones are due). */
  wake: Pick<DeliveryWake, 'ring'>;
  addControls?: AddNotificationControls;
}): NotifyMany {
  return async (inputs) => {
    const results: { key: string; created: boolean; decision: BudgetDecision | null }[] = [];
    const byPerson = new Map<string, NotifyInput[]>();
    for (const input of inputs)
      byPerson.set(input.personId, [...(byPerson.get(input.personId) ?? []), input]);
    const people = [...byPerson.keys()];
    for (let i = 0; i < people.length; i += NOTIFY_BATCH_PEOPLE) {
      const chunk = people.slice(i, i + NOTIFY_BATCH_PEOPLE);
      const now = deps.clock.now();
      const chunkResults = await deps.repo.withPeopleBudgets(chunk, now, async (batch) => {
        const mine = chunk.flatMap((id) => byPerson.get(id) ?? []);
        const out: typeof results = [];
        const existing = new Set<string>();
        for (const workspaceId of new Set(mine.map((m) => m.workspaceId)))
          for (const key of await batch.existingKeys(
            workspaceId,
            mine.filter((m) => m.workspaceId === workspaceId).map((m) => m.key),
          ))
            existing.add(`${workspaceId}:${key}`);
        const days = new Map<string, { start: Date; end: Date }>();
        const dayInZone = new Map<string, { start: Date; end: Date }>();
        for (const person of batch.people.values()) {
          // One local day per zone, not per person.
          let day = dayInZone.get(person.timeZone);
          if (!day) {
            day = localDay(now, person.timeZone);
            dayInZone.set(person.timeZone, day);
          }
          days.set(person.personId, day);
        }
        const counted = await batch.plannedCounts(days);
        const rows: NewDeliveryRow[] = [];
        const seen = new Set<string>();
        for (const input of mine) {
          const person = batch.people.get(input.personId);
          const id = `${input.workspaceId}:${input.key}`;
          if (!person || person.workspaceId !== input.workspaceId) {
            out.push({ key: input.key, created: false, decision: null });
            continue;
          }
          if (existing.has(id) || seen.has(id)) {
            out.push({ key: input.key, created: false, decision: { action: 'send' } });
            continue;
          }
          seen.add(id);
          const urgent = input.priority === 'URGENT';
          const countedToday = urgent ? 0 : (counted.get(person.personId) ?? 0);
          const decision = decide({ now, person, kind: input.kind, urgent, countedToday });
          if (!urgent && decision.action === 'send') counted.set(person.personId, countedToday + 1);
          const message =
            deps.addControls && !urgent
              ? deps.addControls(input.message, { key: input.key, kind: input.kind, locale: person.locale })
              : input.message;
          rows.push({
            workspaceId: input.workspaceId,
            key: input.key,
            kind: input.kind,
            priority: urgent ? 'URGENT' : 'NORMAL',
            recipientPersonId: input.personId,
            channelId: null,
            message,
            status: decision.action === 'send' ? 'QUEUED' : decision.action === 'hold' ? 'HELD' : 'CANCELLED',
            notBefore:
              decision.action === 'hold'
                ? decision.until
                : queuedNotBefore(urgent ? 'URGENT' : 'NORMAL', now),
            ...(decision.action === 'send' ? {} : { reason: decision.reason }),
          });
          out.push({ key: input.key, created: true, decision });
        }
        const inserted = await batch.insertMany(rows);
        const waiting = inserted > 0 && rows.some((row) => row.status !== 'CANCELLED');
        return { out, waiting };
      });
      // After the commit: the worker's pass then sees these rows.
      if (chunkResults.waiting) deps.wake.ring();
      results.push(...chunkResults.out);
    }
    return results;
  };
}

/**
 * The one way features DM a person: the notification budget, then the outbox. Idempotent
 * on key. Muted kinds are recorded as CANCELLED (so a retry stays a no-op); held ones wait
 * as HELD until the budget releases them into one "while you were away" DM.
 */
export function createNotify(deps: {
  repo: NotificationsRepository;
  clock: Clock;
  /** Rung after the transaction commits a new row to send (now, or when a held one is due). */
  wake: Pick<DeliveryWake, 'ring'>;
  addControls?: AddNotificationControls;
}): Notify {
  return async (input) => {
    const now = deps.clock.now();
    const urgent = input.priority === 'URGENT';
    const result = await deps.repo.withPersonBudget(input.personId, now, async (scope) => {
      const existing = await scope.findDelivery(input.key);
      if (existing) return { delivery: existing, created: false, decision: { action: 'send' } as const };
      const day = localDay(now, scope.person.timeZone);
      const countedToday = urgent ? 0 : await scope.countPlanned(day.start, day.end);
      const decision = decide({ now, person: scope.person, kind: input.kind, urgent, countedToday });
      const message =
        deps.addControls && !urgent
          ? deps.addControls(input.message, { key: input.key, kind: input.kind, locale: scope.person.locale })
          : input.message;
      const { delivery, created } = await scope.insert({
        workspaceId: input.workspaceId,
        key: input.key,
        kind: input.kind,
        priority: urgent ? 'URGENT' : 'NORMAL',
        recipientPersonId: input.personId,
        channelId: null,
        message,
        status: decision.action === 'send' ? 'QUEUED' : decision.action === 'hold' ? 'HELD' : 'CANCELLED',
        notBefore:
          decision.action === 'hold' ? decision.until : queuedNotBefore(urgent ? 'URGENT' : 'NORMAL', now),
        ...(decision.action === 'send' ? {} : { reason: decision.reason }),
      });
      return { delivery, created, decision };
    });
    if (!result) throw new Error(`cannot notify person ${input.personId}: no such person`);
    if (result.created && result.delivery.status !== 'CANCELLED') deps.wake.ring();
    if (
      result.delivery.workspaceId !== input.workspaceId ||
      result.delivery.recipientPersonId !== input.personId
    ) {
      throw new Error(`delivery key ${input.key} is already used for another recipient`);
    }
    return result;
  };
}
