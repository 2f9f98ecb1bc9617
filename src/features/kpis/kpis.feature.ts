import { narrateKpis } from '../../llm/index.js';
import { createKpiApiService, type KpiApiService } from '../../modules/kpis/kpi-api.service.js';
import {
  createKpiBreachesService,
  type KpiBreachesService,
} from '../../modules/kpis/kpi-breaches.service.js';
import { createKpisDigestSection } from '../../modules/kpis/kpi-digest.service.js';
import { createKpiImportService, type KpiImportService } from '../../modules/kpis/kpi-import.service.js';
import { createKpiPlansPrismaRepository } from '../../modules/kpis/kpi-plans.prisma-repository.js';
import { createKpiPlansService, type KpiPlansService } from '../../modules/kpis/kpi-plans.service.js';
import { kpiDigestSubscriptionsExportSection } from '../../modules/kpis/kpi-subscriptions.export.prisma-repository.js';
import { createKpiSubscriptionsPrismaRepository } from '../../modules/kpis/kpi-subscriptions.prisma-repository.js';
import {
  createKpiSubscriptionsService,
  type KpiSubscriptionsService,
} from '../../modules/kpis/kpi-subscriptions.service.js';
import { createKpiTokensPrismaRepository } from '../../modules/kpis/kpi-tokens.prisma-repository.js';
import { createKpiTokensService, type KpiTokensService } from '../../modules/kpis/kpi-tokens.service.js';
import { kpiSampleChangesExportSection } from '../../modules/kpis/kpis.export.prisma-repository.js';
import { createKpisPrismaRepository } from '../../modules/kpis/kpis.prisma-repository.js';
import { createKpisService, type KpisService } from '../../modules/kpis/kpis.service.js';
import { COMMANDS } from '../../slack/ids.js';
import { defineFeature, type Feature, onCommand, onDirectMessage, onView } from '../feature.types.js';
import { servicesOf } from '../feature-registry.js';
import { kpiCommand } from './kpi.command.js';
import { kpiBreachEffects } from './kpi-breach.effects.js';
import {
  ensureKpiBreachSweepSchedule,
  KPI_BREACH_SWEEP_KIND,
  kpiBreachSweepJob,
} from './kpi-breach-sweep.job.js';
import { kpiCsvFileShared } from './kpi-csv-file.event.js';
import { kpiDefineSubmission } from './kpi-define.submission.js';
import { kpiDigestCharts } from './kpi-digest-charts.js';
import { postKpiChannelDigest } from './kpi-digest-post.js';
import {
  ensureKpiDigestSendSchedule,
  KPI_DIGEST_SEND_KIND,
  kpiDigestSendJob,
} from './kpi-digest-send.job.js';
import { kpiImportSubmission } from './kpi-import.submission.js';
import { kpiPlanSubmission } from './kpi-plan.submission.js';
import { kpiSamplesRoute } from './kpi-samples.route.js';
import { KPI_BLOCKS, KPI_VIEWS } from './kpis.ids.js';
import { kpiHomeLines } from './kpis.view.js';

export interface KpisServices {
  kpis: KpisService;
  plans: KpiPlansService;
  breaches: KpiBreachesService;
  imports: KpiImportService;
  tokens: KpiTokensService;
  api: KpiApiService;
  subscriptions: KpiSubscriptionsService;
}

/**
 * KPIs (issue 13): `/kpi` to define, list, show and record them, with the define modal.
 */
