import type { KnownBlock, ModalView } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import {
  IMPORT_COLUMNS,
  type ImportProblem,
  type ImportSummary,
} from '../../modules/departments/department-import.service.js';
import { DEPARTMENT_FIELD_ACTION, DEPARTMENT_FIELDS, DEPARTMENT_VIEWS } from '../ids.js';
import { departmentLabel } from './departments.view.js';

export const DEPARTMENT_IMPORT_BLOCKS = {
  intro: 'departments.import_intro',
  summary: 'departments.import_summary',
} as const;

/** Slack's plain_text_input holds at most 3,000 characters. */
const CSV_MAX = 3000;
/** Field errors sit under the box; more than this many lines would push the form away. */
const PROBLEMS_SHOWN = 10;

/** `/liaison departments import`: one box to paste CSV into (a multi-line text field). */
export function departmentImportModal(t: Translate): ModalView {
  return {
    type: 'modal',
    callback_id: DEPARTMENT_VIEWS.import,
    private_metadata: '',
    title: { type: 'plain_text', text: t('departments.import.title') },
    submit: { type: 'plain_text', text: t('departments.import.submit') },
    close: { type: 'plain_text', text: t('departments.import.close') },
    blocks: [
      {
        type: 'section',
        block_id: DEPARTMENT_IMPORT_BLOCKS.intro,
        text: { type: 'mrkdwn', text: t('departments.import.intro') },
      },
      {
        type: 'input',
        block_id: DEPARTMENT_FIELDS.csv,
        label: { type: 'plain_text', text: t('departments.import.label') },
        element: {
          type: 'plain_text_input',
          action_id: DEPARTMENT_FIELD_ACTION,
          multiline: true,
          max_length: CSV_MAX,
          // The header row itself: the same in every language.
          placeholder: { type: 'plain_text', text: IMPORT_COLUMNS.join(',') },
        },
      },
    ],
  };
}

/** The field error under the box: plain text (Slack does not render mrkdwn there), row by row. */
export function importProblemsText(t: Translate, problems: readonly ImportProblem[]): string {
  const lines = problems
    .slice(0, PROBLEMS_SHOWN)
    .map((p) =>
      t('departments.import.problemLine', { row: p.row, problem: t(p.message.key, p.message.params) }),
    );
  if (problems.length > PROBLEMS_SHOWN)
    lines.push(t('departments.import.moreProblems', { count: problems.length - PROBLEMS_SHOWN }));
  return [t('departments.import.problemsHeading'), ...lines].join('\n');
}

/** What an import changed, sent to the person who ran it. */
export function importSummaryMessage(
  t: Translate,
  locale: SupportedLocale,
  summary: ImportSummary,
): { text: string; blocks: KnownBlock[] } {
  const changed =
    summary.createdDepartments.length +
      summary.leadsAdded +
      summary.membersAdded +
      summary.promotedToLead +
      summary.languagesSet >
    0;
  const lines = [t('departments.import.summaryTitle', { rows: summary.rows })];
  if (summary.createdDepartments.length > 0)
    lines.push(
      t('departments.import.summaryCreated', {
        departments: summary.createdDepartments.map((d) => departmentLabel(d, locale)).join(', '),
      }),
    );
  if (changed)
    lines.push(
      t('departments.import.summaryAdded', {
        leads: summary.leadsAdded,
        members: summary.membersAdded,
        promoted: summary.promotedToLead,
      }),
    );
  else lines.push(t('departments.import.nothingChanged'));
  if (summary.languagesSet > 0)
    lines.push(t('departments.import.summaryLanguages', { count: summary.languagesSet }));
  if (summary.unchanged > 0)
    lines.push(t('departments.import.summaryUnchanged', { count: summary.unchanged }));
  if (summary.peopleAdded > 0)
    lines.push(t('departments.import.summaryPeople', { count: summary.peopleAdded }));
  const text = lines.join('\n').slice(0, 3000);
  return {
    text,
    blocks: [{ type: 'section', block_id: DEPARTMENT_IMPORT_BLOCKS.summary, text: { type: 'mrkdwn', text } }],
  };
}
