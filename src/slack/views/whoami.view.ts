import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { WorkspaceRole } from '../../modules/access/access.types.js';
import type { MembershipDto, PersonDto } from '../../modules/people/person.types.js';
import type { WorkspaceDto } from '../../modules/workspaces/workspace.types.js';
import { BLOCKS } from '../ids.js';
import { escapeMrkdwn } from './escape.js';
import { departmentLines } from './person-summary.js';

export interface WhoamiInput {
  person: PersonDto;
  memberships: MembershipDto[];
  workspace: WorkspaceDto;
  locale: SupportedLocale;
  /** Derived from admin flags and memberships (rolesOf), most powerful first. */
  roles: readonly WorkspaceRole[];
}

/** `/liaison whoami`: departments and role, time zone and language, as Liaison stores them. */
export function whoamiMessage(t: Translate, { person, memberships, workspace, locale, roles }: WhoamiInput) {
  const name = escapeMrkdwn(person.realName ?? person.displayName);
  const departments = departmentLines(memberships, locale, t);
  const timeZone = person.timeZone
    ? t('whoami.timeZone', { timeZone: escapeMrkdwn(person.timeZone) })
    : t('whoami.timeZoneDefault', { timeZone: escapeMrkdwn(workspace.defaultTimeZone) });
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: BLOCKS.whoami.header, text: { type: 'plain_text', text: t('whoami.title') } },
    {
      type: 'section',
      block_id: BLOCKS.whoami.identity,
      fields: [
        { type: 'mrkdwn', text: t('whoami.name', { name }) },
        { type: 'mrkdwn', text: t('whoami.slackId', { userId: person.slackUserId }) },
      ],
    },
    {
      type: 'section',
      block_id: BLOCKS.whoami.departments,
      text: {
        type: 'mrkdwn',
        text: departments ? t('whoami.departments', { departments }) : t('whoami.noDepartments'),
      },
    },
    {
      type: 'section',
      block_id: BLOCKS.whoami.settings,
      fields: [
        { type: 'mrkdwn', text: timeZone },
        { type: 'mrkdwn', text: t('whoami.locale', { locale: t(`locales.${locale}`) }) },
        {
          type: 'mrkdwn',
          text: t('admins.roles', {
            roles: roles.map((role) => t(`access.roleNames.${role}`)).join(locale === 'zh-CN' ? '、' : ', '),
          }),
        },
      ],
    },
    {
      type: 'context',
      block_id: BLOCKS.whoami.workspace,
      elements: [
        { type: 'mrkdwn', text: t('whoami.workspace', { workspace: escapeMrkdwn(workspace.name) }) },
      ],
    },
  ];
  return { text: t('whoami.fallback', { name }), blocks };
}
