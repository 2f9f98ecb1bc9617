import { createKpisPrismaRepository } from '../../modules/kpis/kpis.prisma-repository.js';
import { createKpisService, type KpisService } from '../../modules/kpis/kpis.service.js';
import { COMMANDS } from '../../slack/ids.js';
import { defineFeature, type Feature, onCommand, onView } from '../feature.types.js';
import { kpiCommand } from './kpi.command.js';
import { kpiDefineSubmission } from './kpi-define.submission.js';
import { KPI_VIEWS } from './kpis.ids.js';

export interface KpisServices {
  kpis: KpisService;
}

/**
 * KPIs (issue 13): `/kpi` to define, list, show and record them, with the define modal.
 */
export const kpisFeature: Feature<KpisServices> = defineFeature<KpisServices>({
  name: 'kpis',
  services: (deps, { db }) => ({
    kpis: createKpisService({
      repo: createKpisPrismaRepository(db.prisma),
      authorization: deps.authorization,
      clock: deps.clock,
    }),
  }),
  listeners: [onCommand(COMMANDS.kpi, kpiCommand), onView(KPI_VIEWS.define, kpiDefineSubmission)],
  help: [
    { key: 'kpis.help.define' },
    { key: 'kpis.help.list' },
    { key: 'kpis.help.show' },
    { key: 'kpis.help.record' },
  ],
});
