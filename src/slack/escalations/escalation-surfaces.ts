import type { Database } from '../../db/database.js';
import type { Authorization } from '../../modules/access/authorization.service.js';
import type { OpenItemsRegistry } from '../../modules/directory/open-items.js';
import {
  createAssessmentPrismaRepository,
  createOpenEscalationsPrismaRepository,
} from '../../modules/escalations/assessment.prisma-repository.js';
import {
  type AssessmentService,
  createAssessmentService,
} from '../../modules/escalations/assessment.service.js';
import { createOpenEscalationsService } from '../../modules/escalations/open-escalations.service.js';
import type { Clock } from '../../modules/shared/clock.js';
import type { HomeSectionRegistry } from '../home/home-sections.js';
import { BLOCKS } from '../ids.js';
import { escalationHomeLines } from '../views/escalation-report.view.js';

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

/**
 * Where escalations show besides `/escalate`: "Escalations I own or must act on" on the Home
 * tab, and a deactivated person's open escalations in the notice to their leads.
 */
export function registerEscalationSurfaces(input: {
  db: Database;
  homeSections: HomeSectionRegistry;
  openItems: OpenItemsRegistry;
}): void {
  const open = createOpenEscalationsService({ repo: createOpenEscalationsPrismaRepository(input.db.prisma) });
  input.homeSections.provide(
    BLOCKS.home.escalations,
    async ({ workspaceId, personId, t, locale, timeZone }) =>
      escalationHomeLines(await open.tiedTo(workspaceId, personId), { t, locale, timeZone }),
  );
  input.openItems.register({
    kind: 'escalations.open',
    async listOpenFor({ workspaceId, personId }) {
      const escalations = await open.leftOpenBy(workspaceId, personId);
      return escalations.map((esc) => ({
        title: { key: 'escalationReport.openItem', params: { esc: `ESC-${esc.number}`, title: esc.title } },
      }));
    },
  });
}
