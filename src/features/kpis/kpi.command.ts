import { formatKpiValue, kpiName } from '../../modules/kpis/kpi.rules.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { CommandArgs } from '../../slack/listener-args.types.js';
import { commandTextOf } from '../../slack/parsers/liaison-command.parser.js';
import { servicesOf } from '../feature-registry.js';
import { sendKpiChartToDm } from './kpi-chart.delivery.js';
import { kpiDefineModal } from './kpi-define.view.js';
import { kpiDigestCommand } from './kpi-digest.command.js';
import { kpiImportModal } from './kpi-import.view.js';
import { kpiPlanLines, kpiPlanModal } from './kpi-plan.view.js';
import { kpiTokenCommand } from './kpi-token.command.js';
import { kpisFeature } from './kpis.feature.js';
import { KPI_BLOCKS } from './kpis.ids.js';
import { kpiListView, kpiShowView } from './kpis.view.js';

const usage = (typed: string) =>
  new DomainError('kpi.usage', { key: 'kpis.usage' }, { detail: `typed "/kpi ${typed}"` });

/**
 * `/kpi define [KEY] | list [department] | show KEY | plan KEY | record KEY VALUE [period] | digest …`: ack, the
 * actor, then a service call and a view, answered privately in the person's language.
 */
export function kpiCommand(deps: SlackDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const { ack, command, respond, client, context } = args;
    await ack();
    const actor = await context.actor();
    const { kpis } = servicesOf(deps, kpisFeature);
    const text = commandTextOf(command.text).trim();
    const [verb = '', ...rest] = text.split(/\s+/);
    const reply = (message: { text: string; blocks?: unknown[] }) =>
      respond({ response_type: 'ephemeral', replace_original: false, ...message } as Parameters<
        typeof respond
      >[0]);
    const view = { t: actor.t, locale: actor.locale };
    switch (verb.toLowerCase()) {
      case 'define': {
        const key = rest[0]?.toLowerCase();
        const existing = key ? await kpis.find(actor.subject, key) : null;
        if (existing) await kpis.definitionOf(actor.subject, existing.key);
        await client.views.open({
          trigger_id: command.trigger_id,
          view: kpiDefineModal(actor.t, existing ?? undefined, key),
        });
        return;
      }
      case 'token':
      case 'tokens': {
        await reply(await kpiTokenCommand(servicesOf(deps, kpisFeature).tokens, actor, rest));
        return;
      }
      case 'digest': {
        const subscriptions = servicesOf(deps, kpisFeature).subscriptions;
        await reply({ text: await kpiDigestCommand(subscriptions, actor, rest) });
        return;
      }
      case 'import': {
        await client.views.open({ trigger_id: command.trigger_id, view: kpiImportModal(actor.t) });
        return;
      }
      case 'list': {
        const department = rest.join(' ') || undefined;
        const list = await kpis.list(actor.subject, department);
        const departmentLabel =
          department && list[0]
            ? actor.locale === 'zh-CN'
              ? list[0].kpi.owner.nameZh
              : list[0].kpi.owner.nameEn
            : department;
        await reply(kpiListView(list, view, departmentLabel));
        return;
      }
      case 'plan': {
        if (rest.length !== 1 || !rest[0]) throw usage(text);
        const { kpi, thresholds } = await servicesOf(deps, kpisFeature).plans.planOf(actor.subject, rest[0]);
        await client.views.open({
          trigger_id: command.trigger_id,
          view: kpiPlanModal(actor.t, actor.locale, kpi, thresholds),
        });
        return;
      }
      case 'show': {
        if (rest.length !== 1 || !rest[0]) throw usage(text);
        const snapshot = await kpis.show(actor.subject, rest[0]);
        const thresholds = await servicesOf(deps, kpisFeature).plans.thresholdsOf(snapshot.kpi.id);
        const shown = kpiShowView(snapshot, view);
        shown.blocks.push({
          type: 'section',
          block_id: KPI_BLOCKS.showPlan,
          text: { type: 'mrkdwn', text: kpiPlanLines(actor.t, actor.locale, snapshot.kpi, thresholds) },
        });
        await reply(shown);
        const lines = thresholds
          .filter((th) => th.rule === 'absolute_above' || th.rule === 'absolute_below')
          .map((th) => ({ level: th.level, value: th.value }));
        await sendKpiChartToDm(client, deps.logger, {
          slackUserId: command.user_id,
          snapshot,
          ...view,
          lines,
        });
        return;
      }
      case 'record': {
        const [key, value, ...periodWords] = rest;
        if (!key || !value || periodWords.length > 2) throw usage(text);
        const recorded = await kpis.record(actor.subject, {
          key,
          value,
          period: periodWords.length > 0 ? periodWords.join(' ') : undefined,
        });
        const params = {
          key: recorded.kpi.key,
          period: recorded.period,
          value: formatKpiValue(recorded.kpi, recorded.value, actor.locale),
          name: kpiName(recorded.kpi, actor.locale),
        };
        await reply({
          text: actor.t(recorded.changed ? 'kpis.record.written' : 'kpis.record.unchanged', params),
        });
        return;
      }
      default:
        throw usage(text);
    }
  };
}
