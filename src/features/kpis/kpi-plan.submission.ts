import { z } from 'zod';
import { kpiName } from '../../modules/kpis/kpi.rules.js';
import { PLAN_LEVELS } from '../../modules/kpis/kpi-plan.types.js';
import type { PlanForm, PlanLevelForm } from '../../modules/kpis/kpi-plans.service.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { ViewSubmissionArgs } from '../../slack/listener-args.types.js';
import { readMetadata } from '../../slack/parsers/metadata.parser.js';
import { readViewState, withModalErrors } from '../../slack/parsers/view-state.parser.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { servicesOf } from '../feature-registry.js';
import { kpisFeature } from './kpis.feature.js';
import { planBlock } from './kpis.ids.js';

const FIELD_NAMES: (keyof PlanLevelForm)[] = ['rule', 'value', 'periods', 'measures', 'escalateTo'];

/** The service's field names (`level2.value`) to the modal's blocks (`kpis.plan.2.value`). */
const PLAN_FIELDS: Record<string, string> = Object.fromEntries(
  PLAN_LEVELS.flatMap((level) =>
    FIELD_NAMES.map((name) => [`level${level}.${name}`, planBlock(level, name)]),
  ),
);

/** The plan modal was submitted: a bad field is shown under it; else saved and confirmed by DM. */
export function kpiPlanSubmission(deps: SlackDeps) {
  return async ({ ack, body, view, client, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await context.actor();
    const { plans } = servicesOf(deps, kpisFeature);
    const saved = await withModalErrors(PLAN_FIELDS, planBlock(1, 'rule'), async () => {
      const { key } = readMetadata(view.private_metadata, z.object({ key: z.string().min(1).max(32) }), {
        code: 'kpi.bad_plan_metadata',
        message: 'kpis.plan.errors.badForm',
        what: 'KPI plan modal metadata',
      });
      const state = readViewState(view.state.values);
      const levelForm = (level: number): PlanLevelForm => ({
        rule: state.option(planBlock(level, 'rule')) ?? 'none',
        value: state.text(planBlock(level, 'value')) ?? '',
        periods: state.text(planBlock(level, 'periods')) ?? '',
        measures: state.text(planBlock(level, 'measures')) ?? '',
        escalateTo: state.text(planBlock(level, 'escalateTo')) ?? '',
      });
      const form: PlanForm = { 1: levelForm(1), 2: levelForm(2), 3: levelForm(3) };
      return plans.save(actor.subject, key, form);
    });
    await ack();
    const params = {
      key: saved.kpi.key,
      name: escapeMrkdwn(kpiName(saved.kpi, actor.locale)),
      count: saved.levels,
    };
    const message =
      saved.levels === 0
        ? actor.t('kpis.plan.savedNone', params)
        : saved.levels === 1
          ? actor.t('kpis.plan.savedOne', params)
          : actor.t('kpis.plan.saved', params);
    await client.chat.postMessage({ channel: body.user.id, text: message });
  };
}
