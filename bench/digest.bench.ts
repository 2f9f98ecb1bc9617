// Input tokens of the managers' digest risk summary. `npm run bench:digest`.
// The facts a reader's digest gives the RiskSummarizer port, pre-aggregated as the digest
// service does (src/modules/digest/risk-summary.rules.ts: aggregateRiskFacts), rendered
// through prompts/risk-summary.prompt.md as the model receives them and counted with
// js-tiktoken (o200k_base). Two workspaces, in PGlite in memory: the demo workspace with a week of sample activity, and 100 departments with 500 open
// escalations and 5,000 open action items. The budget: ≤ 3,000 input tokens for every reader.
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { Database } from '../src/db/database.js';
import { applyPendingMigrations } from '../src/db/migrator.js';
import { openInMemoryDatabase } from '../src/db/open-database.js';
import { PROJECT_MIGRATIONS_DIR } from '../src/db/paths.js';
import { digestMessage } from '../src/features/digest/digest.view.js';
import { countTokens, renderPrompt, riskSummaryVars } from '../src/llm/index.js';
import { createActionItemDigestPrismaRepository } from '../src/modules/action-items/action-item-digest.prisma-repository.js';
import { createActionItemsDigestSection } from '../src/modules/action-items/action-item-digest.service.js';
import { createDemoPrismaRepository } from '../src/modules/demo/demo.prisma-repository.js';
import { ensureDemoWorkspace } from '../src/modules/demo/demo.service.js';
import { createDigestPrismaRepository } from '../src/modules/digest/digest.prisma-repository.js';
import { createDigestService } from '../src/modules/digest/digest.service.js';
import { digestPeriod } from '../src/modules/digest/digest-schedule.rules.js';
import { summarizeRisksByRules } from '../src/modules/digest/risk-summary.rules.js';
import { createEscalationDigestPrismaRepository } from '../src/modules/escalations/escalation-digest.prisma-repository.js';
import { createEscalationsDigestSection } from '../src/modules/escalations/escalation-digest.service.js';
import type { RiskSummaryRequest } from '../src/modules/shared/risk-summary.types.js';

/** Tokens set aside for the prompt's instructions and output schema (the lead swaps in the real prompt's count). */
const BUDGET = 3_000;
const NOW = new Date('2036-12-01T09:00:00Z');
const DAY = 86_400_000;
const logger = pino({ level: 'error' });

async function openDatabase(): Promise<Database> {
  const db = await openInMemoryDatabase();
  await applyPendingMigrations(db, { migrationsDir: PROJECT_MIGRATIONS_DIR, logger });
  return db;
}

/** The digest service over the real repositories and sections; the summarizer records what it is asked. */
function digestOver(db: Database) {
  const asked: RiskSummaryRequest[] = [];
  const service = createDigestService({
    repo: createDigestPrismaRepository(db.prisma),
    clock: { now: () => NOW },
    notify: async () => {
      throw new Error('the bench sends nothing');
    },
    sections: [
      createEscalationsDigestSection({ repo: createEscalationDigestPrismaRepository(db.prisma) }),
      createActionItemsDigestSection({ repo: createActionItemDigestPrismaRepository(db.prisma) }),
    ],
    summarize: async (request) => {
      asked.push(request);
      return summarizeRisksByRules(request);
    },
    render: digestMessage,
  });
  return { service, asked };
}

async function measure(db: Database, workspaceId: string, personId: string) {
  const { service, asked } = digestOver(db);
  const repo = createDigestPrismaRepository(db.prisma);
  const reader = await repo.reader(workspaceId, personId);
  if (!reader) throw new Error(`no reader ${personId}`);
  const started = performance.now();
  const digest = await service.compose(reader, digestPeriod('weekly', NOW, reader.timeZone));
  const composeMs = performance.now() - started;
  const request = asked[0];
  // The real prompt as the model would receive it: prompts/risk-summary.prompt.md rendered
  // with this reader's facts, system and user parts counted with o200k_base.
  const rendered = request ? renderPrompt('risk-summary', riskSummaryVars(request)) : null;
  const inputTokens = rendered ? countTokens(rendered.system) + countTokens(rendered.user) : 0;
  return {
    factsGiven: digest.factCount,
    factsSent: request?.facts.length ?? 0,
    inputTokens,
    composeMs,
  };
}

interface Seeded {
  workspaceId: string;
  departmentIds: string[];
  personIds: string[];
}

async function seedActivity(
  db: Database,
  { workspaceId, departmentIds, personIds }: Seeded,
  counts: { escalations: number; actionItems: number },
) {
  const severities = ['NORMAL', 'HIGH', 'URGENT'] as const;
  const escalations = Array.from({ length: counts.escalations }, (_, i) => ({
    id: randomUUID(),
    workspaceId,
    number: i + 1,
    title: `Escalation ${i + 1}: the ${['payment gateway', 'courier cut-off', 'promo budget', 'host schedule'][i % 4]} needs a decision before the next live stream`,
    blocked: 'Launch',
    impact: 'Revenue at risk',
    decisionNeeded: 'Choose an option',
    options: [],
    severity: severities[i % 3] ?? 'NORMAL',
    level: 1 + (i % 3),
    status: 'OPEN' as const,
    raisedByPersonId: personIds[i % personIds.length] ?? '',
    slaDueAt: new Date(NOW.getTime() + ((i % 5) - 2) * DAY),
    createdAt: new Date(NOW.getTime() - (1 + (i % 20)) * DAY),
  }));
  await db.prisma.escalation.createMany({ data: escalations });
  await db.prisma.escalationDepartment.createMany({
    data: escalations.flatMap((esc, i) => [
      { escalationId: esc.id, departmentId: departmentIds[i % departmentIds.length] ?? '', role: 'RAISER' },
      {
        escalationId: esc.id,
        departmentId: departmentIds[(i + 1) % departmentIds.length] ?? '',
        role: 'COUNTERPART',
      },
    ]),
  });
  const items = Array.from({ length: counts.actionItems }, (_, i) => {
    const dueOn = new Date(Date.UTC(2036, 11, 1) + ((i % 30) - 20) * DAY);
    return {
      workspaceId,
      title: `Action item ${i + 1}: follow up on the supplier's revised delivery schedule`,
      ownerPersonId: personIds[i % personIds.length] ?? '',
      ownerDepartmentId: departmentIds[i % departmentIds.length] ?? null,
      dueOn,
      status: dueOn.getTime() < Date.UTC(2036, 11, 1) ? ('OVERDUE' as const) : ('OPEN' as const),
      sourceType: 'escalation',
    };
  });
  for (let i = 0; i < items.length; i += 1_000)
    await db.prisma.actionItem.createMany({ data: items.slice(i, i + 1_000) });
}

