import { createKpiImportService, type KpiImportService } from '../../modules/kpis/kpi-import.service.js';
import { createKpisPrismaRepository } from '../../modules/kpis/kpis.prisma-repository.js';
import { createKpisService, type KpisService } from '../../modules/kpis/kpis.service.js';
import { COMMANDS } from '../../slack/ids.js';
import { defineFeature, type Feature, onCommand, onView } from '../feature.types.js';
import { kpiCommand } from './kpi.command.js';
import { kpiDefineSubmission } from './kpi-define.submission.js';
import { kpiImportSubmission } from './kpi-import.submission.js';
import { KPI_VIEWS } from './kpis.ids.js';

export interface KpisServices {
  kpis: KpisService;
  imports: KpiImportService;
}

/**
 * KPIs (issue 13): `/kpi` to define, list, show and record them, with the define modal.
 */
export const kpisFeature: Feature<KpisServices> = defineFeature<KpisServices>({
  name: 'kpis',
  services: (deps, { db }) => {
    const repo = createKpisPrismaRepository(db.prisma);
    const kpis = createKpisService({ repo, authorization: deps.authorization, clock: deps.clock });
    return { kpis, imports: createKpiImportService({ repo, mayRecord: kpis.mayRecord, write: kpis.write }) };
  },
  listeners: [
    onCommand(COMMANDS.kpi, kpiCommand),
    onView(KPI_VIEWS.define, kpiDefineSubmission),
    onView(KPI_VIEWS.import, kpiImportSubmission),
  ],
  help: [
    { key: 'kpis.help.define' },
    { key: 'kpis.help.list' },
    { key: 'kpis.help.show' },
    { key: 'kpis.help.record' },
    { key: 'kpis.help.import' },
  ],
});
