import { createPacedWorkspaceQueue, type PacingOptions } from '../delivery/paced-workspace-queue.js';
import type { BucketRule } from '../delivery/token-bucket.js';
import type { HomeRefresher } from './home-refresher.js';
import type { HomeTab } from './home-tab.js';

/**
 * views.publish is Tier 4 (100+ per minute per workspace). Refreshes go evenly spaced at
 * that floor, no burst of our own: publishes answering app_home_opened share Slack's
 * budget and keep the headroom.
 */
export const HOME_PUBLISH_RATE: BucketRule = { perMinute: 100, burst: 1 };

/**
 * Keeps Home tabs current after changes. Requests coalesce per person (a burst of changes
 * is one publish of the state after them), publishes are paced per workspace by a token
 * bucket, a 429 pauses that workspace for Retry-After and the person is tried again.
 * Only people who have opened Home since this process started are refreshed: everyone
 * else gets a fresh dashboard from app_home_opened when they next look.
 */
export function createPacedHomeRefresher(
  deps: PacingOptions & { homeTab: Pick<HomeTab, 'render' | 'hasOpened'> },
): HomeRefresher {
  // Changes within the coalescing window (250 ms by default) are one publish per person.
  const queue = createPacedWorkspaceQueue(deps, {
    defaultRate: HOME_PUBLISH_RATE,
    // One publish per person: take the person only once a token is ours, so requests
    // meanwhile still coalesce.
    tokenPerKey: true,
    async process(client, personId) {
      const rendered = await deps.homeTab.render(personId);
      if (rendered) await client.views.publish({ user_id: rendered.slackUserId, view: rendered.view });
    },
    log: {
      keyField: 'personId',
      loopFailed: 'Home refresh loop failed',
      noClient: 'no Slack client for the workspace; Home not refreshed',
      retrying: 'Home refresh will be retried',
      gaveUp: 'could not refresh a Home tab',
    },
  });

  return {
    requestRefresh(workspaceId, personIds) {
      const wanted = personIds.filter((personId) => deps.homeTab.hasOpened(personId));
      if (wanted.length > 0) queue.request(workspaceId, wanted);
    },
    settled: () => queue.settled(),
  };
}
