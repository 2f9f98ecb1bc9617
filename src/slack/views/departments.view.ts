import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type {
  DepartmentChange,
  DepartmentDto,
  DepartmentEditResult,
  DepartmentFields,
  DepartmentWithMembers,
} from '../../modules/departments/departments.types.js';
import type { Role } from '../../modules/people/person.types.js';
import { escapeMrkdwn } from './escape.js';
import { departmentName } from './person-summary.js';

/** block_ids of department messages (tests find blocks by these). */
export const DEPARTMENTS_BLOCKS = {
  header: 'departments.header',
  empty: 'departments.empty',
  item: (key: string) => `departments.item.${key}`,
  more: 'departments.more',
  hint: 'departments.hint',
  result: 'departments.result',
} as const;

/** A message holds 50 blocks: header, hint and "more" leave room for this many departments. */
const MAX_LISTED = 45;

/** Slack ids we stored ourselves (from a Slack picker); anything else is shown inert. */
const USER_ID = /^[UW][A-Z0-9]+$/;
const CHANNEL_ID = /^[CG][A-Z0-9]+$/;

export function userMention(slackUserId: string): string {
  return USER_ID.test(slackUserId) ? `<@${slackUserId}>` : escapeMrkdwn(slackUserId);
}

export function channelMention(channelId: string | null, t: Translate): string {
  if (!channelId) return t('common.none');
  return CHANNEL_ID.test(channelId) ? `<#${channelId}>` : escapeMrkdwn(channelId);
}

/** "Live Ops (`live-ops`)" in the reader's language, escaped. */
export function departmentLabel(
  department: Pick<DepartmentDto, 'key' | 'nameEn' | 'nameZh'>,
  locale: SupportedLocale,
) {
  return `${escapeMrkdwn(departmentName(department, locale))} (\`${escapeMrkdwn(department.key)}\`)`;
}

/** A department's channel language in words; the workspace's default when none is set. */
export function languageName(t: Translate, locale: string | null): string {
  if (locale === 'en') return t('departments.manage.languageEn');
  if (locale === 'zh-CN') return t('departments.manage.languageZh');
  return locale ? escapeMrkdwn(locale) : t('departments.manage.languageDefault');
}

function withRole(department: DepartmentWithMembers, role: Role): string[] {
  return department.members.filter((m) => m.role === role).map((m) => userMention(m.slackUserId));
}

function departmentText(t: Translate, locale: SupportedLocale, department: DepartmentWithMembers): string {
  const title = `*${escapeMrkdwn(departmentName(department, locale))}* \`${escapeMrkdwn(department.key)}\`${
    department.archivedAt ? t('departments.list.archived') : ''
  }`;
  const leads = withRole(department, 'LEAD');
  const heads = withRole(department, 'HEAD');
  const facts = [
    ...(leads.length > 0 ? [t('departments.list.leads', { people: leads.join(', ') })] : []),
    ...(heads.length > 0 ? [t('departments.list.heads', { people: heads.join(', ') })] : []),
    ...(leads.length + heads.length === 0 ? [t('departments.list.noLead')] : []),
    t('departments.list.members', { count: department.members.length }),
    department.slackChannelId
      ? t('departments.list.channel', { channel: channelMention(department.slackChannelId, t) })
      : t('departments.list.noChannel'),
    ...(department.locale
      ? [t('departments.list.language', { language: languageName(t, department.locale) })]
      : []),
  ];
  return [
    title,
    ...(department.description ? [escapeMrkdwn(department.description)] : []),
    facts.join(' · '),
  ].join('\n');
}

