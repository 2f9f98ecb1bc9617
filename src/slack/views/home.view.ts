import type { HomeView, KnownBlock } from '@slack/types';
import type { MessageKey, Translate } from '../../i18n/catalog.js';
import { formatDateTime } from '../../i18n/format.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { WorkspaceRole } from '../../modules/access/access.types.js';
import type { AdminSummary } from '../../modules/home/home.types.js';
import type { MembershipDto } from '../../modules/people/person.types.js';
import { BLOCKS } from '../ids.js';
import { escapeMrkdwn } from './escape.js';
import { departmentLines } from './person-summary.js';

/** App Home allows 100 blocks. */
export const HOME_MAX_BLOCKS = 100;
/** Lines shown per section; the rest are counted ("…and 4 more"). */
export const HOME_SECTION_MAX_LINES = 8;
const SECTION_TEXT_MAX = 3000;
const HEADER_TEXT_MAX = 150;

export interface HomeViewSection {
  id: string;
  titleKey: MessageKey;
  emptyKey: MessageKey;
  /** What the provider returned (escaped mrkdwn), or null when it failed. */
  lines: readonly string[] | null;
}

export interface HomeViewInput {
  person: { displayName: string; realName: string | null };
  memberships: MembershipDto[];
  roles: readonly WorkspaceRole[];
  locale: SupportedLocale;
  timeZone: string;
  now: Date;
  sections: readonly HomeViewSection[];
  admin: AdminSummary | null;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function sectionText(t: Translate, section: HomeViewSection): string {
  const title = `*${t(section.titleKey)}*`;
  if (section.lines === null) return `${title}\n${t('home.unavailable')}`;
  if (section.lines.length === 0) return `${title}\n${t(section.emptyKey)}`;
  const shown = section.lines.slice(0, HOME_SECTION_MAX_LINES);
  const rest = section.lines.length - shown.length;
  const body = [...shown, ...(rest > 0 ? [t('home.more', { count: rest })] : [])].join('\n');
  return clip(`${title}\n${body}`, SECTION_TEXT_MAX);
}

function formatWhen(_t: Translate, at: Date, input: Pick<HomeViewInput, 'timeZone' | 'locale'>): string {
  return formatDateTime(at, input.locale, input.timeZone);
}

function adminBlock(t: Translate, admin: AdminSummary, input: HomeViewInput): KnownBlock {
  const sync = admin.lastDirectorySync;
  const status = sync?.status;
  const statusText =
    status === 'RUNNING' || status === 'SUCCEEDED' || status === 'FAILED'
      ? t(`home.admin.syncStatus.${status}`)
      : escapeMrkdwn(status ?? '');
  return {
    type: 'section',
    block_id: BLOCKS.home.admin,
    text: { type: 'mrkdwn', text: `*${t('home.admin.title')}*` },
    fields: [
      { type: 'mrkdwn', text: t('home.admin.departments', { count: admin.departments }) },
      { type: 'mrkdwn', text: t('home.admin.people', { count: admin.activePeople }) },
      {
        type: 'mrkdwn',
        text: sync
          ? t('home.admin.lastSync', {
              when: formatWhen(t, sync.finishedAt ?? sync.startedAt, input),
              status: statusText,
            })
          : t('home.admin.neverSynced'),
      },
    ],
  };
}

/**
 * The App Home tab, each person's dashboard: who they are here (departments, roles), then
 * the registered sections in order (each its content or its empty state), then a short
 * block for admins. Stays under Slack's 100 blocks whatever the providers return.
 */
export function homeView(t: Translate, input: HomeViewInput): HomeView {
  const name = input.person.realName ?? input.person.displayName;
  const departments = departmentLines(input.memberships, input.locale, t);
  const head: KnownBlock[] = [
    {
      type: 'header',
      block_id: BLOCKS.home.header,
      text: { type: 'plain_text', text: clip(t('home.title', { name }), HEADER_TEXT_MAX) },
    },
    { type: 'section', block_id: BLOCKS.home.intro, text: { type: 'mrkdwn', text: t('home.intro') } },
    {
      type: 'section',
      block_id: BLOCKS.home.departments,
      text: {
        type: 'mrkdwn',
        text: departments ? t('whoami.departments', { departments }) : t('whoami.noDepartments'),
      },
    },
    {
      type: 'context',
      block_id: BLOCKS.home.roles,
      elements: [
        {
          type: 'mrkdwn',
          text: t('home.roles', {
            roles: input.roles.map((role) => t(`access.roleNames.${role}`)).join(' · '),
          }),
        },
      ],
    },
    { type: 'divider' },
  ];
  const tail: KnownBlock[] = [
    ...(input.admin ? [{ type: 'divider' } as KnownBlock, adminBlock(t, input.admin, input)] : []),
    { type: 'divider' },
    {
      type: 'context',
      block_id: BLOCKS.home.help,
      elements: [
        { type: 'mrkdwn', text: t('home.tryHelp') },
        { type: 'mrkdwn', text: t('home.updated', { when: formatWhen(t, input.now, input) }) },
      ],
    },
  ];
  const room = HOME_MAX_BLOCKS - head.length - tail.length;
  const sections: KnownBlock[] = input.sections.slice(0, room).map((section) => ({
    type: 'section',
    block_id: section.id,
    text: { type: 'mrkdwn', text: sectionText(t, section) },
  }));
  return { type: 'home', blocks: [...head, ...sections, ...tail] };
}
