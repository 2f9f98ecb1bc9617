import type { WorkingTimeProfile } from '../calendar/working-time.rules.js';
import type { Clock } from '../shared/clock.types.js';
import { type EscalationPolicy, policyFrom } from './escalation-policy.rules.js';
import type { EscalationPatch, EscalationsRepository } from './escalations.repository.js';
import { firstPingAt, involvedOf, landingLevel, slaDeadline } from './escalations.rules.js';
import type { EscalationDto, LadderMember } from './escalations.types.js';

/**
 * The ladder's moves, shared by people's actions (raise, escalate, reopen) and the
 * scheduler's sweep (a breach): the workspace's policy, the deadline a level gets in its
 * people's working time, and what moving up one level changes.
 */
export interface EscalationLadder {
  policyOf(workspaceId: string): Promise<EscalationPolicy>;
  /** The SLA deadline from now, in working time of the people at that level. */
  deadline(policy: EscalationPolicy, esc: Pick<EscalationDto, 'severity'>, people: string[]): Promise<Date>;
  /** The next level with someone on it (or the top), its people, and the escalation's patch. */
  moveUp(
    esc: EscalationDto,
    ctx: { ladder: LadderMember[]; policy: EscalationPolicy },
  ): Promise<{ level: number; people: string[]; patch: EscalationPatch }>;
}

export function createEscalationLadder(deps: {
  repo: Pick<EscalationsRepository, 'policyOf'>;
  clock: Clock;
  calendars: { workingTimeProfileFor(personId: string): Promise<WorkingTimeProfile> };
}): EscalationLadder {
  const { clock } = deps;
  async function deadline(policy: EscalationPolicy, esc: Pick<EscalationDto, 'severity'>, people: string[]) {
    const profiles = await Promise.all(people.map((id) => deps.calendars.workingTimeProfileFor(id)));
    return slaDeadline(policy, esc.severity, clock.now(), profiles);
  }
  return {
    policyOf: async (workspaceId) => policyFrom(await deps.repo.policyOf(workspaceId)),
    deadline,
    async moveUp(esc, ctx) {
      const landing = landingLevel(esc.level + 1, ctx.policy.maxLevel, involvedOf(esc), ctx.ladder);
      return {
        ...landing,
        patch: {
          level: landing.level,
          slaDueAt: await deadline(ctx.policy, esc, landing.people),
          nextPingAt: firstPingAt(ctx.policy, esc.severity, clock.now()),
          acknowledgedAt: null,
          assigneePersonId: null,
        },
      };
    },
  };
}
