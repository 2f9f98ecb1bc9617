import type { SupportedLocale } from '../../config/env.js';
import type { Database } from '../../db/database.js';
import { resolveLocale, translator } from '../../i18n/catalog.js';
import type { Logger } from '../../logger.js';
import type { Authorization } from '../../modules/access/authorization.service.js';
import {
  type ActionItemNotices,
  createActionItemNotices,
} from '../../modules/action-items/action-item-notices.service.js';
import { createActionItemsPrismaRepository } from '../../modules/action-items/action-items.prisma-repository.js';
import {
  type ActionItemsService,
  createActionItemsService,
} from '../../modules/action-items/action-items.service.js';
import type { CalendarFeature } from '../../modules/calendar/index.js';
import type { OpenItemsRegistry } from '../../modules/directory/open-items.js';
import type { Clock } from '../../modules/shared/clock.js';
import type { NotificationsSlackDeps } from '../delivery/notification-services.js';
import type { HomeSectionRegistry } from '../home/home-sections.js';
import { BLOCKS } from '../ids.js';
import { actionItemHomeLines, actionItemNoticeMessage } from '../views/action-items.view.js';

/** Builds the action-item service and its reminder pass (services.ts calls this). */
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

/**
 * Where action items show besides their own command: "My action items" on the Home tab,
 * and a deactivated owner's open items in the DM to their leads.
 */
export function registerActionItemSurfaces(input: {
  service: ActionItemsService;
  homeSections: HomeSectionRegistry;
  openItems: OpenItemsRegistry;
}): void {
  input.homeSections.provide(BLOCKS.home.actionItems, async ({ workspaceId, personId, t, locale }) =>
    actionItemHomeLines(await input.service.listForOwner(workspaceId, personId), t, locale),
  );
  input.openItems.register({
    kind: 'action_items.open',
    async listOpenFor({ workspaceId, personId }) {
      const items = await input.service.listForOwner(workspaceId, personId);
      return items.map((item) => ({
        title: { key: 'actionItems.openItem', params: { title: item.title, due: item.dueOn } },
      }));
    },
  });
}