async function demoWorkspace() {
  const db = await openDatabase();
  await ensureDemoWorkspace({
    repo: createDemoPrismaRepository(db.prisma),
    defaults: { locale: 'en', timeZone: 'UTC' },
  });
  const workspace = await db.prisma.workspace.findFirstOrThrow({ select: { id: true } });
  const departments = await db.prisma.department.findMany({ select: { id: true }, orderBy: { key: 'asc' } });
  const people = await db.prisma.person.findMany({ select: { id: true }, orderBy: { slackUserId: 'asc' } });
  await seedActivity(
    db,
    {
      workspaceId: workspace.id,
      departmentIds: departments.map((d) => d.id),
      personIds: people.map((p) => p.id),
    },
    { escalations: 12, actionItems: 40 },
  );
  const readers = await db.prisma.person.findMany({
    where: { memberships: { some: { role: { in: ['LEAD', 'HEAD', 'EXECUTIVE'] } } } },
    select: { id: true, displayName: true },
  });
  const rows = [];
  for (const reader of readers)
    rows.push({ reader: reader.displayName, ...(await measure(db, workspace.id, reader.id)) });
  await db.close();
  return rows;
}

async function largeWorkspace() {
  const db = await openDatabase();
  const workspace = await db.prisma.workspace.create({
    data: { slackTeamId: 'TBENCHDIGEST', name: 'Bench', defaultLocale: 'en', defaultTimeZone: 'UTC' },
    select: { id: true },
  });
  const departmentIds = Array.from({ length: 100 }, () => randomUUID());
  await db.prisma.department.createMany({
    data: departmentIds.map((id, i) => ({
      id,
      workspaceId: workspace.id,
      key: `dept-${i}`,
      nameEn: `Department ${i}`,
      nameZh: `部门 ${i}`,
    })),
  });
  const leads = departmentIds.map(() => randomUUID());
  const executive = randomUUID();
  await db.prisma.person.createMany({
    data: [...leads, executive].map((id, i) => ({
      id,
      workspaceId: workspace.id,
      slackUserId: `UBENCH${i}`,
      displayName: `person-${i}`,
      timeZone: 'Asia/Shanghai',
      locale: i % 2 === 0 ? 'en-US' : 'zh-CN',
    })),
  });
  await db.prisma.membership.createMany({
    data: [
      ...leads.map((personId, i) => ({
        personId,
        departmentId: departmentIds[i] ?? '',
        role: 'LEAD' as const,
      })),
      ...departmentIds.map((departmentId) => ({
        personId: executive,
        departmentId,
        role: 'EXECUTIVE' as const,
      })),
    ],
  });
  await seedActivity(
    db,
    { workspaceId: workspace.id, departmentIds, personIds: leads },
    { escalations: 500, actionItems: 5_000 },
  );
  const rows = [
    { reader: 'executive of all 100 departments (en)', ...(await measure(db, workspace.id, executive)) },
    { reader: 'lead of one department (en)', ...(await measure(db, workspace.id, leads[0] ?? '')) },
    { reader: 'lead of one department (zh-CN)', ...(await measure(db, workspace.id, leads[1] ?? '')) },
  ];
  await db.close();
  return rows;
}

function report(
  title: string,
  rows: Array<{
    reader: string;
    factsGiven: number;
    factsSent: number;
    inputTokens: number;
    composeMs: number;
  }>,
) {
  console.log(`\n${title}`);
  for (const row of rows)
    console.log(
      `  ${row.reader.padEnd(40)} facts ${String(row.factsGiven).padStart(5)} → ${String(row.factsSent).padStart(2)} sent, ` +
        `${String(row.inputTokens).padStart(5)} input tokens (${row.inputTokens <= BUDGET ? 'within' : 'OVER'} ${BUDGET}), ` +
        `composed in ${row.composeMs.toFixed(0)} ms`,
    );
  return rows.every((row) => row.inputTokens <= BUDGET);
}

const demo = await demoWorkspace();
const large = await largeWorkspace();
console.log(
  'Digest risk-summary input tokens (o200k_base; prompts/risk-summary.prompt.md rendered with the facts)',
);
const ok = [
  report('Demo workspace (+12 escalations, 40 action items)', demo),
  report('100 departments, 500 open escalations, 5,000 action items', large),
].every(Boolean);
console.log(ok ? `\nEvery reader within ${BUDGET} tokens.` : `\nSome reader over ${BUDGET} tokens.`);
