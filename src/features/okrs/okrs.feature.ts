import { createOkrsPrismaRepository } from '../../modules/okrs/okrs.prisma-repository.js';
import { createOkrsService, type OkrsService } from '../../modules/okrs/okrs.service.js';
import { defineFeature, type Feature, onCommand, onView } from '../feature.types.js';
import { okrCommand } from './okr.command.js';
import { newKeyResultSubmission, newObjectiveSubmission } from './okr-new.submission.js';
import { OKR_COMMAND, OKR_VIEWS } from './okrs.ids.js';

export interface OkrsServices {
  okrs: OkrsService;
}

/**
 * OKRs: `/okr` (list, show, new), the new-objective and key-result modals. Company
 * objectives, department objectives aligned to them, key results with owners and progress.
 */
export const okrsFeature: Feature<OkrsServices> = defineFeature({
  name: 'okrs',
  services: (deps, { db }) => ({
    okrs: createOkrsService({
      repo: createOkrsPrismaRepository(db.prisma),
      authorization: deps.authorization,
      clock: deps.clock,
    }),
  }),
  listeners: [
    onCommand(OKR_COMMAND, okrCommand),
    onView(OKR_VIEWS.newObjective, newObjectiveSubmission),
    onView(OKR_VIEWS.newKeyResult, newKeyResultSubmission),
  ],
  help: [{ key: 'okrs.help.list' }, { key: 'okrs.help.show' }, { key: 'okrs.help.new' }],
});
