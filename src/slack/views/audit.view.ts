import type { KnownBlock } from '@slack/types';
import type { MessageKey, Translate } from '../../i18n/catalog.js';
import { formatDateTime } from '../../i18n/format.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { AuditEntryDto } from '../../modules/audit/audit-log.repository.js';
import { userMention } from './departments.view.js';
import { escapeMrkdwn } from './escape.js';

/** block_ids of the audit message (tests find blocks by these). */
export const AUDIT_BLOCKS = {
  header: 'audit.header',
  intro: 'audit.intro',
  empty: 'audit.empty',
  entry: (index: number) => `audit.entry.${index}`,
  hint: 'audit.hint',
} as const;

/** Actions people read in words; any other is shown as stored. */
const ACTION_WORDS: Record<string, MessageKey> = {
  'department.created': 'audit.actions.departmentCreated',
  'department.renamed': 'audit.actions.departmentRenamed',
  'department.description_changed': 'audit.actions.departmentDescriptionChanged',
  'department.channel_changed': 'audit.actions.departmentChannelChanged',
  'department.language_changed': 'audit.actions.departmentLanguageChanged',
  'department.archived': 'audit.actions.departmentArchived',
  'department.unarchived': 'audit.actions.departmentUnarchived',
  'department.member_added': 'audit.actions.departmentMemberAdded',
  'department.role_changed': 'audit.actions.departmentRoleChanged',
  'department.member_removed': 'audit.actions.departmentMemberRemoved',
  'person.created': 'audit.actions.personCreated',
  'person.updated': 'audit.actions.personUpdated',
  'person.admin_granted': 'audit.actions.personAdminGranted',
  'person.admin_revoked': 'audit.actions.personAdminRevoked',
  'authorization.refused': 'audit.actions.authorizationRefused',
  'workspace.demo_seeded': 'audit.actions.workspaceDemoSeeded',
};

const VALUE_MAX = 40;
const DIFF_MAX = 300;

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One value, short and inert (user ids we stored become mentions). */
function shown(key: string, value: unknown): string {
  if (value === undefined || value === null) return '∅';
  if (key === 'slackUserId' && typeof value === 'string') return userMention(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return escapeMrkdwn(truncate(text, VALUE_MAX));
}

/** `role: MEMBER→LEAD, slackUserId=<@U…>`: changed keys as before→after, the others as they are. */
export function compactDiff(before: unknown, after: unknown): string {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === undefined && after === undefined) return '';
    return `${shown('', before)}→${shown('', after)}`;
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  // Who first (PostgreSQL's jsonb keeps keys in its own order, not the order written).
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(
    (x, y) => Number(y === 'slackUserId') - Number(x === 'slackUserId'),
  );
  const parts = keys.map((key) => {
    const same = JSON.stringify(a[key]) === JSON.stringify(b[key]);
    if (same || !(key in b)) return `${escapeMrkdwn(key)}=${shown(key, a[key])}`;
    if (!(key in a)) return `${escapeMrkdwn(key)}=${shown(key, b[key])}`;
    return `${escapeMrkdwn(key)}: ${shown(key, b[key])}→${shown(key, a[key])}`;
  });
  // Cut at a part boundary so a mention is never split.
  const kept: string[] = [];
  let length = 0;
  for (const part of parts) {
    if (length + part.length > DIFF_MAX) {
      kept.push('…');
      break;
    }
    kept.push(part);
    length += part.length + 2;
  }
  return kept.join(', ');
}

export function formatAuditTime(at: Date, zone: string, locale: SupportedLocale): string {
  return formatDateTime(at, locale, zone);
}

function objectText(entry: AuditEntryDto): string {
  if (entry.objectLabel?.kind === 'department') return `\`${escapeMrkdwn(entry.objectLabel.key)}\``;
  if (entry.objectLabel?.kind === 'person') return userMention(entry.objectLabel.slackUserId);
  return `\`${escapeMrkdwn(truncate(`${entry.objectType}:${entry.objectId}`, 60))}\``;
}

function entryText(t: Translate, locale: SupportedLocale, zone: string, entry: AuditEntryDto): string {
  const wording = ACTION_WORDS[entry.action];
  const line = t('audit.line', {
    time: formatAuditTime(entry.at, zone, locale),
    actor: entry.actorSlackId ? userMention(entry.actorSlackId) : t('common.appName'),
    action: wording ? t(wording) : escapeMrkdwn(entry.action),
    object: objectText(entry),
  });
  const diff = compactDiff(entry.before, entry.after);
  return diff ? `${line}\n>${diff}` : line;
}

/** `/liaison audit [object]`: the latest entries, newest first, in the reader's zone and language. */
export function auditMessage(
  t: Translate,
  locale: SupportedLocale,
  input: { entries: readonly AuditEntryDto[]; zone: string; object: string | null },
): { text: string; blocks: KnownBlock[] } {
  const { entries, zone, object } = input;
  const title = object ? t('audit.titleFiltered', { object: truncate(object, 80) }) : t('audit.title');
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: AUDIT_BLOCKS.header, text: { type: 'plain_text', text: title } },
    {
      type: 'context',
      block_id: AUDIT_BLOCKS.intro,
      elements: [
        { type: 'mrkdwn', text: t('audit.intro', { count: entries.length, zone: escapeMrkdwn(zone) }) },
      ],
    },
  ];
  if (entries.length === 0)
    blocks.push({
      type: 'section',
      block_id: AUDIT_BLOCKS.empty,
      text: { type: 'mrkdwn', text: t('audit.empty') },
    });
  entries.forEach((entry, index) => {
    blocks.push({
      type: 'section',
      block_id: AUDIT_BLOCKS.entry(index),
      text: { type: 'mrkdwn', text: entryText(t, locale, zone, entry).slice(0, 3000) },
    });
  });
  blocks.push({
    type: 'context',
    block_id: AUDIT_BLOCKS.hint,
    elements: [{ type: 'mrkdwn', text: t('audit.hint') }],
  });
  return { text: t('audit.fallback', { count: entries.length }), blocks };
}
