import { kpiName } from '../../modules/kpis/kpi.rules.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { ViewSubmissionArgs } from '../../slack/listener-args.types.js';
import { readViewState, withModalErrors } from '../../slack/parsers/view-state.parser.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { servicesOf } from '../feature-registry.js';
import { kpisFeature } from './kpis.feature.js';
import { KPI_FIELDS } from './kpis.ids.js';

/** The define modal was submitted: a bad field is shown under it (modal stays open); else saved and confirmed by DM. */
export function kpiDefineSubmission(deps: SlackDeps) {
  return async ({ ack, body, view, client, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await context.actor();
    const { kpis } = servicesOf(deps, kpisFeature);
    const state = readViewState(view.state.values);
    const text = (block: string) => state.text(block) ?? '';
    const option = (block: string) => state.option(block) ?? '';
    const saved = await withModalErrors(KPI_FIELDS, KPI_FIELDS.key, () =>
      kpis.define(actor.subject, {
        key: text(KPI_FIELDS.key),
        nameEn: text(KPI_FIELDS.nameEn),
        nameZh: text(KPI_FIELDS.nameZh),
        unit: option(KPI_FIELDS.unit),
        currency: text(KPI_FIELDS.currency),
        ownerDepartmentKey: text(KPI_FIELDS.ownerDepartmentKey),
        direction: option(KPI_FIELDS.direction),
        aggregation: option(KPI_FIELDS.aggregation),
        period: option(KPI_FIELDS.period),
        target: text(KPI_FIELDS.target),
      }),
    );
    await ack();
    const { kpi } = saved;
    const message = actor.t(saved.created ? 'kpis.define.created' : 'kpis.define.changed', {
      key: kpi.key,
      name: escapeMrkdwn(kpiName(kpi, actor.locale)),
      department: escapeMrkdwn(actor.locale === 'zh-CN' ? kpi.owner.nameZh : kpi.owner.nameEn),
    });
    await client.chat.postMessage({ channel: body.user.id, text: message });
  };
}
