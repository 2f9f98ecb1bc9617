import type { Database } from '../db/database.js';
import type { Authorization } from '../modules/access/authorization.service.js';
import { createAssessmentPrismaRepository } from '../modules/escalations/assessment.prisma-repository.js';
import {
  type AssessmentService,
  createAssessmentService,
} from '../modules/escalations/assessment.service.js';
import { createCheckInsPrismaRepository } from '../modules/okrs/okr-check-ins.prisma-repository.js';
import type { Clock } from '../modules/shared/clock.types.js';

/** The joint assessment (`/escalate report`, the nightly `escalations.assessment` job). */
export function buildAssessmentService(input: {
  db: Database;
  clock: Clock;
  authorization: Pick<Authorization, 'require'>;
}): AssessmentService {
  return createAssessmentService({
    repo: createAssessmentPrismaRepository(input.db.prisma),
    clock: input.clock,
    authorization: input.authorization,
    // The check-in response rate per department comes from the OKR check-ins' rounds.
    checkInResponses: (workspaceId, from, to) =>
      createCheckInsPrismaRepository(input.db.prisma).responseCounts(workspaceId, from, to),
  });
}
