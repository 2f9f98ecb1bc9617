import type { KnownBlock } from '@slack/types';
import { type MessageKey, type Translate, translator } from '../../i18n/catalog.js';
import { formatDateTime, localeOfTranslator } from '../../i18n/format.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type {
  BeginOutcome,
  DirectoryMessages,
  OpenItem,
  SyncRunDto,
} from '../../modules/directory/directory.types.js';
import { escapeMrkdwn } from './escape.js';

export const DIRECTORY_BLOCKS = {
  flag: 'directory.flag',
  flagItems: 'directory.flag_items',
  summary: 'directory.summary',
  status: 'directory.status',
} as const;

/** Slack caps section text at 3,000 characters: list what fits, count the rest. */
const MAX_ITEMS_TEXT = 2_800;
const ERROR_SHOWN_MAX = 200;

function localeOf(locale: string): SupportedLocale {
  return locale === 'zh-CN' ? 'zh-CN' : 'en';
}

function section(blockId: string, text: string): KnownBlock {
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text } };
}

export function formatDuration(t: Translate, ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes > 0
    ? t('directory.duration.minutes', { minutes, seconds })
    : t('directory.duration.seconds', { seconds });
}

function formatWhen(t: Translate, at: Date, timeZone: string): string {
  return formatDateTime(at, localeOfTranslator(t), timeZone);
}

/** Only web links, and nothing that could close Slack's `<url|label>` early. */
function safeLink(link: string | undefined): string | undefined {
  return link && /^https?:\/\/[^\s<>|]+$/.test(link) ? link : undefined;
}

export function openItemText(t: Translate, locale: SupportedLocale, item: OpenItem): string {
  let text: string;
  if ('text' in item.title) {
    text = escapeMrkdwn(item.title.text);
  } else {
    const params = Object.fromEntries(
      Object.entries(item.title.params ?? {}).map(([name, value]) => [
        name,
        typeof value === 'object'
          ? escapeMrkdwn(locale === 'zh-CN' ? value.zh : value.en)
          : typeof value === 'string'
            ? escapeMrkdwn(value)
            : value,
      ]),
    );
    text = t(item.title.key, params);
  }
  const link = safeLink(item.link);
  return link ? `<${link}|${text}>` : text;
}

/** The DMs the directory sync sends, in the reader's language. */
export const directoryMessages: DirectoryMessages = {
  deactivationFlag(locale, flag) {
    const language = localeOf(locale);
    const t = translator(language);
    const name = escapeMrkdwn(flag.person.name);
    const lines = [t('directory.flag.deactivated', { name })];
    if (flag.memberships.length > 0) {
      const roles = flag.memberships
        .map((m) =>
          t('directory.flag.roleOf', {
            role: t(`roles.${m.role}` as MessageKey),
            department: escapeMrkdwn(language === 'zh-CN' ? m.name.zh : m.name.en),
          }),
        )
        .join(t('directory.flag.separator'));
      lines.push(t('directory.flag.roles', { roles }));
    }
    const items: string[] = [];
    let length = 0;
    for (const item of flag.items) {
      const line = `• ${openItemText(t, language, item)}`;
      if (length + line.length > MAX_ITEMS_TEXT) break;
      items.push(line);
      length += line.length + 1;
    }
    const itemsText =
      flag.items.length === 0
        ? t('directory.flag.noOpenItems')
        : [t('directory.flag.openItems'), ...items].join('\n');
    return {
      text: t('directory.flag.fallback', { name: flag.person.name }),
      blocks: [
        // Chinese sentences follow each other without a space.
        section(DIRECTORY_BLOCKS.flag, lines.join(language === 'zh-CN' ? '' : ' ')),
        section(DIRECTORY_BLOCKS.flagItems, itemsText),
      ],
    };
  },

  syncSummary(locale, { run, notListed }) {
    const t = translator(localeOf(locale));
    const duration = formatDuration(t, (run.finishedAt ?? run.startedAt).getTime() - run.startedAt.getTime());
    const counts = {
      seen: run.seen,
      created: run.created,
      updated: run.updated,
      deactivated: run.deactivated,
    };
    if (run.status === 'FAILED') {
      const error = escapeMrkdwn((run.error ?? '').slice(0, ERROR_SHOWN_MAX));
      return {
        text: t('directory.summary.failedFallback', { error }),
        blocks: [
          section(DIRECTORY_BLOCKS.summary, t('directory.summary.failed', { pages: run.pages, error })),
        ],
      };
    }
    const lines = [t('directory.summary.succeeded', { ...counts, duration })];
    if (notListed > 0) lines.push(t('directory.summary.notListed', { count: notListed }));
    return {
      text: t('directory.summary.fallback', counts),
      blocks: [section(DIRECTORY_BLOCKS.summary, lines.join('\n'))],
    };
  },
};

/** The private answer to `/liaison sync`, given at once (the sync goes on in the background). */
export function syncStartedMessage(
  t: Translate,
  outcome: BeginOutcome | { kind: 'not_installed' },
  timeZone: string,
): { text: string } {
  switch (outcome.kind) {
    case 'started':
      return { text: t('directory.sync.started') };
    case 'resumed':
      return { text: t('directory.sync.resumed', { pages: outcome.run.pages }) };
    case 'busy':
      return {
        text: t('directory.sync.busy', {
          started: formatWhen(t, outcome.run.startedAt, timeZone),
          pages: outcome.run.pages,
        }),
      };
    case 'not_installed':
      return { text: t('directory.sync.notInstalled') };
  }
}

/** `/liaison sync status`: the last run, times in the reader's zone. */
export function syncStatusMessage(
  t: Translate,
  run: SyncRunDto | null,
  timeZone: string,
): { text: string; blocks: KnownBlock[] } {
  let text: string;
  if (!run) {
    text = t('directory.status.none');
  } else if (run.status === 'RUNNING') {
    text = t('directory.status.running', {
      pages: run.pages,
      seen: run.seen,
      started: formatWhen(t, run.startedAt, timeZone),
    });
  } else if (run.status === 'FAILED') {
    text = t('directory.status.failed', {
      finished: formatWhen(t, run.finishedAt ?? run.startedAt, timeZone),
      pages: run.pages,
      error: escapeMrkdwn((run.error ?? '').slice(0, ERROR_SHOWN_MAX)),
    });
  } else {
    const finishedAt = run.finishedAt ?? run.startedAt;
    text = t('directory.status.succeeded', {
      finished: formatWhen(t, finishedAt, timeZone),
      duration: formatDuration(t, finishedAt.getTime() - run.startedAt.getTime()),
      seen: run.seen,
      created: run.created,
      updated: run.updated,
      deactivated: run.deactivated,
    });
  }
  const full = `${text}\n${t('directory.status.daily')}`;
  return { text: full, blocks: [section(DIRECTORY_BLOCKS.status, full)] };
}
