import type { RespondFn } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import type { RequestActor } from '../../request-actor.js';
import { escalationReportView } from '../../views/escalation-report.view.js';

/**
 * `/escalate report [quarter]`: the joint assessment, privately, in the reader's language.
 * Who may read it and which departments they see is the service's call (authorization
 * refuses members privately and audits it); a quarter it cannot read is a usage error.
 */
export async function escalateReport(
  deps: SlackDeps,
  actor: RequestActor,
  respond: RespondFn,
  quarterText: string,
): Promise<void> {
  const report = await deps.assessment.report(actor.subject, quarterText);
  const view = escalationReportView(report, {
    t: actor.t,
    locale: actor.locale,
    timeZone: actor.timeZone,
  });
  await respond({ response_type: 'ephemeral', replace_original: false, ...view });
}
