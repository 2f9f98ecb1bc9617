import type { SlackDeps } from '../../slack/deps.js';
import type { ViewSubmissionArgs } from '../../slack/listener-args.types.js';
import { readViewState, withModalErrors } from '../../slack/parsers/view-state.parser.js';
import { servicesOf } from '../feature-registry.js';
import { kpiImportSummary } from './kpi-import.view.js';
import { kpisFeature } from './kpis.feature.js';
import { KPI_FIELDS } from './kpis.ids.js';

/**
 * The paste box was submitted: a file that cannot be read at all (unclosed quote, empty, too
 * long) stays in the modal with the reason; otherwise the good rows are written and the
 * person gets the summary, rejected rows with their reasons, by DM.
 */
export function kpiImportSubmission(deps: SlackDeps) {
  return async ({ ack, body, view, client, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await context.actor();
    const csv = readViewState(view.state.values).text(KPI_FIELDS.csv) ?? '';
    const outcome = await withModalErrors({ csv: KPI_FIELDS.csv }, KPI_FIELDS.csv, () =>
      servicesOf(deps, kpisFeature).imports.importCsv(actor.subject, csv),
    );
    await ack();
    await client.chat.postMessage({ channel: body.user.id, ...kpiImportSummary(actor.t, outcome) });
  };
}
