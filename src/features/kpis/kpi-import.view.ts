import type { KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { type ImportOutcome, KPI_IMPORT_COLUMNS } from '../../modules/kpis/kpi-import.service.js';
import { DEPARTMENT_FIELD_ACTION } from '../../slack/ids.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { KPI_BLOCKS, KPI_FIELDS, KPI_VIEWS } from './kpis.ids.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
/** Rejected lines listed in the reply; the rest are counted. */
const REJECTED_SHOWN = 20;

/** `/kpi import`: one box to paste CSV into. */
export function kpiImportModal(t: Translate): ModalView {
  return {
    type: 'modal',
    callback_id: KPI_VIEWS.import,
    title: plain(t('kpis.import.title')),
    submit: plain(t('kpis.import.submit')),
    close: plain(t('kpis.import.close')),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: t('kpis.import.intro') } },
      {
        type: 'input',
        block_id: KPI_FIELDS.csv,
        label: plain(t('kpis.import.label')),
        element: {
          type: 'plain_text_input',
          action_id: DEPARTMENT_FIELD_ACTION,
          multiline: true,
          max_length: 3000,
          placeholder: plain(KPI_IMPORT_COLUMNS.join(',')),
        },
      },
    ],
  };
}

/** What was written, what already held its value, and each rejected line with its reason. */
export function kpiImportSummary(
  t: Translate,
  outcome: ImportOutcome,
): { text: string; blocks: KnownBlock[] } {
  const counts = {
    written: outcome.written,
    unchanged: outcome.unchanged,
    rejected: outcome.rejected.length,
  };
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: KPI_BLOCKS.importSummary,
      text: { type: 'mrkdwn', text: t('kpis.import.summary', counts) },
    },
  ];
  if (outcome.rejected.length > 0) {
    const lines = outcome.rejected.slice(0, REJECTED_SHOWN).map((row) =>
      t('kpis.import.rejectedLine', {
        line: row.line,
        reason: escapeMrkdwn(t(row.reason.key, row.reason.params)),
      }),
    );
    if (outcome.rejected.length > REJECTED_SHOWN)
      lines.push(t('kpis.import.moreRejected', { count: outcome.rejected.length - REJECTED_SHOWN }));
    blocks.push({
      type: 'section',
      block_id: KPI_BLOCKS.importRejected,
      text: { type: 'mrkdwn', text: lines.join('\n') },
    });
  }
  return { text: t('kpis.import.fallback', counts), blocks };
}
