import { z } from 'zod';
import { escalateDraft } from '../../../features/ai/action-item-drafts.listeners.js';
import { escalateSummary } from '../../../features/ai/escalate-summary.command.js';
import { DomainError } from '../../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../deps.js';
import { openRaiseModal } from '../../escalations/open-raise-modal.js';
import type { CommandArgs } from '../../listener-args.types.js';
import { commandTextOf } from '../../parsers/liaison-command.parser.js';
import { escalationsListView } from '../../views/escalations-list.view.js';
import { escalationsSearchView } from '../../views/escalations-search.view.js';
import { escalateReport } from './escalate-report.command.js';

const listCommand = z.tuple([z.literal('list'), z.enum(['mine', 'department', 'open']).default('mine')]);

/**
 * `/escalate` (or `/escalate new`): the raise modal. `/escalate summary ESC-N`: a private,
 * cited summary; `/escalate draft ESC-N`: action items drafted from its decision as proposals
 * (src/features/ai). `/escalate list [mine|department|open]`:
 * the reader's escalations; `/escalate search WORDS`: recorded decisions. Privately, in the
 * reader's language.
 */
export function escalateCommand(deps: SlackDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const { ack, command, respond, client, context } = args;
    await ack();
    const actor = await context.actor();
    const { timeZone } = actor;
    const text = commandTextOf(command.text).trim();
    const summary = /^summary(?:\s+(.*))?$/is.exec(text);
    if (summary) return escalateSummary(deps, actor, respond, summary[1] ?? '');
    const draft = /^draft(?:\s+(.*))?$/is.exec(text);
    if (draft) return escalateDraft(deps, actor, respond, client, draft[1] ?? '');
    const report = /^report(?:\s+(.*))?$/is.exec(text);
    if (report) return escalateReport(deps, actor, respond, report[1] ?? '');
    const searched = /^search\s+(.+)$/is.exec(text);
    if (searched?.[1]) {
      const query = searched[1].trim();
      const decisions = await deps.escalations.searchDecisions(actor.subject, query);
      const view = escalationsSearchView(decisions, { t: actor.t, timeZone, locale: actor.locale, query });
      await respond({ response_type: 'ephemeral', replace_original: false, ...view });
      return;
    }
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0 || (words.length === 1 && words[0] === 'new')) {
      await openRaiseModal(deps, actor, {
        client,
        triggerId: command.trigger_id,
        replyChannelId: command.channel_id,
      });
      return;
    }
    const parsed = listCommand.safeParse(words.length === 1 ? [words[0], undefined] : words);
    if (!parsed.success) {
      throw new DomainError(
        'escalate.usage',
        { key: 'escalations.command.usage' },
        { detail: `user ${command.user_id} typed "/escalate ${command.text}"` },
      );
    }
    const scope = parsed.data[1];
    const escalations = await deps.escalations.list(actor.subject, scope);
    const view = escalationsListView(escalations, {
      t: actor.t,
      timeZone,
      scope,
    });
    await respond({ response_type: 'ephemeral', replace_original: false, ...view });
  };
}