export const kpisFeature: Feature<KpisServices> = defineFeature<KpisServices>({
  name: 'kpis',
  summary: 'kpis.about',
  exportSections: ({ db }) => [
    kpiSampleChangesExportSection(db.prisma),
    kpiDigestSubscriptionsExportSection(db.prisma),
  ],
  services: (deps, { db }) => {
    const repo = createKpisPrismaRepository(db.prisma);
    const planRepo = createKpiPlansPrismaRepository(db.prisma);
    const breaches = createKpiBreachesService({
      repo: planRepo,
      kpis: repo,
      clock: deps.clock,
      effects: kpiBreachEffects(deps, planRepo),
      onError: (error, kpiId) =>
        deps.logger.error({ err: error, kpiId }, 'KPI thresholds: evaluation failed'),
    });
    const kpis = createKpisService({
      repo,
      authorization: deps.authorization,
      clock: deps.clock,
      // One call per write (a record, an import, an API request) with the KPIs it changed.
      afterWrite: (kpiIds) => breaches.evaluate(kpiIds),
    });
    return {
      kpis,
      plans: createKpiPlansService({
        repo: planRepo,
        authorization: deps.authorization,
        requireKpi: kpis.requireKpi,
      }),
      breaches,
      imports: createKpiImportService({ repo, mayRecord: kpis.mayRecord, write: kpis.write }),
      tokens: createKpiTokensService({
        repo: createKpiTokensPrismaRepository(db.prisma),
        authorization: deps.authorization,
        clock: deps.clock,
      }),
      api: createKpiApiService({ repo, write: kpis.write }),
      subscriptions: createKpiSubscriptionsService({
        repo: createKpiSubscriptionsPrismaRepository(db.prisma),
        authorization: deps.authorization,
        clock: deps.clock,
        requireKpi: kpis.requireKpi,
        healthOf: kpis.healthOf,
        post: postKpiChannelDigest(deps),
        onError: (error, subscriptionId) =>
          deps.logger.error({ err: error, subscriptionId }, 'KPI channel digest could not be posted'),
      }),
    };
  },
  httpRoutes: (deps) => {
    const { tokens, api } = servicesOf(deps, kpisFeature);
    return [kpiSamplesRoute({ tokens, api, clock: deps.clock })];
  },
  listeners: [
    onCommand(COMMANDS.kpi, kpiCommand),
    onView(KPI_VIEWS.define, kpiDefineSubmission),
    onView(KPI_VIEWS.import, kpiImportSubmission),
    onView(KPI_VIEWS.plan, kpiPlanSubmission),
    // message.im: a CSV file shared in a DM with Liaison is imported (other DMs are ignored).
    onDirectMessage(kpiCsvFileShared),
  ],
  // The managers' digest: the readers' departments' KPIs, with a narrative by the model
  // (receipts) when one is configured, by rules otherwise.
  digestSections: (deps) => [
    createKpisDigestSection({
      worstOf: (workspaceId, departmentIds, limit) =>
        servicesOf(deps, kpisFeature).kpis.worstOf(workspaceId, departmentIds, limit),
      narrate: (request) => narrateKpis(deps.llm, request),
      charts: kpiDigestCharts(deps),
    }),
  ],
  // The breach sweep sends alerts owed after a crash; channel KPI digests (`/kpi digest
  // subscribe`): the five-minute pass posts the due ones.
  jobs: [
    {
      kind: KPI_BREACH_SWEEP_KIND,
      handler: (deps) => kpiBreachSweepJob({ breaches: servicesOf(deps, kpisFeature).breaches }),
      ensureSchedule: (deps, workspace) => ensureKpiBreachSweepSchedule(deps.schedules, workspace.id),
    },
    {
      kind: KPI_DIGEST_SEND_KIND,
      handler: (deps) => kpiDigestSendJob({ subscriptions: servicesOf(deps, kpisFeature).subscriptions }),
      ensureSchedule: (deps, workspace) => ensureKpiDigestSendSchedule(deps.schedules, workspace.id),
    },
  ],
  home: [
    {
      id: KPI_BLOCKS.home,
      section: { titleKey: 'kpis.home.title', emptyKey: 'kpis.home.empty' },
      load:
        (deps) =>
        async ({ workspaceId, personId, t, locale }) => {
          const subject = await deps.authorization.subjectOf(personId);
          const departmentIds = [...new Set(subject.memberships.map((m) => m.departmentId))];
          const health = await servicesOf(deps, kpisFeature).kpis.healthOf(workspaceId, departmentIds);
          return kpiHomeLines(health, { t, locale });
        },
    },
  ],
  help: [
    { key: 'kpis.help.define' },
    { key: 'kpis.help.list' },
    { key: 'kpis.help.show' },
    { key: 'kpis.help.plan' },
    { key: 'kpis.help.record' },
    { key: 'kpis.help.import' },
    { key: 'kpis.help.digest' },
    { key: 'kpis.help.token', adminOnly: true },
  ],
});
