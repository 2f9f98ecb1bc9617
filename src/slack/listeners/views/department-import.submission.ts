import { slackDepartmentDirectory } from '../../department-directory.js';
import type { SlackDeps } from '../../deps.js';
import { DEPARTMENT_FIELDS } from '../../ids.js';
import { resolveActor } from '../../request-actor.js';
import { importProblemsText, importSummaryMessage } from '../../views/department-import.view.js';
import { actorIds } from '../commands/liaison/departments.subcommand.js';
import type { ViewSubmissionArgs } from './department-manage.submission.js';
import { readViewState, withModalErrors } from './view-state.js';

/**
 * The import modal was submitted: every row is checked first; problems go back under the box
 * (the modal stays open, nothing written); otherwise all rows are applied together and the
 * person gets a summary.
 */
export function departmentImportSubmission(deps: SlackDeps) {
  return async ({ ack, body, view, client, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await resolveActor(deps, {
      teamId: body.team?.id ?? context.teamId ?? '',
      ...(body.enterprise?.id ? { enterpriseId: body.enterprise.id } : {}),
      userId: body.user.id,
      userName: body.user.name,
      client,
      context,
    });
    const outcome = await withModalErrors({}, DEPARTMENT_FIELDS.csv, async () => {
      const csv = readViewState(view.state.values).text(DEPARTMENT_FIELDS.csv) ?? '';
      return deps.departments.importCsv(actorIds(actor), csv, slackDepartmentDirectory(client));
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
