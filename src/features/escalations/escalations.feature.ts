import { assessmentsExportSection } from '../../modules/escalations/assessment.export.prisma-repository.js';
import { createOpenEscalationsPrismaRepository } from '../../modules/escalations/assessment.prisma-repository.js';
import { createEscalationDigestPrismaRepository } from '../../modules/escalations/escalation-digest.prisma-repository.js';
import { createEscalationsDigestSection } from '../../modules/escalations/escalation-digest.service.js';
import {
  decisionsExportSection,
  escalationEventsExportSection,
  escalationsExportSection,
} from '../../modules/escalations/escalations.export.prisma-repository.js';
import {
  createOpenEscalationsService,
  type OpenEscalationsService,
} from '../../modules/escalations/open-escalations.service.js';
import {
  BLOCKS,
  COMMANDS,
  ESCALATION_ACTIONS,
  ESCALATION_RAISE_VIEW,
  ESCALATION_STEP_VIEWS,
  SHORTCUTS,
} from '../../slack/ids.js';
import {
  escalationDirectButton,
  escalationModalButton,
} from '../../slack/listeners/actions/escalation-card.actions.js';
import { escalateCommand } from '../../slack/listeners/commands/escalate.command.js';
import { escalateThisShortcut } from '../../slack/listeners/shortcuts/escalate-this.shortcut.js';
import { escalationRaiseSubmission } from '../../slack/listeners/views/escalation-raise.submission.js';
import { escalationStepSubmission } from '../../slack/listeners/views/escalation-step.submission.js';
import { escalationHomeLines } from '../../slack/views/escalation-report.view.js';
import {
  defineFeature,
  type Feature,
  onAction,
  onCommand,
  onMessageShortcut,
  onView,
} from '../feature.types.js';
import { servicesOf } from '../feature-registry.js';
import {
  ESCALATION_ASSESSMENT_KIND,
  ensureEscalationAssessmentSchedule,
  escalationAssessmentJob,
} from './escalation-assessment.job.js';
import { ESCALATION_SLA_KIND, ensureEscalationSlaSchedule, escalationSlaJob } from './escalation-sla.job.js';

/**
 * Escalations between departments: `/escalate`, "Escalate this", the cards' buttons and
 * step modals, the SLA ladder (every minute) and the nightly assessment snapshot, the Home
 * section and a deactivated person's open escalations.
 */
export const escalationsFeature: Feature<{ open: OpenEscalationsService }> = defineFeature({
  name: 'escalations',
  summary: 'escalations.about',
  exportSections: ({ db }) => [
    escalationsExportSection(db.prisma),
    escalationEventsExportSection(db.prisma),
    decisionsExportSection(db.prisma),
    assessmentsExportSection(db.prisma),
  ],
  services: (_deps, { db }) => ({
    open: createOpenEscalationsService({ repo: createOpenEscalationsPrismaRepository(db.prisma) }),
  }),
  listeners: [
    onCommand(COMMANDS.escalate, escalateCommand),
    onMessageShortcut(SHORTCUTS.escalateThis, escalateThisShortcut),
    onView(ESCALATION_RAISE_VIEW, escalationRaiseSubmission),
    ...(['propose', 'reject', 'escalate', 'reassign', 'resolve', 'reopen'] as const).flatMap((step) => [
      onAction(ESCALATION_ACTIONS[step], (deps) => escalationModalButton(deps, step)),
      onView(ESCALATION_STEP_VIEWS[step], (deps) => escalationStepSubmission(deps, step)),
    ]),
    ...(['acknowledge', 'accept', 'markForMeeting'] as const).map((step) =>
      onAction(ESCALATION_ACTIONS[step], (deps) => escalationDirectButton(deps, step)),
    ),
  ],
  jobs: [
    {
      kind: ESCALATION_SLA_KIND,
      handler: (deps) =>
        escalationSlaJob({ escalations: deps.escalations, cards: deps.escalationCards.refresher }),
      ensureSchedule: (deps, workspace) => ensureEscalationSlaSchedule(deps.schedules, workspace.id),
    },
    {
      kind: ESCALATION_ASSESSMENT_KIND,
      handler: (deps) => escalationAssessmentJob({ assessment: deps.assessment }),
      ensureSchedule: (deps, workspace) => ensureEscalationAssessmentSchedule(deps.schedules, workspace),
    },
  ],
  home: [
    {
      id: BLOCKS.home.escalations,
      section: { titleKey: 'home.sections.escalations.title', emptyKey: 'home.sections.escalations.empty' },
      load:
        (deps) =>
        async ({ workspaceId, personId, t, locale, timeZone }) =>
          escalationHomeLines(await servicesOf(deps, escalationsFeature).open.tiedTo(workspaceId, personId), {
            t,
            locale,
            timeZone,
          }),
    },
  ],
  digestSections: (_deps, { db }) => [
    createEscalationsDigestSection({ repo: createEscalationDigestPrismaRepository(db.prisma) }),
  ],
  notificationKinds: ['escalation.update'],
  openItems: (deps) => ({
    kind: 'escalations.open',
    async listOpenFor({ workspaceId, personId }) {
      const escalations = await servicesOf(deps, escalationsFeature).open.leftOpenBy(workspaceId, personId);
      return escalations.map((esc) => ({
        title: { key: 'escalationReport.openItem', params: { esc: `ESC-${esc.number}`, title: esc.title } },
      }));
    },
  }),
  help: [
    { key: 'escalationRaise.help.raise' },
    { key: 'escalations.help.list' },
    { key: 'escalations.help.search' },
    { key: 'escalationReport.help' },
  ],
});
