import {
  type DeliveryDto,
  type DeliveryMessage,
  type DeliveryPriority,
  queuedNotBefore,
} from '../delivery/delivery.types.js';
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

/**
 * The one way features DM a person: the notification budget, then the outbox. Idempotent
 * on key. Muted kinds are recorded as CANCELLED (so a retry stays a no-op); held ones wait
 * as HELD until the budget releases them into one "while you were away" DM.
 */
export function createNotify(deps: {
  repo: NotificationsRepository;
  clock: Clock;
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
    if (
      result.delivery.workspaceId !== input.workspaceId ||
      result.delivery.recipientPersonId !== input.personId
    ) {
      throw new Error(`delivery key ${input.key} is already used for another recipient`);
    }
    return result;
  };
}
