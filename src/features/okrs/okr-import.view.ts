import type { KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import { OKR_IMPORT_COLUMNS, type OkrImportOutcome } from '../../modules/okrs/okr-import.service.js';
import { DEPARTMENT_FIELD_ACTION } from '../../slack/ids.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { OKR_BLOCKS, OKR_FIELDS, OKR_VIEWS } from './okrs.ids.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
/** Rejected lines listed in the reply; the rest are counted. */
const REJECTED_SHOWN = 20;

/** `/okr import [quarter]`: one box to paste the quarter's CSV into (the quarter travels in metadata). */
export function okrImportModal(t: Translate, period: string): ModalView {
  return {
    type: 'modal',
    callback_id: OKR_VIEWS.import,
    private_metadata: JSON.stringify({ p: period }),
    title: plain(t('okrs.import.title')),
    submit: plain(t('okrs.import.submit')),
    close: plain(t('okrs.import.close')),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: t('okrs.import.intro', { period }) } },
      {
        type: 'input',
        block_id: OKR_FIELDS.csv,
        label: plain(t('okrs.import.label')),
        element: {
          type: 'plain_text_input',
          action_id: DEPARTMENT_FIELD_ACTION,
          multiline: true,
          max_length: 3000,
          placeholder: plain(OKR_IMPORT_COLUMNS.join(',')),
        },
      },
    ],
  };
}

/** What was created, updated and left alone; or, when a line was bad, each rejected line with its reason. */
export function okrImportSummary(
  t: Translate,
  outcome: OkrImportOutcome,
): { text: string; blocks: KnownBlock[] } {
  if (outcome.rejected.length === 0) {
    const counts = {
      period: outcome.period,
      objectives: outcome.createdObjectives,
      keyResults: outcome.createdKeyResults,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
    };
    return {
      text: t('okrs.import.fallback', counts),
      blocks: [
        {
          type: 'section',
          block_id: OKR_BLOCKS.importSummary,
          text: { type: 'mrkdwn', text: t('okrs.import.summary', counts) },
        },
      ],
    };
  }
  const params = { period: outcome.period, count: outcome.rejected.length };
  const lines = outcome.rejected.slice(0, REJECTED_SHOWN).map((row) =>
    t('okrs.import.rejectedLine', {
      line: row.line,
      reason: escapeMrkdwn(t(row.reason.key, row.reason.params)),
    }),
  );
  if (outcome.rejected.length > REJECTED_SHOWN)
    lines.push(t('okrs.import.moreRejected', { count: outcome.rejected.length - REJECTED_SHOWN }));
  return {
    text: t('okrs.import.rejectedFallback', params),
    blocks: [
      {
        type: 'section',
        block_id: OKR_BLOCKS.importSummary,
        text: { type: 'mrkdwn', text: t('okrs.import.rejected', params) },
      },
      {
        type: 'section',
        block_id: OKR_BLOCKS.importRejected,
        text: { type: 'mrkdwn', text: lines.join('\n').slice(0, 3000) },
      },
    ],
  };
}
