import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { MessageKey, Translate } from '../../i18n/catalog.js';
import { formatKpiValue, kpiName } from '../../modules/kpis/kpi.rules.js';
import type { KpiDto } from '../../modules/kpis/kpi.types.js';
import { type KpiThresholdDto, PLAN_LEVELS, THRESHOLD_RULES } from '../../modules/kpis/kpi-plan.types.js';
import { DEPARTMENT_FIELD_ACTION } from '../../slack/ids.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { textInputBlock } from '../../slack/views/text-input.view.js';
import { KPI_BLOCKS, KPI_VIEWS, planBlock } from './kpis.ids.js';
import { departmentName } from './kpis.view.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** Which KPI the modal is for (Liaison's own metadata; who submits comes from the payload). */
export interface PlanMetadata {
  key: string;
}

/** A level's rule in words: "above 1%", "up 30% versus 7 periods before". */
export function ruleText(
  t: Translate,
  kpi: Pick<KpiDto, 'unit' | 'currency'>,
  threshold: Pick<KpiThresholdDto, 'rule' | 'value' | 'periods'>,
  locale: string,
): string {
  const value =
    threshold.rule === 'relative_up' || threshold.rule === 'relative_down'
      ? String(threshold.value)
      : formatKpiValue(kpi, threshold.value, locale);
  return t(`kpis.plan.ruleText.${threshold.rule}` as MessageKey, { value, periods: threshold.periods });
}

/** `/kpi plan KEY`: the three levels, each a rule, its value or periods, measures and departments. */
export function kpiPlanModal(
  t: Translate,
  locale: string,
  kpi: KpiDto,
  thresholds: readonly KpiThresholdDto[],
): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: KPI_BLOCKS.planIntro,
      text: {
        type: 'mrkdwn',
        text: t('kpis.plan.intro', {
          name: escapeMrkdwn(kpiName(kpi, locale)),
          key: kpi.key,
          department: departmentName(kpi, locale),
          target: formatKpiValue(kpi, kpi.target, locale),
          direction: t(`kpis.direction.${kpi.direction}` as MessageKey),
        }),
      },
    },
  ];
  for (const level of PLAN_LEVELS) {
    const current = thresholds.find((th) => th.level === level);
    const options: PlainTextOption[] = ['none', ...THRESHOLD_RULES].map((rule) => ({
      text: plain(t(`kpis.plan.rules.${rule}` as MessageKey)),
      value: rule,
    }));
    blocks.push(
      { type: 'divider' },
      {
        type: 'section',
        block_id: planBlock(level, 'title'),
        text: { type: 'mrkdwn', text: t(`kpis.plan.level.${level}` as MessageKey) },
      },
      {
        type: 'input',
        block_id: planBlock(level, 'rule'),
        label: plain(t('kpis.plan.rule')),
        element: {
          type: 'static_select',
          action_id: DEPARTMENT_FIELD_ACTION,
          options,
          initial_option: options.find((o) => o.value === (current?.rule ?? 'none')),
        },
      },
      textInputBlock(t, planBlock(level, 'value'), 'kpis.plan.value', {
        initial: current && current.rule !== 'below_target' ? String(current.value) : undefined,
        optional: true,
        maxLength: 30,
      }),
      textInputBlock(t, planBlock(level, 'periods'), 'kpis.plan.periods', {
        initial:
          current && current.rule !== 'absolute_above' && current.rule !== 'absolute_below'
            ? String(current.periods)
            : undefined,
        optional: true,
        maxLength: 3,
      }),
      textInputBlock(t, planBlock(level, 'measures'), 'kpis.plan.measures', {
        initial: current?.measures.join('\n'),
        optional: true,
        multiline: true,
        maxLength: 2000,
      }),
      textInputBlock(t, planBlock(level, 'escalateTo'), 'kpis.plan.escalateTo', {
        initial: current?.escalateTo.join(', '),
        optional: true,
        maxLength: 300,
      }),
    );
  }
  const metadata: PlanMetadata = { key: kpi.key };
  return {
    type: 'modal',
    callback_id: KPI_VIEWS.plan,
    private_metadata: JSON.stringify(metadata),
    title: plain(t('kpis.plan.title')),
    submit: plain(t('kpis.plan.submit')),
    close: plain(t('kpis.plan.close')),
    blocks,
  };
}

const LEVEL_ICON = ['', '🟡', '🟠', '🔴'];

/** `/kpi show`'s plan: each level's rule, where it escalates, and its measures. */
export function kpiPlanLines(
  t: Translate,
  locale: string,
  kpi: KpiDto,
  thresholds: readonly KpiThresholdDto[],
): string {
  if (thresholds.length === 0)
    return t('kpis.plan.showNone', { department: departmentName(kpi, locale), key: kpi.key });
  const lines = [t('kpis.plan.showTitle')];
  for (const threshold of thresholds) {
    lines.push(
      t('kpis.plan.showLevel', {
        icon: LEVEL_ICON[threshold.level] ?? '',
        level: threshold.level,
        levelName: t(`kpis.plan.levelName.${threshold.level}` as MessageKey),
        rule: ruleText(t, kpi, threshold, locale),
        escalate:
          threshold.escalateTo.length > 0
            ? t('kpis.plan.showEscalate', { departments: threshold.escalateTo.join(', ') })
            : '',
      }),
      ...threshold.measures.map((measure) => t('kpis.plan.showMeasure', { measure: escapeMrkdwn(measure) })),
    );
  }
  return lines.join('\n');
}
