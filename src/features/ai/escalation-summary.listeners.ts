import type { RespondFn } from '@slack/bolt';
import { resolveLocale, translator } from '../../i18n/catalog.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { ButtonArgs } from '../../slack/listener-args.types.js';
import { escalationNumber } from '../../slack/listeners/actions/escalation-card.actions.js';
import type { RequestActor } from '../../slack/request-actor.js';
import type { EscalationSummaries } from './escalation-summary.service.js';
import { escalationSummaryMessage } from './escalation-summary.view.js';

function numberOf(args: ButtonArgs): number {
  const parsed = escalationNumber.safeParse(args.action.value);
  if (!parsed.success)
    throw new DomainError(
      'ai.bad_button',
      { key: 'escalationCards.errors.badButton' },
      { detail: `${args.action.action_id} carried ${String(args.action.value).slice(0, 100)}` },
    );
  return parsed.data;
}

/** A private summary for the asker, in their language, with "Post in the thread" when there is a card. */
export async function replyWithSummary(
  summaries: EscalationSummaries,
  actor: RequestActor,
  respond: RespondFn,
  number: number,
): Promise<void> {
  const written = await summaries.summarize({
    workspaceId: actor.workspace.id,
    number,
    audience: 'private',
    locale: actor.locale,
    t: actor.t,
  });
  const message = escalationSummaryMessage(written, actor.t, {
    offerThread: written.source.cards.length > 0,
  });
  await respond({ response_type: 'ephemeral', replace_original: false, ...message });
}

/** The card's "Summarize" button. */
export function summarizeButton(summaries: () => EscalationSummaries) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    await replyWithSummary(summaries(), actor, args.respond, numberOf(args));
  };
}

/**
 * "Post in the thread": a summary for the card's channel — in the workspace's language,
 * without the source message's text (it may come from a private channel) — in the thread
 * of the card where it was asked for (or the first card), posted with unfurling off.
 */
export function postSummaryButton(deps: SlackDeps, summaries: () => EscalationSummaries) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const number = numberOf(args);
    const locale = resolveLocale(actor.workspace.defaultLocale, deps.defaults.locale);
    const t = translator(locale);
    const written = await summaries().summarize({
      workspaceId: actor.workspace.id,
      number,
      audience: 'thread',
      locale,
      t,
    });
    const here = args.body.channel?.id;
    const card = written.source.cards.find((c) => c.channelId === here) ?? written.source.cards[0];
    const esc = `ESC-${number}`;
    if (!card) {
      await args.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: actor.t('ai.summary.noCard', { esc }),
      });
      return;
    }
    await args.client.chat.postMessage({
      channel: card.channelId,
      thread_ts: card.ts,
      ...escalationSummaryMessage(written, t, { offerThread: false }),
      unfurl_links: false,
      unfurl_media: false,
    });
    await args.respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: actor.t('ai.summary.posted', { esc }),
    });
  };
}
