import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { MembershipDto } from '../../modules/people/person.types.js';
import { escapeMrkdwn } from './escape.js';

/** A department's name in the reader's language. */
export function departmentName(
  membership: Pick<MembershipDto, 'nameEn' | 'nameZh'>,
  locale: SupportedLocale,
) {
  return locale === 'zh-CN' ? membership.nameZh : membership.nameEn;
}

/** "• Live Ops — lead" lines, escaped, or undefined when the person has no department. */
export function departmentLines(memberships: MembershipDto[], locale: SupportedLocale, t: Translate) {
  if (memberships.length === 0) return undefined;
  return memberships
    .map((m) =>
      t('whoami.departmentLine', {
        department: escapeMrkdwn(departmentName(m, locale)),
        role: t(`roles.${m.role}`),
      }),
    )
    .join('\n');
}
