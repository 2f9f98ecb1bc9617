import type { HomeView } from '@slack/types';
import { resolveLocale, translator } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { Logger } from '../../logger.js';
import type { HomeService } from '../../modules/home/home.service.js';
import type { Clock } from '../../modules/shared/clock.types.js';
import { homeView } from '../views/home.view.js';
import {
  createHomeSectionRegistry,
  type HomeSectionContext,
  type HomeSectionRegistry,
} from './home-sections.js';

/** How many people's "has opened Home" this process remembers (oldest forgotten first). */
const OPENED_MAX = 50_000;

export interface RenderedHome {
  workspaceId: string;
  slackUserId: string;
  view: HomeView;
}

/**
 * Builds each person's Home dashboard and remembers who has opened it. Used by the
 * app_home_opened listener (publishes with the request's client) and by the refresher
 * (publishes, paced, with the workspace's bulk client).
 */
export interface HomeTab {
  /** Features register or fill sections here. */
  sections: HomeSectionRegistry;
  /** The dashboard for a person, or null for nobody to show it to (unknown, deactivated, bot). */
  render(personId: string): Promise<RenderedHome | null>;
  noteOpened(workspaceId: string, slackUserId: string, personId: string): void;
  hasOpened(personId: string): boolean;
  /** The person id of someone who has opened Home, by Slack id (events carry Slack ids). */
  openedBy(workspaceId: string, slackUserId: string): string | undefined;
}

export function createHomeTab(deps: {
  service: HomeService;
  clock: Clock;
  logger: Logger;
  sections?: HomeSectionRegistry;
}): HomeTab {
  const sections = deps.sections ?? createHomeSectionRegistry();
  // Insertion-ordered, so the first key is the one opened longest ago.
  const opened = new Map<string, string>();
  const openedIds = new Set<string>();

  return {
    sections,

    async render(personId) {
      const dashboard = await deps.service.dashboardOf(personId);
      if (!dashboard) return null;
      const { person, roles, admin } = dashboard;
      const fallback: SupportedLocale = person.workspace.defaultLocale === 'zh-CN' ? 'zh-CN' : 'en';
      const locale = resolveLocale(person.locale, fallback);
      const t = translator(locale);
      const now = deps.clock.now();
      const context: HomeSectionContext = {
        workspaceId: person.workspaceId,
        personId: person.id,
        slackUserId: person.slackUserId,
        locale,
        timeZone: person.timeZone ?? person.workspace.defaultTimeZone,
        t,
        roles,
        now,
      };
      const visible = sections
        .list()
        .filter((section) => !section.roles || section.roles.some((role) => roles.includes(role)));
      // One failing provider costs its own section, not the whole tab.
      const loaded = await Promise.all(
        visible.map(async (section) => {
          try {
            return { ...section, lines: await section.load(context) };
          } catch (error) {
            deps.logger.warn(
              { err: error, section: section.id, personId },
              'a Home section could not be loaded',
            );
            return { ...section, lines: null };
          }
        }),
      );
      return {
        workspaceId: person.workspaceId,
        slackUserId: person.slackUserId,
        view: homeView(t, {
          person,
          memberships: person.memberships,
          roles,
          locale,
          timeZone: context.timeZone,
          now,
          sections: loaded,
          admin,
        }),
      };
    },

    noteOpened(workspaceId, slackUserId, personId) {
      const key = `${workspaceId}:${slackUserId}`;
      opened.delete(key);
      if (opened.size >= OPENED_MAX) {
        const oldest = opened.keys().next().value;
        if (oldest !== undefined) {
          const forgotten = opened.get(oldest);
          opened.delete(oldest);
          if (forgotten) openedIds.delete(forgotten);
        }
      }
      opened.set(key, personId);
      openedIds.add(personId);
    },

    hasOpened: (personId) => openedIds.has(personId),
    openedBy: (workspaceId, slackUserId) => opened.get(`${workspaceId}:${slackUserId}`),
  };
}
