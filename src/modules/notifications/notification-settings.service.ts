import type { Actor } from '../access/access.types.js';
import type { DeliveryDto } from '../delivery/delivery.types.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import { parseQuietHours, parseSnoozeUntil } from './notification-input.rules.js';
import type { NotificationsRepository } from './notifications.repository.js';
import type { BudgetPerson, QuietHours } from './notifications.types.js';
import type { Notify } from './notify.service.js';

const SNOOZE_BUTTON_MS = 60 * 60_000;

/** Who is changing their own settings (always the person themselves), in their time zone. */
type ZonedActor = Actor & { timeZone: string };

export interface NotificationSettingsService {
  settingsOf(personId: string): Promise<BudgetPerson>;
  /** `21:30-08:00` or `off`; returns what is now in force (null = off). */
  setQuietHours(actor: ZonedActor, text: string): Promise<QuietHours | null>;
  mute(actor: ZonedActor, kind: string): Promise<string>;
  unmute(actor: ZonedActor, kind: string): Promise<{ kind: string; wasMuted: boolean }>;
  /** Every notification waits until then (`30m`, `2h`, `until 14:00`, `until 2026-12-01 09:00`). */
  snoozeAll(actor: ZonedActor, text: string): Promise<Date>;
  /** The "Snooze 1 hour" button: this kind waits an hour and this notification comes back then. */
  snoozeNotification(actor: ZonedActor, deliveryKey: string): Promise<{ until: Date; delivery: DeliveryDto }>;
  /** The "Mute this kind" button. */
  muteNotification(actor: ZonedActor, deliveryKey: string): Promise<{ kind: string; delivery: DeliveryDto }>;
}

function kindError(known: readonly string[], code: string, kind: string, verb: string): DomainError {
  const kinds = known.map((k) => `\`${k}\``).join(', ');
  return kind
    ? new DomainError(
        code,
        { key: 'notifications.errors.unknownKind', params: { kind, kinds } },
        { detail: kind },
      )
    : new DomainError(code, { key: 'notifications.errors.muteUsage', params: { verb, kinds } });
}

export function createNotificationSettingsService(deps: {
  repo: NotificationsRepository;
  clock: Clock;
  notify: Notify;
  findDelivery: (workspaceId: string, key: string) => Promise<DeliveryDto | null>;
  /** The kinds a person may mute: every feature declares its own (src/features). */
  kinds: readonly string[];
}): NotificationSettingsService {
  const { repo, clock } = deps;
  const isKnownKind = (kind: string) => deps.kinds.includes(kind);

  async function ownDelivery(actor: ZonedActor, key: string): Promise<DeliveryDto> {
    const delivery = await deps.findDelivery(actor.workspaceId, key);
    if (!delivery) {
      throw new DomainError(
        'notifications.unknown_notification',
        { key: 'notifications.errors.unknownNotification' },
        { detail: `no delivery ${key} in workspace ${actor.workspaceId}` },
      );
    }
    // The button travels in a DM, but its value is only trusted as far as the signed user id.
    if (delivery.recipientPersonId !== actor.personId) {
      throw new DomainError(
        'notifications.not_yours',
        { key: 'notifications.errors.notYours' },
        { detail: `person ${actor.personId} pressed a button on delivery ${key}` },
      );
    }
    return delivery;
  }

  return {
    async settingsOf(personId) {
      const person = await repo.settingsOf(personId, clock.now());
      if (!person) throw new Error(`no person ${personId}`);
      return person;
    },

    async setQuietHours(actor, text) {
      const quiet = parseQuietHours(text);
      await repo.setQuietHours(actor, quiet);
      return quiet;
    },

    async mute(actor, kind) {
      if (!isKnownKind(kind)) throw kindError(deps.kinds, 'notifications.unknown_kind', kind, 'mute');
      await repo.mute(actor, kind);
      return kind;
    },

    async unmute(actor, kind) {
      if (!isKnownKind(kind)) throw kindError(deps.kinds, 'notifications.unknown_kind', kind, 'unmute');
      return { kind, wasMuted: await repo.unmute(actor, kind) };
    },

    async snoozeAll(actor, text) {
      const until = parseSnoozeUntil(text, clock.now(), actor.timeZone);
      await repo.snooze(actor, { kind: null, until });
      return until;
    },

    async snoozeNotification(actor, deliveryKey) {
      const delivery = await ownDelivery(actor, deliveryKey);
      const until = new Date(clock.now().getTime() + SNOOZE_BUTTON_MS);
      await repo.snooze(actor, { kind: delivery.kind, until });
      // The same message again, held by the snooze just recorded; pressing twice is one copy.
      await deps.notify({
        workspaceId: actor.workspaceId,
        personId: actor.personId,
        kind: delivery.kind,
        key: `${delivery.key}:snoozed`,
        message: delivery.message,
      });
      return { until, delivery };
    },

    async muteNotification(actor, deliveryKey) {
      const delivery = await ownDelivery(actor, deliveryKey);
      await repo.mute(actor, delivery.kind);
      return { kind: delivery.kind, delivery };
    },
  };
}
