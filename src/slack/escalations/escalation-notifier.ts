import { resolveLocale, translator } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { EscalationNotifier } from '../../modules/escalations/escalation-notifier.types.js';
import type { Notify } from '../../modules/notifications/notify.service.js';
import { escalationNoticeView } from '../views/escalation-notice.view.js';

/**
 * Escalation notices as DMs through notify(): one per recipient, keyed by the notice's key
 * and the recipient (a retry queues nothing new), in the recipient's language and zone.
 * Urgent escalations go out URGENT: past quiet hours, the daily cap, snoozes and mutes.
 */
export function createSlackEscalationNotifier(deps: {
  notify: Notify;
  defaults: { locale: SupportedLocale; timeZone: string };
}): EscalationNotifier {
  return {
    async send(notice) {
      for (const recipient of notice.recipients) {
        const t = translator(resolveLocale(recipient.locale, deps.defaults.locale));
        const message = escalationNoticeView(notice, {
          t,
          timeZone: recipient.timeZone ?? deps.defaults.timeZone,
        });
        await deps.notify({
          workspaceId: notice.escalation.workspaceId,
          personId: recipient.personId,
          kind: 'escalation.update',
          key: `${notice.key}:${recipient.personId}`,
          message,
          priority: notice.escalation.severity === 'URGENT' ? 'URGENT' : 'NORMAL',
        });
      }
    },
  };
}