/** `/liaison departments [all]`: each department with its leads, size and channel. */
export function departmentsListMessage(
  t: Translate,
  locale: SupportedLocale,
  departments: readonly DepartmentWithMembers[],
  options: { includeArchived: boolean; reader: 'admin' | 'lead' | 'member' },
): { text: string; blocks: KnownBlock[] } {
  const title = options.includeArchived ? t('departments.list.titleAll') : t('departments.list.title');
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: DEPARTMENTS_BLOCKS.header, text: { type: 'plain_text', text: title } },
  ];
  if (departments.length === 0) {
    blocks.push({
      type: 'section',
      block_id: DEPARTMENTS_BLOCKS.empty,
      text: { type: 'mrkdwn', text: t('departments.list.empty') },
    });
  }
  for (const department of departments.slice(0, MAX_LISTED)) {
    blocks.push({
      type: 'section',
      block_id: DEPARTMENTS_BLOCKS.item(department.key),
      text: { type: 'mrkdwn', text: departmentText(t, locale, department).slice(0, 3000) },
    });
  }
  if (departments.length > MAX_LISTED) {
    blocks.push({
      type: 'context',
      block_id: DEPARTMENTS_BLOCKS.more,
      elements: [
        { type: 'mrkdwn', text: t('departments.list.more', { count: departments.length - MAX_LISTED }) },
      ],
    });
  }
  if (options.reader !== 'member') {
    blocks.push({
      type: 'context',
      block_id: DEPARTMENTS_BLOCKS.hint,
      elements: [
        {
          type: 'mrkdwn',
          text: options.reader === 'admin' ? t('departments.list.hintAdmin') : t('departments.list.hintLead'),
        },
      ],
    });
  }
  return { text: t('departments.list.fallback', { count: departments.length }), blocks };
}

function renamedText(values: Partial<DepartmentFields>): string {
  return (['key', 'nameEn', 'nameZh'] as const)
    .filter((key) => values[key] !== undefined)
    .map((key) =>
      key === 'key' ? `\`${escapeMrkdwn(values[key] ?? '')}\`` : escapeMrkdwn(values[key] ?? ''),
    )
    .join(' / ');
}

function changeLine(t: Translate, change: DepartmentChange): string {
  const role = (value: Role) => t(`roles.${value}`);
  switch (change.kind) {
    case 'created':
      return t('departments.changes.created');
    case 'renamed':
      return t('departments.changes.renamed', {
        before: renamedText(change.before),
        after: renamedText(change.after),
      });
    case 'description_changed':
      return t('departments.changes.descriptionChanged');
    case 'channel_changed':
      return t('departments.changes.channelChanged', {
        before: channelMention(change.before, t),
        after: channelMention(change.after, t),
      });
    case 'language_changed':
      return t('departments.changes.languageChanged', {
        before: languageName(t, change.before),
        after: languageName(t, change.after),
      });
    case 'archived':
      return t('departments.changes.archived');
    case 'unarchived':
      return t('departments.changes.unarchived');
    case 'member_added':
      return t('departments.changes.memberAdded', { user: change.slackUserId, role: role(change.role) });
    case 'role_changed':
      return t('departments.changes.roleChanged', {
        user: change.slackUserId,
        from: role(change.from),
        to: role(change.to),
      });
    case 'member_removed':
      return t('departments.changes.memberRemoved', { user: change.slackUserId, role: role(change.role) });
  }
}

/** What a save or a quick command changed, one line per change (or that nothing did). */
export function departmentChangesMessage(
  t: Translate,
  locale: SupportedLocale,
  { department, changes }: DepartmentEditResult,
): { text: string; blocks: KnownBlock[] } {
  const params = {
    department: escapeMrkdwn(departmentName(department, locale)),
    key: escapeMrkdwn(department.key),
  };
  const text =
    changes.length === 0
      ? t('departments.changes.nothing', params)
      : [t('departments.changes.saved', params), ...changes.map((change) => changeLine(t, change))].join(
          '\n',
        );
  return {
    text: text.slice(0, 3000),
    blocks: [
      {
        type: 'section',
        block_id: DEPARTMENTS_BLOCKS.result,
        text: { type: 'mrkdwn', text: text.slice(0, 3000) },
      },
    ],
  };
}

/** `/liaison setup demo`: what was created, and what was already there. */
export function setupDemoMessage(
  t: Translate,
  locale: SupportedLocale,
  result: { created: readonly DepartmentDto[]; alreadyThere: number },
): { text: string; blocks: KnownBlock[] } {
  const lines =
    result.created.length === 0
      ? [t('departments.setup.nothingToDo')]
      : [
          t('departments.setup.created', {
            count: result.created.length,
            departments: result.created.map((d) => departmentLabel(d, locale)).join(', '),
          }),
          ...(result.alreadyThere > 0
            ? [t('departments.setup.alsoThere', { count: result.alreadyThere })]
            : []),
        ];
  const text = lines.join('\n');
  return {
    text,
    blocks: [{ type: 'section', block_id: DEPARTMENTS_BLOCKS.result, text: { type: 'mrkdwn', text } }],
  };
}
