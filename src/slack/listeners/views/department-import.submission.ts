import { slackDepartmentDirectory } from '../../department-directory.js';
import type { SlackDeps } from '../../deps.js';
import { DEPARTMENT_FIELDS } from '../../ids.js';
import type { ViewSubmissionArgs } from '../../listener-args.types.js';
import { readViewState, withModalErrors } from '../../parsers/view-state.parser.js';
import { importProblemsText, importSummaryMessage } from '../../views/department-import.view.js';

/**
 * The import modal was submitted: every row is checked first; problems go back under the box
 * (the modal stays open, nothing written); otherwise all rows are applied together and the
 * person gets a summary.
 */
export function departmentImportSubmission(deps: SlackDeps) {
  return async ({ ack, body, view, client, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await context.actor();
    const outcome = await withModalErrors({}, DEPARTMENT_FIELDS.csv, async () => {
      const csv = readViewState(view.state.values).text(DEPARTMENT_FIELDS.csv) ?? '';
      return deps.departments.importCsv(actor.subject, csv, slackDepartmentDirectory(client));
    });
    if (!outcome.ok) {
      await ack({
        response_action: 'errors',
        errors: { [DEPARTMENT_FIELDS.csv]: importProblemsText(actor.t, outcome.problems) },
      });
      return;
    }
    await ack();
    await client.chat.postMessage({
      channel: body.user.id,
      ...importSummaryMessage(actor.t, actor.locale, outcome.summary),
    });
  };
}
