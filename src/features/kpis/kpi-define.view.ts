import type { InputBlock, ModalView, PlainTextOption } from '@slack/types';
import type { MessageKey, Translate } from '../../i18n/catalog.js';
import {
  KPI_AGGREGATIONS,
  KPI_DIRECTIONS,
  KPI_PERIODS,
  KPI_UNITS,
  type KpiDto,
} from '../../modules/kpis/kpi.types.js';
import { DEPARTMENT_FIELD_ACTION } from '../../slack/ids.js';
import { textInputBlock } from '../../slack/views/text-input.view.js';
import { KPI_FIELDS, KPI_VIEWS } from './kpis.ids.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text });

function selectBlock(
  t: Translate,
  block: string,
  label: MessageKey,
  values: readonly string[],
  labelOf: (value: string) => string,
  initial: string,
): InputBlock {
  const options: PlainTextOption[] = values.map((value) => ({ text: plain(labelOf(value)), value }));
  return {
    type: 'input',
    block_id: block,
    label: plain(t(label)),
    element: {
      type: 'static_select',
      action_id: DEPARTMENT_FIELD_ACTION,
      options,
      initial_option: options.find((option) => option.value === initial),
    },
  };
}

/** `/kpi define [KEY]`: every field of a KPI, filled with the KPI's when it exists. */
export function kpiDefineModal(t: Translate, kpi?: KpiDto, key?: string): ModalView {
  return {
    type: 'modal',
    callback_id: KPI_VIEWS.define,
    title: plain(t('kpis.define.title')),
    submit: plain(t('kpis.define.submit')),
    close: plain(t('kpis.define.close')),
    blocks: [
      textInputBlock(t, KPI_FIELDS.key, 'kpis.define.key', { initial: kpi?.key ?? key, maxLength: 32 }),
      textInputBlock(t, KPI_FIELDS.nameEn, 'kpis.define.nameEn', { initial: kpi?.nameEn, maxLength: 80 }),
      textInputBlock(t, KPI_FIELDS.nameZh, 'kpis.define.nameZh', { initial: kpi?.nameZh, maxLength: 80 }),
      selectBlock(
        t,
        KPI_FIELDS.unit,
        'kpis.define.unit',
        KPI_UNITS,
        (u) => t(`kpis.unit.${u}` as MessageKey),
        kpi?.unit ?? 'COUNT',
      ),
      textInputBlock(t, KPI_FIELDS.currency, 'kpis.define.currency', {
        initial: kpi?.currency,
        optional: true,
        maxLength: 3,
      }),
      textInputBlock(t, KPI_FIELDS.ownerDepartmentKey, 'kpis.define.owner', {
        initial: kpi?.owner.key,
        maxLength: 60,
      }),
      selectBlock(
        t,
        KPI_FIELDS.direction,
        'kpis.define.direction',
        KPI_DIRECTIONS,
        (d) => t(`kpis.direction.${d}` as MessageKey),
        kpi?.direction ?? 'HIGHER_IS_BETTER',
      ),
      selectBlock(
        t,
        KPI_FIELDS.aggregation,
        'kpis.define.aggregation',
        KPI_AGGREGATIONS,
        (a) => t(`kpis.aggregation.${a}` as MessageKey),
        kpi?.aggregation ?? 'LAST',
      ),
      selectBlock(
        t,
        KPI_FIELDS.period,
        'kpis.define.period',
        KPI_PERIODS,
        (p) => t(`kpis.period.${p}` as MessageKey),
        kpi?.period ?? 'DAILY',
      ),
      textInputBlock(t, KPI_FIELDS.target, 'kpis.define.target', {
        initial: kpi?.target === null || kpi?.target === undefined ? undefined : String(kpi.target),
        optional: true,
        maxLength: 30,
      }),
    ],
  };
}
