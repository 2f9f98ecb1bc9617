import type { WebClient } from '@slack/web-api';
import type { RaiseInput } from '../../modules/escalations/escalations.types.js';
import type { MembershipDto } from '../../modules/people/person.types.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';
import type { SlackDeps } from '../deps.js';
import type { RequestActor } from '../request-actor.js';
import { escalationRaiseModal } from '../views/escalation-raise.view.js';
import { departmentName } from '../views/person-summary.js';
import { encodeRaiseMetadata } from './raise-metadata.js';

const SENIORITY = { EXECUTIVE: 0, HEAD: 1, LEAD: 2, MEMBER: 3 } as const;

/** The raiser's departments, the one to prefill first: where they hold the most senior role. */
function ownDepartmentsFirst(memberships: MembershipDto[]): MembershipDto[] {
  return [...memberships].sort(
    (a, b) => SENIORITY[a.role] - SENIORITY[b.role] || a.departmentKey.localeCompare(b.departmentKey),
  );
}

/**
 * Opens the raise modal with a trigger_id (valid three seconds, so only quick lookups come
 * first). Someone in no department is told why instead: an escalation is raised by one.
 */
export async function openRaiseModal(
  deps: SlackDeps,
  actor: RequestActor,
  request: {
    client: WebClient;
    triggerId: string;
    /** Where to confirm privately once it is raised (the channel they were in). */
    replyChannelId: string | null;
    /** From the shortcut: the message, already made readable and shortened. */
    source?: NonNullable<RaiseInput['source']> & { authorSlackUserId: string | null };
    prefill?: { title?: string; blocked?: string };
  },
): Promise<void> {
  const [memberships, departments, policy] = await Promise.all([
    deps.people.membershipsOf(actor.person.id),
    deps.departments.list(actor.subject),
    deps.escalations.policyOf(actor.workspace.id),
  ]);
  if (memberships.length === 0)
    throw new DomainError(
      'escalation.no_department',
      { key: 'escalationRaise.errors.noDepartment' },
      { detail: `${actor.person.slackUserId} is in no active department` },
    );
  const { source } = request;
  await request.client.views.open({
    trigger_id: request.triggerId,
    view: escalationRaiseModal(actor.t, {
      raiserDepartments: ownDepartmentsFirst(memberships).map((m) => ({
        id: m.departmentId,
        name: departmentName(m, actor.locale),
      })),
      departments: departments.map((d) => ({ id: d.id, name: departmentName(d, actor.locale) })),
      policy,
      quote: source?.quote ? { text: source.quote, authorSlackUserId: source.authorSlackUserId } : null,
      ...(request.prefill ? { prefill: request.prefill } : {}),
      metadata: encodeRaiseMetadata({
        replyChannelId: request.replyChannelId,
        source: source
          ? {
              channelId: source.channelId,
              messageTs: source.messageTs,
              permalink: source.permalink ?? null,
              quote: source.quote ?? null,
            }
          : null,
      }),
    }),
  });
}
