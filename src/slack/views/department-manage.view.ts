import type { InputBlock, KnownBlock, ModalView, PlainTextElement } from '@slack/types';
import type { MessageKey, Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import { DESCRIPTION_MAX, NAME_MAX } from '../../modules/departments/departments.rules.js';
import type { DepartmentWithMembers } from '../../modules/departments/departments.types.js';
import type { Role } from '../../modules/people/person.types.js';
import { DEPARTMENT_FIELD_ACTION, DEPARTMENT_FIELDS, DEPARTMENT_VIEWS } from '../ids.js';
import { escapeMrkdwn } from './escape.js';
import { departmentName } from './person-summary.js';
import { textInputBlock } from './text-input.view.js';

/** The only state a department modal carries: which department (validated on the way back). */
export function departmentMetadata(departmentId: string | null): string {
  return departmentId ? JSON.stringify({ d: departmentId }) : '';
}

export const DEPARTMENT_MODAL_BLOCKS = {
  leadIntro: 'departments.lead_intro',
  roles: 'departments.roles',
} as const;

/** The role each people picker holds, in form order. */
export const ROSTER_FIELDS: readonly { role: Role; block: string; label: MessageKey }[] = [
  { role: 'LEAD', block: DEPARTMENT_FIELDS.leads, label: 'departments.manage.leads' },
  { role: 'HEAD', block: DEPARTMENT_FIELDS.heads, label: 'departments.manage.heads' },
  { role: 'EXECUTIVE', block: DEPARTMENT_FIELDS.executives, label: 'departments.manage.executives' },
  { role: 'MEMBER', block: DEPARTMENT_FIELDS.members, label: 'departments.manage.members' },
];

const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text });

function peopleInput(t: Translate, block: string, label: MessageKey, people: string[]): InputBlock {
  return {
    type: 'input',
    block_id: block,
    optional: true,
    label: plain(t(label)),
    element: {
      type: 'multi_users_select',
      action_id: DEPARTMENT_FIELD_ACTION,
      ...(people.length > 0 ? { initial_users: people } : {}),
    },
  };
}

/** The language select's value for "the workspace's default" (stored as null). */
export const WORKSPACE_DEFAULT_LANGUAGE = 'default';

/** Each language offered, in its own script so anyone can find theirs. */
const LANGUAGE_CHOICES: readonly { value: string; label: MessageKey }[] = [
  { value: WORKSPACE_DEFAULT_LANGUAGE, label: 'departments.manage.languageDefault' },
  { value: 'en', label: 'departments.manage.languageEn' },
  { value: 'zh-CN', label: 'departments.manage.languageZh' },
];

function languageInput(t: Translate, stored: string | null): InputBlock {
  const options = LANGUAGE_CHOICES.map(({ value, label }) => ({ text: plain(t(label)), value }));
  const initial = options.find((o) => o.value === (stored ?? WORKSPACE_DEFAULT_LANGUAGE)) ?? options[0];
  return {
    type: 'input',
    block_id: DEPARTMENT_FIELDS.language,
    optional: true,
    label: plain(t('departments.manage.language')),
    hint: plain(t('departments.manage.languageHint')),
    element: {
      type: 'static_select',
      action_id: DEPARTMENT_FIELD_ACTION,
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

function holding(department: DepartmentWithMembers | null, role: Role): string[] {
  return (department?.members ?? []).filter((m) => m.role === role).map((m) => m.slackUserId);
}

/**
 * `/liaison departments manage [KEY]`: every field for admins; for a department's lead or
 * head, the description and plain members only, with the other roles shown read-only.
 */
export function departmentManageModal(
  t: Translate,
  locale: SupportedLocale,
  input: { department: DepartmentWithMembers | null; canManage: boolean },
): ModalView {
  const { department, canManage } = input;
  const description = textInputBlock(t, DEPARTMENT_FIELDS.description, 'departments.manage.description', {
    initial: department?.description,
    optional: true,
    multiline: true,
    maxLength: DESCRIPTION_MAX,
  });
  const blocks: KnownBlock[] = [];
  if (canManage) {
    blocks.push(
      textInputBlock(t, DEPARTMENT_FIELDS.key, 'departments.manage.key', {
        initial: department?.key,
        maxLength: 40,
        hint: 'departments.manage.keyHint',
      }),
      textInputBlock(t, DEPARTMENT_FIELDS.nameEn, 'departments.manage.nameEn', {
        initial: department?.nameEn,
        maxLength: NAME_MAX,
      }),
      textInputBlock(t, DEPARTMENT_FIELDS.nameZh, 'departments.manage.nameZh', {
        initial: department?.nameZh,
        maxLength: NAME_MAX,
      }),
      description,
      {
        type: 'input',
        block_id: DEPARTMENT_FIELDS.channel,
        optional: true,
        label: plain(t('departments.manage.channel')),
        hint: plain(t('departments.manage.channelHint')),
        element: {
          type: 'conversations_select',
          action_id: DEPARTMENT_FIELD_ACTION,
          filter: {
            include: ['public', 'private'],
            exclude_bot_users: true,
            exclude_external_shared_channels: true,
          },
          ...(department?.slackChannelId ? { initial_conversation: department.slackChannelId } : {}),
        },
      },
      languageInput(t, department?.locale ?? null),
      ...ROSTER_FIELDS.map(({ role, block, label }) =>
        peopleInput(t, block, label, holding(department, role)),
      ),
    );
    if (department) {
      const option = { text: plain(t('departments.manage.archiveOption')), value: 'archived' };
      blocks.push({
        type: 'input',
        block_id: DEPARTMENT_FIELDS.archived,
        optional: true,
        label: plain(t('departments.manage.archive')),
        element: {
          type: 'checkboxes',
          action_id: DEPARTMENT_FIELD_ACTION,
          options: [option],
          ...(department.archivedAt ? { initial_options: [option] } : {}),
        },
      });
    }
  } else if (department) {
    const mentions = (role: Role) => {
      const people = holding(department, role).map((id) => `<@${id}>`);
      return people.length > 0 ? people.join(', ') : t('departments.manage.nobody');
    };
    blocks.push(
      {
        type: 'section',
        block_id: DEPARTMENT_MODAL_BLOCKS.leadIntro,
        text: {
          type: 'mrkdwn',
          text: t('departments.manage.leadIntro', {
            department: escapeMrkdwn(departmentName(department, locale)),
            key: escapeMrkdwn(department.key),
          }),
        },
      },
      description,
      {
        type: 'context',
        block_id: DEPARTMENT_MODAL_BLOCKS.roles,
        elements: [
          {
            type: 'mrkdwn',
            text: t('departments.manage.rolesReadOnly', {
              leads: mentions('LEAD'),
              heads: mentions('HEAD'),
              executives: mentions('EXECUTIVE'),
            }),
          },
        ],
      },
      peopleInput(t, DEPARTMENT_FIELDS.members, 'departments.manage.members', holding(department, 'MEMBER')),
    );
  }
  return {
    type: 'modal',
    callback_id: DEPARTMENT_VIEWS.manage,
    private_metadata: departmentMetadata(department?.id ?? null),
    title: plain(department ? t('departments.manage.titleEdit') : t('departments.manage.titleNew')),
    submit: plain(t('departments.manage.submit')),
    close: plain(t('departments.manage.close')),
    blocks,
  };
}
