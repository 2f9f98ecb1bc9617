import type { OpenEscalation } from './assessment.repository.js';
import { peopleAtLevel } from './escalations.rules.js';
import type { LadderMember } from './escalations.types.js';

export interface TiedEscalation extends OpenEscalation {
  /** The person is among the current level's people or its assignee: it waits on them. */
  mustAct: boolean;
}

/**
 * The open escalations a person raised, was handed, or must act on now (they are among the
 * people of its current level), the ones waiting on them first, then by deadline.
 */
export function escalationsTiedTo(
  personId: string,
  candidates: readonly OpenEscalation[],
  ladder: readonly LadderMember[],
): TiedEscalation[] {
  const tied: TiedEscalation[] = [];
  for (const esc of candidates) {
    const atLevel = peopleAtLevel(esc.level, esc.departmentIds, ladder).includes(personId);
    const mustAct = atLevel || esc.assigneePersonId === personId;
    if (mustAct || esc.raisedByPersonId === personId) tied.push({ ...esc, mustAct });
  }
  const due = (esc: TiedEscalation) => esc.slaDueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return tied.sort((a, b) => Number(b.mustAct) - Number(a.mustAct) || due(a) - due(b) || a.number - b.number);
}
