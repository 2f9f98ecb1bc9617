import type { Database } from '../db/database.js';
import type { Authorization } from '../modules/access/authorization.service.js';
import { createAssessmentPrismaRepository } from '../modules/escalations/assessment.prisma-repository.js';
import {
  type AssessmentService,
  createAssessmentService,
} from '../modules/escalations/assessment.service.js';
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
  });
}
