import type { Database } from '../db/database.js';
import { resolveLocale, translator } from '../i18n/catalog.js';
import type { SupportedLocale } from '../i18n/locales.js';
import type { Logger } from '../logger.js';
import type { Authorization } from '../modules/access/authorization.service.js';
import {
  type ActionItemNotices,
  createActionItemNotices,
} from '../modules/action-items/action-item-notices.service.js';
import { createActionItemsPrismaRepository } from '../modules/action-items/action-items.prisma-repository.js';
import {
  type ActionItemsService,
  createActionItemsService,
} from '../modules/action-items/action-items.service.js';
import type { CalendarFeature } from '../modules/calendar/index.js';
import type { Clock } from '../modules/shared/clock.types.js';
import { actionItemNoticeMessage } from '../slack/views/action-items.view.js';
import type { NotificationsSlackDeps } from './notifications.wiring.js';

/** Builds the action-item service and its reminder pass (build-slack-deps.ts calls this). */
export function buildActionItemsDeps(input: {
  db: Database;
  clock: Clock;
  logger: Logger;
  authorization: Authorization;
  calendar: CalendarFeature;
  notifications: Pick<NotificationsSlackDeps, 'notify'>;
  defaultLocale: SupportedLocale;
  /** Read at call time (main.ts or a test may replace the refresher). */
  requestHomeRefresh: (workspaceId: string, personIds: string[]) => void;
}): { service: ActionItemsService; notices: ActionItemNotices } {
  const repo = createActionItemsPrismaRepository(input.db.prisma);
  const workingTimeProfileFor = (personId: string) =>
    input.calendar.calendars.workingTimeProfileFor(personId);
  const logger = input.logger.child({ component: 'action-items' });
  const service = createActionItemsService({
    repo,
    clock: input.clock,
    authorization: input.authorization,
    workingTimeProfileFor,
    onChanged: input.requestHomeRefresh,
  });
  const notices = createActionItemNotices({
    repo,
    clock: input.clock,
    notify: input.notifications.notify,
    workingTimeProfileFor,
    message: (kind, item) => {
      const locale = resolveLocale(item.owner.locale, input.defaultLocale);
      return actionItemNoticeMessage(kind, item, translator(locale), locale);
    },
    onChanged: input.requestHomeRefresh,
    onError: (error, itemId) => logger.error({ err: error, itemId }, 'could not send an action-item notice'),
  });
  return { service, notices };
}
