import type { AccessSubject } from '../../modules/access/access.types.js';
import type { EscalationsRepository } from '../../modules/escalations/escalations.repository.js';
import { mayAct, transition } from '../../modules/escalations/escalations.rules.js';
import { escName } from '../../modules/escalations/escalations.service.js';
import type { EscalationAction } from '../../modules/escalations/escalations.types.js';
import { DomainError } from '../../modules/shared/domain-error.types.js';

/**
 * Before a button opens a modal: would the service accept this person doing this now? The
 * same rules (escalations.rules.ts) and the same refusal (audited) as the service, so nobody
 * fills in a modal only to be refused at the end. The service checks again on submit.
 */
export type EscalationStepCheck = (
  actor: AccessSubject,
  number: number,
  action: EscalationAction,
) => Promise<void>;

export function createEscalationStepCheck(
  repo: Pick<EscalationsRepository, 'findByNumber' | 'ladderOf' | 'recordRefusal'>,
): EscalationStepCheck {
  return async (actor, number, action) => {
    const esc = await repo.findByNumber(actor.workspaceId, number);
    if (!esc)
      throw new DomainError(
        'escalation.not_found',
        { key: 'escalations.errors.notFound', params: { esc: escName(number) } },
        { detail: `no ESC-${number} in workspace ${actor.workspaceId}` },
      );
    const involved = esc.departments.map((d) => d.departmentId);
    const ladder = await repo.ladderOf(esc.workspaceId, involved);
    const allowed = mayAct(actor, action, {
      level: esc.level,
      involvedDepartmentIds: involved,
      ladder,
      raisedByPersonId: esc.raisedByPersonId,
      assigneePersonId: esc.assigneePersonId,
      proposedByPersonId: esc.proposedByPersonId,
    });
    if (!allowed) {
      await repo.recordRefusal(actor, esc.id, `escalations.${action}`);
      throw new DomainError(
        'authorization.refused',
        { key: `escalations.refused.${action}`, params: { esc: escName(esc.number) } },
        { detail: `${actor.slackUserId} may not ${action} ${escName(esc.number)} (level ${esc.level})` },
      );
    }
    transition(esc.status, action);
  };
}
