import type { RespondFn, webApi } from '@slack/bolt';
import { resolveLocale, translator } from '../../i18n/catalog.js';
import { formatDate } from '../../i18n/format.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import type { ButtonArgs } from '../../slack/listener-args.types.js';
import { escalationNumber } from '../../slack/listeners/actions/escalation-card.actions.js';
import type { RequestActor } from '../../slack/request-actor.js';
import { escapeMrkdwn } from '../../slack/views/escape.js';
import { servicesOf } from '../feature-registry.js';
import { aiFeature } from './ai.feature.js';
import { slackCardThreads } from './card-threads.js';
import { parseEscalationRef } from './escalate-summary.command.js';
import { writtenByNote } from './escalation-summary.view.js';
import { offerProposals } from './proposal-offers.js';

/**
 * Drafts action items from ESC-<number>'s decision, offers each to its proposed owner (or
 * the department's lead) by DM, and tells the asker privately what was drafted and by which path.
 */
async function draftAndOffer(
  deps: SlackDeps,
  actor: RequestActor,
  respond: RespondFn,
  client: webApi.WebClient,
  number: number,
): Promise<void> {
  const services = servicesOf(deps, aiFeature);
  const locale = resolveLocale(actor.workspace.defaultLocale, deps.defaults.locale);
  const drafted = await services.drafts.draftFromDecision({
    actor: actor.subject,
    number,
    locale,
    t: translator(locale),
    readThread: slackCardThreads(client),
  });
  if (drafted.proposals.length === 0) {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: actor.t('ai.proposals.nothing', { esc: drafted.esc }),
    });
    return;
  }
  const offered = await offerProposals(deps, drafted.proposals, locale);
  const count = drafted.proposals.length;
  const summary = actor.t(count === 1 ? 'ai.proposals.draftedOne' : 'ai.proposals.drafted', {
    esc: drafted.esc,
    count,
  });
  const lines = drafted.proposals
    .map((p) =>
      actor.t('ai.proposals.line', {
        title: escapeMrkdwn(p.title),
        owner: offered.ownerSlackIds.get(p.id)
          ? `<@${offered.ownerSlackIds.get(p.id)}>`
          : actor.t('ai.proposals.unassigned'),
        due: formatDate(p.dueOn, actor.locale),
        refs: p.refs.map(escapeMrkdwn).join(', '),
      }),
    )
    .join('\n');
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: summary,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${summary}\n${lines}`.slice(0, 2_900) } },
      writtenByNote(actor.t, drafted),
    ],
  });
}

/** `/escalate draft ESC-N`. */
export async function escalateDraft(
  deps: SlackDeps,
  actor: RequestActor,
  respond: RespondFn,
  client: webApi.WebClient,
  args: string,
): Promise<void> {
  const number = parseEscalationRef(args);
  if (number === undefined)
    throw new DomainError(
      'ai.proposals.usage',
      { key: 'ai.proposals.usage' },
      { detail: `${actor.person.slackUserId} typed "/escalate draft ${args.slice(0, 100)}"` },
    );
  await draftAndOffer(deps, actor, respond, client, number);
}

/** "Draft action items" on a decided card. */
export function draftActionsButton(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const actor = await args.context.actor();
    const parsed = escalationNumber.safeParse(args.action.value);
    if (!parsed.success)
      throw new DomainError(
        'ai.bad_button',
        { key: 'escalationCards.errors.badButton' },
        { detail: `${args.action.action_id} carried ${String(args.action.value).slice(0, 100)}` },
      );
    await draftAndOffer(deps, actor, args.respond, args.client, parsed.data);
  };
}
