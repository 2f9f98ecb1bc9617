/** The KPI feature's Slack ids (`kpis.<verb>`); the `/kpi` command itself is in src/slack/ids.ts with the others. */
export const KPI_VIEWS = {
  define: 'kpis.define',
  import: 'kpis.import',
  plan: 'kpis.plan',
} as const;

/** The plan modal's blocks: `kpis.plan.<level>.<field>`, one per field of each level. */
export const planBlock = (level: number, name: string) => `kpis.plan.${level}.${name}`;

/** One block per field of the define modal; the field names are the service's. */
export const KPI_FIELDS = {
  key: 'kpis.field.key',
  nameEn: 'kpis.field.name_en',
  nameZh: 'kpis.field.name_zh',
  unit: 'kpis.field.unit',
  currency: 'kpis.field.currency',
  ownerDepartmentKey: 'kpis.field.owner',
  direction: 'kpis.field.direction',
  aggregation: 'kpis.field.aggregation',
  period: 'kpis.field.period',
  target: 'kpis.field.target',
  csv: 'kpis.field.csv',
} as const;

export const KPI_BLOCKS = {
  list: 'kpis.list',
  showTitle: 'kpis.show.title',
  showFacts: 'kpis.show.facts',
  showDefinition: 'kpis.show.definition',
  importSummary: 'kpis.import.summary',
  importRejected: 'kpis.import.rejected',
  tokens: 'kpis.tokens',
  home: 'kpis.home',
  showPlan: 'kpis.show.plan',
  planIntro: 'kpis.plan.intro',
  alert: 'kpis.alert',
} as const;
