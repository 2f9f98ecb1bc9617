import { resolveLocale, translator } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { ProposalDto } from '../../modules/proposals/proposals.types.js';
import type { SlackDeps } from '../../slack/deps.js';
import { servicesOf } from '../feature-registry.js';
import { aiFeature } from './ai.feature.js';
import { type ProposalContext, proposalMessage } from './proposal.view.js';

/** The DM kind of a proposal offered to a person. */
export const PROPOSAL_NOTIFICATION_KIND = 'proposal.offered';

/** What a proposal's DM shows around it, in one language. */
export async function proposalContext(
  deps: SlackDeps,
  proposal: ProposalDto,
  locale: SupportedLocale,
): Promise<ProposalContext> {
  const repo = servicesOf(deps, aiFeature).draftsRepo;
  const label = await repo.describe(proposal.workspaceId, proposal);
  const owner = proposal.proposedOwnerPersonId
    ? (await repo.recipients(proposal.workspaceId, [proposal.proposedOwnerPersonId])).get(
        proposal.proposedOwnerPersonId,
      )
    : undefined;
  return {
    source: label.source,
    ownerSlackId: owner?.slackUserId ?? null,
    departmentName: label.department
      ? locale === 'zh-CN'
        ? label.department.nameZh
        : label.department.nameEn
      : null,
    offeredAsLead: proposal.proposedOwnerPersonId === null,
  };
}

/**
 * Each proposal as a DM to the person it is offered to (its proposed owner, else the owner
 * department's lead), in their language, through the notification budget; keyed per
 * proposal, so it is queued once.
 */
export async function offerProposals(
  deps: SlackDeps,
  proposals: readonly ProposalDto[],
  /** The language of whoever has none of their own: the workspace's. */
  fallback: SupportedLocale,
): Promise<{ ownerSlackIds: Map<string, string> }> {
  const repo = servicesOf(deps, aiFeature).draftsRepo;
  const workspaceId = proposals[0]?.workspaceId;
  const ownerSlackIds = new Map<string, string>();
  if (!workspaceId) return { ownerSlackIds };
  const people = await repo.recipients(
    workspaceId,
    proposals
      .flatMap((p) => [p.offeredToPersonId, p.proposedOwnerPersonId])
      .filter((id): id is string => !!id),
  );
  for (const proposal of proposals) {
    const owner = proposal.proposedOwnerPersonId ? people.get(proposal.proposedOwnerPersonId) : undefined;
    if (owner) ownerSlackIds.set(proposal.id, owner.slackUserId);
    const recipient = proposal.offeredToPersonId ? people.get(proposal.offeredToPersonId) : undefined;
    if (!recipient) continue;
    const locale = resolveLocale(recipient.locale, fallback);
    const context = await proposalContext(deps, proposal, locale);
    await deps.notifications.notify({
      workspaceId,
      personId: recipient.personId,
      kind: PROPOSAL_NOTIFICATION_KIND,
      key: `proposal.offered:${proposal.id}`,
      message: proposalMessage(proposal, context, translator(locale), locale),
    });
  }
  return { ownerSlackIds };
}
