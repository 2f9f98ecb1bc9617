import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { formatSoon, localeOfTranslator } from '../../i18n/format.js';
import { formatMinute } from '../../modules/notifications/notification-input.rules.js';
import type { BudgetPerson } from '../../modules/notifications/notifications.types.js';
import { escapeMrkdwn } from './escape.js';

/** block_ids of the notification messages (tests find blocks by these). */
export const NOTIFICATION_BLOCKS = {
  settingsHeader: 'notifications.settings.header',
  settings: 'notifications.settings.fields',
  settingsHint: 'notifications.settings.hint',
  done: 'notifications.done',
  controls: 'notifications.controls',
  outcome: 'notifications.outcome',
  digestHeader: 'notifications.digest.header',
  digestItems: 'notifications.digest.items',
} as const;

/** `/liaison notifications`: quiet hours, daily limit, mutes and snoozes, in the person's time. */
export function notificationSettingsMessage(t: Translate, person: BudgetPerson, now: Date) {
  const zone = escapeMrkdwn(person.timeZone);
  const quiet = person.quietHours
    ? t(
        person.quietHoursAreDefault ? 'notifications.settings.quietDefault' : 'notifications.settings.quiet',
        {
          start: formatMinute(person.quietHours.startMinute),
          end: formatMinute(person.quietHours.endMinute),
          timeZone: zone,
        },
      )
    : t('notifications.settings.quietOff');
  const muted = person.mutedKinds.map((kind) => `\`${escapeMrkdwn(kind)}\``).join(', ') || t('common.none');
  const snoozes =
    person.snoozes
      .map((s) => {
        const until = formatSoon(s.until, now, localeOfTranslator(t), person.timeZone);
        return s.kind === null
          ? t('notifications.settings.snoozeAll', { until })
          : t('notifications.settings.snoozeKind', { kind: escapeMrkdwn(s.kind), until });
      })
      .join('\n') || t('common.none');
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      block_id: NOTIFICATION_BLOCKS.settingsHeader,
      text: { type: 'plain_text', text: t('notifications.settings.title') },
    },
    {
      type: 'section',
      block_id: NOTIFICATION_BLOCKS.settings,
      fields: [
        { type: 'mrkdwn', text: quiet },
        { type: 'mrkdwn', text: t('notifications.settings.cap', { cap: person.dailyCap }) },
        { type: 'mrkdwn', text: t('notifications.settings.muted', { kinds: muted }) },
        { type: 'mrkdwn', text: t('notifications.settings.snoozed', { snoozes }) },
      ],
    },
    {
      type: 'context',
      block_id: NOTIFICATION_BLOCKS.settingsHint,
      elements: [{ type: 'mrkdwn', text: t('notifications.settings.hint') }],
    },
  ];
  return { text: t('notifications.settings.fallback'), blocks };
}

/** A one-line confirmation (the text is already localized and escaped). */
export function notificationDoneMessage(text: string) {
  return {
    text,
    blocks: [
      { type: 'section', block_id: NOTIFICATION_BLOCKS.done, text: { type: 'mrkdwn', text } },
    ] as KnownBlock[],
  };
}
