import type { Database } from '../db/database.js';
import { notificationKindsOf } from '../features/feature-registry.js';
import { FEATURES } from '../features/features.js';
import type { Logger } from '../logger.js';
import type { DeliverySender, WorkspaceSenders } from '../modules/delivery/delivery.ports.types.js';
import { createDeliveryPrismaRepository } from '../modules/delivery/delivery.prisma-repository.js';
import { createDeliveryService, type DeliveryService } from '../modules/delivery/delivery.service.js';
import { createDeliveryWake, type DeliveryWake } from '../modules/delivery/delivery-wake.js';
import {
  createDeliveryWorker,
  type DeliveryWorker,
  type DeliveryWorkerOptions,
} from '../modules/delivery/delivery-worker.service.js';
import { createHeldRelease } from '../modules/notifications/held-release.service.js';
import {
  createNotificationSettingsService,
  type NotificationSettingsService,
} from '../modules/notifications/notification-settings.service.js';
import { createNotificationsPrismaRepository } from '../modules/notifications/notifications.prisma-repository.js';
import {
  createNotify,
  createNotifyMany,
  type Notify,
  type NotifyMany,
} from '../modules/notifications/notify.service.js';
import type { Clock } from '../modules/shared/clock.types.js';
import { addNotificationControls } from '../slack/views/notifications-controls.view.js';
import { notificationDigestMessage } from '../slack/views/notifications-digest.view.js';

/** What listeners use: settings commands, buttons, and `notify` for features. */
export interface NotificationsSlackDeps {
  settings: NotificationSettingsService;
  notify: Notify;
  /** `notify` for a batch (check-in prompts to thousands of owners): the same budget, a few queries. */
  notifyMany: NotifyMany;
  delivery: DeliveryService;
  /** The budget's batching step; the worker runs it before each pass. */
  releaseHeld: (now?: Date) => Promise<number>;
  /** Rung by `notify`, `notifyMany` and `delivery.enqueue` when they queue a row; wakes the worker loop. */
  deliveryWake: DeliveryWake;
}

/** Builds the delivery and notification services over one database (build-slack-deps.ts calls this). */
export function buildNotificationsDeps(input: {
  db: Database;
  clock: Clock;
  /** The kinds a person may mute: every feature's (src/features) unless a test says otherwise. */
  kinds?: readonly string[];
}): NotificationsSlackDeps {
  const { db, clock } = input;
  const deliveryRepo = createDeliveryPrismaRepository(db.prisma);
  const notificationsRepo = createNotificationsPrismaRepository(db.prisma);
  const wake = createDeliveryWake();
  const delivery = createDeliveryService({ repo: deliveryRepo, clock, wake });
  const notify = createNotify({ repo: notificationsRepo, clock, wake, addControls: addNotificationControls });
  return {
    notify,
    notifyMany: createNotifyMany({
      repo: notificationsRepo,
      clock,
      wake,
      addControls: addNotificationControls,
    }),
    delivery,
    deliveryWake: wake,
    settings: createNotificationSettingsService({
      repo: notificationsRepo,
      clock,
      notify,
      findDelivery: delivery.findByKey,
      kinds: input.kinds ?? notificationKindsOf(FEATURES),
    }),
    releaseHeld: createHeldRelease({
      repo: notificationsRepo,
      clock,
      composeDigest: notificationDigestMessage,
    }),
  };
}

/**
 * The outbox worker over the same database; `sender` is the paced bulk Slack sender, or
 * one per workspace (src/slack/delivery/workspace-senders.ts).
 */
export function buildDeliveryWorker(input: {
  db: Database;
  clock: Clock;
  logger: Logger;
  sender: DeliverySender | WorkspaceSenders;
  notifications: Pick<NotificationsSlackDeps, 'releaseHeld'>;
  options?: DeliveryWorkerOptions;
}): DeliveryWorker {
  return createDeliveryWorker({
    repo: createDeliveryPrismaRepository(input.db.prisma),
    sender: input.sender,
    clock: input.clock,
    logger: input.logger.child({ component: 'delivery' }),
    releaseHeld: input.notifications.releaseHeld,
    ...(input.options ? { options: input.options } : {}),
  });
}
