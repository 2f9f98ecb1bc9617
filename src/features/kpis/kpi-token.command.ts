import type { KpiTokensService } from '../../modules/kpis/kpi-tokens.service.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { RequestActor } from '../../slack/request-actor.js';
import { formatDate } from '../../slack/views/calendar-format.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { KPI_BLOCKS } from './kpis.ids.js';

/** `/kpi token create NAME | list | revoke NAME` (admins): a new token is shown once, here, privately. */
export async function kpiTokenCommand(
  tokens: KpiTokensService,
  actor: RequestActor,
  words: string[],
): Promise<{ text: string; blocks?: never[] | object[] }> {
  const [verb = 'list', name, ...extra] = words;
  const usage = () => new DomainError('kpi_token.usage', { key: 'kpis.token.usage' });
  if (extra.length > 0) throw usage();
  const { t } = actor;
  if (verb === 'create' && name) {
    const created = await tokens.create(actor.subject, name);
    return { text: t('kpis.token.created', { name: escapeMrkdwn(created.dto.name), token: created.token }) };
  }
  if (verb === 'revoke' && name) {
    const revoked = await tokens.revoke(actor.subject, name);
    return { text: t('kpis.token.revoked', { name: escapeMrkdwn(revoked.name) }) };
  }
  if (verb !== 'list' || name) throw usage();
  const list = await tokens.list(actor.subject);
  const day = (at: Date) => formatDate(at.toISOString().slice(0, 10) as never, actor.locale);
  const lines = list.map((token) =>
    t('kpis.token.line', {
      name: escapeMrkdwn(token.name),
      prefix: token.prefix,
      created: day(token.createdAt),
      state:
        (token.revokedAt ? t('kpis.token.revokedState', { revoked: day(token.revokedAt) }) : '') +
        (token.lastUsedAt ? t('kpis.token.lastUsed', { used: day(token.lastUsedAt) }) : ''),
    }),
  );
  const text =
    list.length === 0
      ? t('kpis.token.listEmpty')
      : [t('kpis.token.listTitle', { count: list.length }), ...lines].join('\n');
  return { text, blocks: [{ type: 'section', block_id: KPI_BLOCKS.tokens, text: { type: 'mrkdwn', text } }] };
}
