import { channelIdOf, parseKpiSubscribe } from '../../modules/kpis/kpi-subscription.rules.js';
import type { KpiSubscriptionsService } from '../../modules/kpis/kpi-subscriptions.service.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { RequestActor } from '../../slack/request-actor.js';
import { channelRef, kpiSubscribedText, kpiSubscriptionListText, scopeOf } from './kpi-subscription.view.js';

const usage = (typed: string) =>
  new DomainError(
    'kpi.digest_usage',
    { key: 'kpis.subscriptions.usage' },
    { detail: `typed "/kpi digest ${typed}"` },
  );

/** `/kpi digest subscribe … | list | unsubscribe N | now #channel`: the private answer's text. */
export async function kpiDigestCommand(
  subscriptions: KpiSubscriptionsService,
  actor: RequestActor,
  words: readonly string[],
): Promise<string> {
  const [verb = '', ...rest] = words;
  const view = { t: actor.t, locale: actor.locale };
  switch (verb.toLowerCase()) {
    case 'subscribe': {
      const parsed = parseKpiSubscribe(rest);
      if (!parsed.ok)
        throw new DomainError(
          `kpi.digest_${parsed.error}`,
          { key: `kpis.subscriptions.errors.${parsed.error}` },
          { detail: `typed "/kpi digest subscribe ${rest.join(' ')}"` },
        );
      return kpiSubscribedText(await subscriptions.subscribe(actor.subject, parsed.request), view);
    }
    case 'list':
      return kpiSubscriptionListText(await subscriptions.list(actor.subject), view);
    case 'unsubscribe': {
      const number = Number((rest[0] ?? '').replace(/^#/, ''));
      if (rest.length !== 1 || !Number.isInteger(number) || number < 1) throw usage(words.join(' '));
      const removed = await subscriptions.unsubscribe(actor.subject, number);
      return actor.t('kpis.subscriptions.unsubscribed', {
        number,
        channel: channelRef(removed.channelId),
        scope: scopeOf(removed, view),
      });
    }
    case 'now': {
      const channelId = channelIdOf(rest[0]);
      if (!channelId || rest.length !== 1)
        throw new DomainError('kpi.digest_channel', { key: 'kpis.subscriptions.errors.channel' });
      const count = await subscriptions.postNow(actor.subject, channelId);
      return actor.t('kpis.subscriptions.postedNow', { count, channel: channelRef(channelId) });
    }
    default:
      throw usage(words.join(' '));
  }
}
