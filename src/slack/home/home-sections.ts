import type { MessageKey, Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { WorkspaceRole } from '../../modules/access/access.types.js';

/** What a section provider knows about the reader. */
export interface HomeSectionContext {
  workspaceId: string;
  personId: string;
  slackUserId: string;
  locale: SupportedLocale;
  /** The reader's zone (theirs, else the workspace's): show every time in it. */
  timeZone: string;
  t: Translate;
  roles: readonly WorkspaceRole[];
  now: Date;
}

/**
 * A section's content: mrkdwn lines, user text already escaped (src/slack/views/escape.ts).
 * No lines shows the section's empty state. The view shows the first few and counts the rest.
 */
export type HomeSectionLoader = (context: HomeSectionContext) => Promise<readonly string[]>;

export interface HomeSection {
  /** Also its block_id on the Home tab. */
  id: string;
  titleKey: MessageKey;
  /** Shown when the loader has nothing: says what will appear here, and when. */
  emptyKey: MessageKey;
  /** Only readers holding one of these roles see it; everyone when absent. */
  roles?: readonly WorkspaceRole[];
  load: HomeSectionLoader;
}

/**
 * The sections of the Home tab, in order. Each feature registers its own
 * (`Feature.home`, src/features/feature-registry.ts): a section exists only when a feature
 * that fills it does.
 */
export interface HomeSectionRegistry {
  /** Adds a new section after the existing ones. */
  register(section: HomeSection): void;
  /** Gives an existing section other content (replaces the loader). */
  provide(id: string, load: HomeSectionLoader): void;
  list(): readonly HomeSection[];
}

export function createHomeSectionRegistry(initial: readonly HomeSection[] = []): HomeSectionRegistry {
  const sections: HomeSection[] = [];
  const registry: HomeSectionRegistry = {
    register(section) {
      if (sections.some((existing) => existing.id === section.id))
        throw new Error(`a Home section with id ${section.id} is already registered`);
      sections.push(section);
    },
    provide(id, load) {
      const index = sections.findIndex((section) => section.id === id);
      const current = sections[index];
      if (!current) throw new Error(`no Home section ${id} to provide content for`);
      sections[index] = { ...current, load };
    },
    list: () => [...sections],
  };
  for (const section of initial) registry.register(section);
  return registry;
}
