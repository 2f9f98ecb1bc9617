import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { createDirectoryPrismaRepository } from '../modules/directory/directory.prisma-repository.js';
import { createDirectoryService, type DirectoryService } from '../modules/directory/directory.service.js';
import {
  cancelledMessagesOpenItems,
  createOpenItemsRegistry,
  leadershipOpenItems,
  type OpenItemsRegistry,
} from '../modules/directory/open-items.service.js';
import type { Clock } from '../modules/shared/clock.types.js';
import {
  createDirectorySyncRunner,
  type DirectorySyncRunner,
} from '../slack/directory/directory-sync-runner.js';
import { createUsersListPagers, type UsersListPagers } from '../slack/directory/users-list-pager.js';
import { directoryMessages } from '../slack/views/directory.view.js';
import type { WorkspaceSlackClients } from '../slack/workspace-clients.js';
import type { NotificationsSlackDeps } from './notifications.wiring.js';

/** What listeners and jobs use: the sync service, its background runner, the open-items registry. */
export interface DirectorySlackDeps {
  service: DirectoryService;
  runner: DirectorySyncRunner;
  /** Features register where their open items live; a deactivated person's leads see them. */
  openItems: OpenItemsRegistry;
}

/** Builds the directory sync over one database (build-slack-deps.ts calls this). */
export function buildDirectoryDeps(input: {
  db: Database;
  clock: Clock;
  logger: Logger;
  notifications: Pick<NotificationsSlackDeps, 'notify' | 'delivery'>;
  slackClients: WorkspaceSlackClients;
  pagers?: UsersListPagers;
}): DirectorySlackDeps {
  const repo = createDirectoryPrismaRepository(input.db.prisma);
  const openItems = createOpenItemsRegistry([leadershipOpenItems(repo), cancelledMessagesOpenItems(repo)]);
  const logger = input.logger.child({ component: 'directory' });
  const service = createDirectoryService({
    repo,
    clock: input.clock,
    notify: input.notifications.notify,
    enqueue: input.notifications.delivery.enqueue,
    messages: directoryMessages,
    openItems,
    onError: (error, context) => logger.error({ err: error, ...context }, 'directory step failed'),
  });
  const runner = createDirectorySyncRunner({
    service,
    clients: input.slackClients,
    pagers: input.pagers ?? createUsersListPagers(),
    logger,
  });
  return { service, runner, openItems };
}
