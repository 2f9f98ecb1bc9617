import { DateTime } from 'luxon';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { DigestCommandResult, DigestSettingView } from '../../modules/digest/digest.service.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';

function when(at: Date, timeZone: string, locale: SupportedLocale): string {
  return DateTime.fromJSDate(at, { zone: timeZone })
    .setLocale(locale)
    .toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY);
}

function settingText(view: DigestSettingView, t: Translate, locale: SupportedLocale): string {
  const timeZone = escapeMrkdwn(view.timeZone);
  const { setting } = view;
  const lines = [
    setting.cadence === 'weekly'
      ? t('digest.setting.weekly', {
          weekday: t(`digest.weekdays.${String(setting.weekday) as '1'}`),
          time: setting.timeOfDay,
          timeZone,
        })
      : setting.cadence === 'daily'
        ? t('digest.setting.daily', { time: setting.timeOfDay, timeZone })
        : t('digest.setting.off'),
  ];
  if (view.nextDueAt)
    lines.push(t('digest.setting.next', { when: when(view.nextDueAt, view.timeZone, locale) }));
  lines.push(t('digest.setting.howTo'));
  return lines.join('\n');
}

/** The private answer to `/liaison digest …`, in the person's language. */
export function digestReply(
  result: DigestCommandResult,
  who: { t: Translate; locale: SupportedLocale; timeZone: string },
): { text: string } {
  const { t, locale } = who;
  if (result.type === 'shown') return { text: settingText(result, t, locale) };
  if (result.type === 'saved')
    return { text: `${t('digest.setting.saved')} ${settingText(result, t, locale)}` };
  const { notified } = result;
  if (!notified.created) return { text: t('digest.now.already') };
  const decision = notified.decision;
  if (decision.action === 'hold')
    return { text: t('digest.now.held', { when: when(decision.until, who.timeZone, locale) }) };
  if (decision.action === 'drop') return { text: t('digest.now.muted') };
  return { text: t('digest.now.queued') };
}
