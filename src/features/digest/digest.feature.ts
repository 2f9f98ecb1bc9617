import { summarizeRisks } from '../../llm/index.js';
import { digestSubscriptionsExportSection } from '../../modules/digest/digest.export.prisma-repository.js';
import { createDigestPrismaRepository } from '../../modules/digest/digest.prisma-repository.js';
import { createDigestService, type DigestService } from '../../modules/digest/digest.service.js';
import { DIGEST_MANAGERS_KIND } from '../../modules/digest/digest.types.js';
import type { DigestSection } from '../../modules/digest/digest-section.types.js';
import { summarizeRisksByRules } from '../../modules/digest/risk-summary.rules.js';
import type { SlackDeps } from '../../slack/deps.js';
import { defineFeature, type Feature, type FeatureInfra } from '../feature.types.js';
import { servicesOf } from '../feature-registry.js';
import { digestSubcommand } from './digest.subcommand.js';
import { digestMessage } from './digest.view.js';
import { DIGEST_SEND_KIND, digestSendJob, ensureDigestSendSchedule } from './digest-send.job.js';

/** Every feature's digest sections; two with one id is a programming error, caught at start. */
function sectionsOf(deps: SlackDeps, infra: FeatureInfra): DigestSection[] {
  const sections = deps.features.features.flatMap((feature) => feature.digestSections?.(deps, infra) ?? []);
  const ids = sections.map((section) => section.id);
  const twice = ids.find((id, index) => ids.indexOf(id) !== index);
  if (twice) throw new Error(`two features declare the digest section ${twice}`);
  return sections;
}

/**
 * The managers' digest: `/liaison digest` (show, set, `now`), the five-minute pass that
 * sends due digests, and the `digest.managers` kind a reader may mute. Its content comes
 * from the sections other features declare (`digestSections`).
 */
export const digestFeature: Feature<{ digest: DigestService }> = defineFeature({
  name: 'digest',
  summary: 'digest.about',
  services: (deps, infra) => ({
    digest: createDigestService({
      repo: createDigestPrismaRepository(infra.db.prisma),
      clock: deps.clock,
      notify: deps.notifications.notify,
      sections: sectionsOf(deps, infra),
      // The risk summary: the model with receipts when one is configured and within budget,
      // the rules otherwise (and whenever the model fails or cites nothing it was given).
      summarize: (request) => summarizeRisks(deps.llm, request, summarizeRisksByRules),
      render: digestMessage,
    }),
  }),
  exportSections: ({ db }) => [digestSubscriptionsExportSection(db.prisma)],
  subcommands: [digestSubcommand],
  jobs: [
    {
      kind: DIGEST_SEND_KIND,
      handler: (deps) => digestSendJob({ digest: servicesOf(deps, digestFeature).digest }),
      ensureSchedule: (deps, workspace) => ensureDigestSendSchedule(deps.schedules, workspace.id),
    },
  ],
  notificationKinds: [DIGEST_MANAGERS_KIND],
  help: [{ key: 'digest.help' }],
});
