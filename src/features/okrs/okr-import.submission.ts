import { z } from 'zod';
import type { SlackDeps } from '../../slack/deps.js';
import type { ViewSubmissionArgs } from '../../slack/listener-args.types.js';
import { readMetadata } from '../../slack/parsers/metadata.parser.js';
import { readViewState, withModalErrors } from '../../slack/parsers/view-state.parser.js';
import { servicesOf } from '../feature-registry.js';
import { okrImportSummary } from './okr-import.view.js';
import { okrsFeature } from './okrs.feature.js';
import { OKR_FIELDS } from './okrs.ids.js';

/**
 * The quarter's CSV was submitted: a file that cannot be read at all stays in the modal with
 * the reason; otherwise all of it is imported (or, with a bad line, none of it) and the
 * person gets the summary, or each rejected line with its reason, by DM.
 */
export function okrImportSubmission(deps: SlackDeps) {
  return async ({ ack, body, view, client, context }: ViewSubmissionArgs): Promise<void> => {
    const actor = await context.actor();
    const { okrs, imports } = servicesOf(deps, okrsFeature);
    const outcome = await withModalErrors({ csv: OKR_FIELDS.csv }, OKR_FIELDS.csv, async () => {
      const { p } = readMetadata(view.private_metadata, z.object({ p: z.string().max(20) }), {
        code: 'okr.bad_metadata',
        message: 'okrs.errors.badButton',
        what: 'OKR import modal metadata',
      });
      const period = await okrs.period(actor.workspace.id, actor.workspace.defaultTimeZone, p);
      return imports.importCsv(
        actor.subject,
        period,
        readViewState(view.state.values).text(OKR_FIELDS.csv) ?? '',
      );
    });
    await ack();
    await client.chat.postMessage({ channel: body.user.id, ...okrImportSummary(actor.t, outcome) });
  };
}
