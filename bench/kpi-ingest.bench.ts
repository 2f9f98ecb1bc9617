// KPI ingestion through POST /api/v1/kpis/samples: 10,000 samples of the demo KPIs in
// batches of 500, 4 requests in flight, against the route the HTTP receiver serves (the same
// handler, on a plain node:http server: Bolt adds nothing to a custom route). Prints samples/s.
// `npm run bench:kpi-ingest` — PGlite in memory; with LIAISON_BENCH_DATABASE_URL (a PostgreSQL
// server URL) on a fresh database there.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { servicesOf } from '../src/features/feature-registry.js';
import { KPI_SAMPLES_PATH } from '../src/features/kpis/kpi-samples.route.js';
import { kpisFeature } from '../src/features/kpis/kpis.feature.js';
import { createDemoPrismaRepository } from '../src/modules/demo/demo.prisma-repository.js';
import { ensureDemoWorkspace } from '../src/modules/demo/demo.service.js';
import { DEMO_KPIS } from '../src/modules/demo/demo-kpis.data.js';
import { systemClock } from '../src/modules/shared/clock.types.js';
import { buildSlackDeps } from '../src/wiring/build-slack-deps.js';
import { openBenchDatabase } from './lib/bench-database.js';

const SERVER_URL = process.env.LIAISON_BENCH_DATABASE_URL;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 10_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 4);
const logger = pino({ level: 'error' });
const defaults = { locale: 'en' as const, timeZone: 'UTC' };

async function main(): Promise<void> {
  const { db, drop } = await openBenchDatabase(SERVER_URL, logger);
  await ensureDemoWorkspace({ repo: createDemoPrismaRepository(db.prisma), defaults });
  const deps = buildSlackDeps({ db, clock: systemClock, logger, llm: { mode: 'fallback' }, defaults });
  const admin = await db.prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOLIN' } });
  const { tokens } = servicesOf(deps, kpisFeature);
  const { token } = await tokens.create(await deps.authorization.subjectOf(admin.id), 'bench');
  const [route] = deps.features.httpRoutes(deps).filter((r) => r.path === KPI_SAMPLES_PATH);
  if (!route) throw new Error('no KPI route');
  const server = createServer((req, res) => void route.handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${KPI_SAMPLES_PATH}`;

  // New periods (years before the demo's history), spread over the 11 KPIs.
  const start = DateTime.fromISO('2015-01-01', { zone: 'UTC' });
  const samples = Array.from({ length: SAMPLES }, (_, i) => ({
    kpi: DEMO_KPIS[i % DEMO_KPIS.length]?.key ?? 'gmv',
    period: start.plus({ days: Math.floor(i / DEMO_KPIS.length) }).toFormat('yyyy-MM-dd'),
    value: 100 + (i % 97),
  }));
  const batches: (typeof samples)[] = [];
  for (let at = 0; at < samples.length; at += BATCH) batches.push(samples.slice(at, at + BATCH));

  let written = 0;
  const began = performance.now();
  let next = 0;
  async function worker(): Promise<void> {
    while (next < batches.length) {
      const batch = batches[next++];
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ samples: batch }),
      });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
      written += ((await response.json()) as { written: number }).written;
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - began) / 1000;
  const stored = await db.prisma.kpiSample.count({ where: { period: { lt: '2018-01-01' } } });
  console.log(
    `${SERVER_URL ? 'PostgreSQL' : 'PGlite (embedded)'}: ${written} samples written (${stored} stored) in ` +
      `${seconds.toFixed(2)} s = ${Math.round(written / seconds)} samples/s ` +
      `(batches of ${BATCH}, ${IN_FLIGHT} in flight)`,
  );
  server.close();
  await drop();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
