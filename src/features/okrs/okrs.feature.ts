import { resolveLocale, translator } from '../../i18n/catalog.js';
import { createCheckInDigestPrismaRepository } from '../../modules/okrs/okr-check-in-digest.prisma-repository.js';
import { createOkrDigestSection } from '../../modules/okrs/okr-check-in-digest.service.js';
import { createCheckInsPrismaRepository } from '../../modules/okrs/okr-check-ins.prisma-repository.js';
import {
  type CheckInsService,
  createCheckInsService,
  OKR_NOTIFICATION_KINDS,
} from '../../modules/okrs/okr-check-ins.service.js';
import {
  type ConfidenceDropsSince,
  createConfidenceDropsSince,
} from '../../modules/okrs/okr-confidence-drops.service.js';
import { createOkrImportPrismaRepository } from '../../modules/okrs/okr-import.prisma-repository.js';
import { createOkrImportService, type OkrImportService } from '../../modules/okrs/okr-import.service.js';
import {
  okrCheckInsExportSection,
  okrKeyResultsExportSection,
} from '../../modules/okrs/okrs.export.prisma-repository.js';
import { createOkrsPrismaRepository } from '../../modules/okrs/okrs.prisma-repository.js';
import { createOkrsService, type OkrsService } from '../../modules/okrs/okrs.service.js';
import { defineFeature, type Feature, onAction, onCommand, onView } from '../feature.types.js';
import { servicesOf } from '../feature-registry.js';
import { okrCommand } from './okr.command.js';
import { checkInSubmission, escalateBlockerButton, openCheckInButton } from './okr-check-in.listeners.js';
import { checkInPromptMessage, confidenceAlertMessage, wrapUpMessage } from './okr-check-in.view.js';
import { ensureOkrCheckInsSchedule, OKR_CHECK_INS_KIND, okrCheckInsJob } from './okr-check-ins.job.js';
import { okrImportSubmission } from './okr-import.submission.js';
import { newKeyResultSubmission, newObjectiveSubmission } from './okr-new.submission.js';
import { OKR_ACTIONS, OKR_COMMAND, OKR_VIEWS } from './okrs.ids.js';

export interface OkrsServices {
  okrs: OkrsService;
  checkIns: CheckInsService;
  /** OKR confidence drops of departments since a moment (for meeting pre-reads and others). */
  confidenceDropsSince: ConfidenceDropsSince;
  imports: OkrImportService;
}

/**
 * OKRs: `/okr` (list, show, new), the new-objective and key-result modals; check-ins by DM
 * (the 15-minute pass, the check-in modal, "Escalate" on a blocker), wrap-ups in the
 * department's channel and confidence-drop alerts to the owner's leads.
 */
export const okrsFeature: Feature<OkrsServices> = defineFeature({
  name: 'okrs',
  summary: 'okrs.about',
  exportSections: ({ db }) => [okrKeyResultsExportSection(db.prisma), okrCheckInsExportSection(db.prisma)],
  services: (deps, { db }) => {
    const locale = (raw: string | null) => resolveLocale(raw, deps.defaults.locale);
    const okrsRepo = createOkrsPrismaRepository(db.prisma);
    return {
      imports: createOkrImportService({ repo: createOkrImportPrismaRepository(db.prisma), okrs: okrsRepo }),
      confidenceDropsSince: createConfidenceDropsSince(createCheckInDigestPrismaRepository(db.prisma)),
      okrs: createOkrsService({
        repo: okrsRepo,
        authorization: deps.authorization,
        clock: deps.clock,
      }),
      checkIns: createCheckInsService({
        repo: createCheckInsPrismaRepository(db.prisma),
        clock: deps.clock,
        notify: (input) => deps.notifications.notify(input),
        notifyMany: (inputs) => deps.notifications.notifyMany(inputs),
        enqueue: (input) => deps.notifications.delivery.enqueue(input),
        authorization: deps.authorization,
        workingTimeProfilesFor: (personIds) => deps.calendar.calendars.workingTimeProfilesFor(personIds),
        messages: {
          prompt: (prompt) => {
            const l = locale(prompt.owner.locale);
            return checkInPromptMessage(
              prompt,
              { t: translator(l), locale: l, timeZone: prompt.timeZone },
              'prompt',
            );
          },
          reminder: (prompt) => {
            const l = locale(prompt.owner.locale);
            return checkInPromptMessage(
              prompt,
              { t: translator(l), locale: l, timeZone: prompt.timeZone },
              'reminder',
            );
          },
          wrapUp: (wrapUp, workspaceLocale) => wrapUpMessage(wrapUp, locale(workspaceLocale)),
          alert: (alert, leadLocale) => confidenceAlertMessage(alert, locale(leadLocale)),
        },
        onError: (error, context) =>
          deps.logger.error({ err: error, ...context }, 'OKR check-in step failed'),
      }),
    };
  },
  digestSections: (_deps, { db }) => [
    createOkrDigestSection({ repo: createCheckInDigestPrismaRepository(db.prisma) }),
  ],
  listeners: [
    onCommand(OKR_COMMAND, okrCommand),
    onView(OKR_VIEWS.newObjective, newObjectiveSubmission),
    onView(OKR_VIEWS.newKeyResult, newKeyResultSubmission),
    onView(OKR_VIEWS.import, okrImportSubmission),
    onAction(OKR_ACTIONS.openCheckIn, openCheckInButton),
    onView(OKR_VIEWS.checkIn, checkInSubmission),
    onAction(OKR_ACTIONS.escalateBlocker, escalateBlockerButton),
  ],
  jobs: [
    {
      kind: OKR_CHECK_INS_KIND,
      handler: (deps) => okrCheckInsJob({ checkIns: servicesOf(deps, okrsFeature).checkIns }),
      ensureSchedule: (deps, workspace) => ensureOkrCheckInsSchedule(deps.schedules, workspace.id),
    },
  ],
  // Prompts and reminders to owners, confidence drops to leads (the wrap-up goes to a channel).
  notificationKinds: [
    OKR_NOTIFICATION_KINDS.prompt,
    OKR_NOTIFICATION_KINDS.reminder,
    OKR_NOTIFICATION_KINDS.alert,
  ],
  help: [
    { key: 'okrs.help.list' },
    { key: 'okrs.help.show' },
    { key: 'okrs.help.new' },
    { key: 'okrs.help.import' },
    { key: 'okrs.help.checkIns' },
    { key: 'okrs.help.settings' },
    { key: 'okrs.help.review' },
  ],
});
