import type { Database } from '../../../src/db/database.js';
import type { DirectoryPager } from '../../../src/modules/directory/directory.types.js';
import type { SlackProfile } from '../../../src/modules/people/person.types.js';
import type { Clock } from '../../../src/modules/shared/clock.types.js';
import { createWorkspaceSlackClients } from '../../../src/slack/workspace-clients.js';
import { buildDirectoryDeps } from '../../../src/wiring/directory.wiring.js';
import { buildNotificationsDeps } from '../../../src/wiring/notifications.wiring.js';
import { silent } from '../delivery/outbox-fixture.js';

/** The directory sync over a real database, with the real notify/outbox and messages. */
export function directoryOn(db: Database, clock: Clock) {
  const notifications = buildNotificationsDeps({ db, clock });
  const directory = buildDirectoryDeps({
    db,
    clock,
    logger: silent,
    notifications,
    slackClients: createWorkspaceSlackClients(),
  });
  return { ...directory, notifications };
}

export function slackPerson(index: number, overrides: Partial<SlackProfile> = {}): SlackProfile {
  const id = `U${String(index).padStart(6, '0')}`;
  return {
    slackUserId: id,
    displayName: `person-${index}`,
    realName: `Person ${index}`,
    email: `person.${index}@example.test`,
    timeZone: 'Europe/Paris',
    locale: 'en-US',
    isWorkspaceAdmin: false,
    isBot: false,
    deleted: false,
    ...overrides,
  };
}

/**
 * users.list as a list cut into pages; cursors are `c<offset>`. Records every cursor asked
 * for; `beforePage` runs first (to look at the database, or to fail like Slack can).
 */
export function listPager(
  profiles: readonly SlackProfile[],
  pageSize: number,
  beforePage?: (cursor: string | null, pageNumber: number) => Promise<void> | void,
) {
  const requested: (string | null)[] = [];
  const pager: DirectoryPager = {
    async page(cursor) {
      requested.push(cursor);
      const start = cursor ? Number(cursor.slice(1)) : 0;
      await beforePage?.(cursor, start / pageSize + 1);
      const end = start + pageSize;
      return { profiles: profiles.slice(start, end), nextCursor: end < profiles.length ? `c${end}` : null };
    },
  };
  return { pager, requested };
}

let teams = 0;

export async function createWorkspace(db: Database): Promise<string> {
  const workspace = await db.prisma.workspace.create({
    data: {
      slackTeamId: `TDIR${Date.now()}${teams++}`,
      name: 'Directory',
      defaultLocale: 'en',
      defaultTimeZone: 'UTC',
    },
    select: { id: true },
  });
  return workspace.id;
}
