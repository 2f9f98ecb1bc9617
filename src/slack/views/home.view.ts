import type { HomeView } from '@slack/types';
import type { SupportedLocale } from '../../config/env.js';
import type { Translate } from '../../i18n/catalog.js';
import type { MembershipDto, PersonDto } from '../../modules/people/person.types.js';
import { BLOCKS } from '../ids.js';
import { departmentLines } from './person-summary.js';

/** The App Home tab: the person's departments and role; later features add sections. */
export function homeView(
  t: Translate,
  person: PersonDto,
  memberships: MembershipDto[],
  locale: SupportedLocale,
): HomeView {
  const departments = departmentLines(memberships, locale, t);
  return {
    type: 'home',
    blocks: [
      {
        type: 'header',
        block_id: BLOCKS.home.header,
        text: { type: 'plain_text', text: t('home.title', { name: person.realName ?? person.displayName }) },
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
      { type: 'divider' },
      {
        type: 'context',
        block_id: BLOCKS.home.help,
        elements: [{ type: 'mrkdwn', text: t('home.tryHelp') }],
      },
    ],
  };
}
