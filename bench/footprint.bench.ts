// Start time and memory of the whole Liaison process, as `npm start` runs it, per database.
// `npm run bench:footprint` (see bench/README.md). For each database (embedded PGlite in a
// fresh LIAISON_DATA_DIR; PostgreSQL at BENCH_DATABASE_URL in a fresh, empty database):
//  1. first start on new data: spawn → GET /healthz answers 200;
//  2. RSS idle (5 s after ready) and after 2,000 `/liaison` commands from 500 people;
//  3. restart on the same data: SIGTERM, spawn again → /healthz 200, RSS idle.
// The Slack stand-in (500 people in its directory) runs in this process; Liaison runs in
// HTTP mode against it with its real environment variables.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { StandInUser } from '../src/console/slack-stand-in/index.js';
import { startSlackStandIn } from '../src/console/slack-stand-in/index.js';
import { PROJECT_ROOT } from '../src/db/paths.js';
import { signSlackRequest } from '../tests/harness/slack-driver.js';
import { slashCommandBody } from './lib/load.js';
import { BENCH_SIGNING_SECRET, type ReadyMessage } from './lib/protocol.js';
import { scriptArgs } from './lib/start-script.js';
import { ms, summarize } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    /** embedded and postgres: HTTP mode against the stand-in; console: `npm start` with nothing set (the README's first command). */
    databases: { type: 'string', default: process.env.BENCH_DATABASES ?? 'embedded,postgres,console' },
    people: { type: 'string', default: process.env.BENCH_PEOPLE ?? '500' },
    commands: { type: 'string', default: process.env.BENCH_COMMANDS ?? '2000' },
    concurrency: { type: 'string', default: process.env.BENCH_CONCURRENCY ?? '8' },
    command: { type: 'string', default: process.env.BENCH_START_COMMAND ?? 'tsx' },
  },
});
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PEOPLE = Number(values.people);
const COMMANDS = Number(values.commands);
const CONCURRENCY = Number(values.concurrency);
/** How Liaison is started: `tsx` = what `npm start` runs (scripts/start.mjs: dist/ when up to date, else tsx), `dist` = `npm run start:dist`. */
const START = values.command;
const TEXTS = ['help', 'whoami'];
const sleep = (msec: number) => new Promise((resolve) => setTimeout(resolve, msec));
const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');

function procStatus(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    throw new Error(`Liaison (pid ${pid}) is no longer running; its error is above`);
  }
}

function rssMb(pid: number): number {
  const status = procStatus(pid);
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

function hwmMb(pid: number): number {
  const status = procStatus(pid);
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path, timeout: 1_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => request.destroy());
  });
}

interface Started {
  child: ChildProcess;
  readyMs: number;
}

async function startLiaison(env: Record<string, string>, port: number): Promise<Started> {
  // BENCH_NODE_ARGS: extra flags for Liaison's node (e.g. V8 heap flags), space-separated.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const args = [...nodeArgs, ...scriptArgs(START === 'dist' ? 'start:dist' : 'start')];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const deadline = started + 180_000;
  for (;;) {
    if (exited) throw new Error('Liaison exited before /healthz answered');
    if ((await get(port, '/healthz')) === 200) return { child, readyMs: performance.now() - started };
    if (performance.now() > deadline) throw new Error('no /healthz 200 within 180 s');
    await sleep(25);
  }
}

async function stopLiaison(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function command(target: ReadyMessage, port: number, userId: string, text: string, responseUrl: string) {
  const body = slashCommandBody(target, { userId, channelId: 'C0FOOTPRINT', responseUrl, text });
  return new Promise<{ status: number; ms: number }>((resolve) => {
    const t0 = performance.now();
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          ...signSlackRequest(BENCH_SIGNING_SECRET, body, Math.floor(Date.now() / 1000)),
        },
        timeout: 10_000,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - t0 }));
      },
    );
    request.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    request.on('timeout', () => request.destroy());
    request.end(body);
  });
}

async function freshPostgresUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `liaison_footprint_${randomBytes(4).toString('hex')}`;
  const onServer = async (sql: string) => {
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function measure(database: 'embedded' | 'postgres'): Promise<void> {
  const users: StandInUser[] = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `U0FP${String(i).padStart(5, '0')}`,
    name: `person${i}`,
    displayName: `Person ${i}`,
    realName: `Person ${i}`,
    tz: i % 2 === 0 ? 'Asia/Shanghai' : 'Europe/Berlin',
    locale: i % 3 === 0 ? 'zh-CN' : 'en-US',
    isAdmin: i === 0,
  }));
  const standIn = await startSlackStandIn({ users });
  const dataDir = mkdtempSync(join(os.tmpdir(), 'liaison-footprint-'));
  const postgres = database === 'postgres' ? await freshPostgresUrl() : undefined;
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: standIn.botToken,
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_API_URL: standIn.url,
    LIAISON_DATA_DIR: dataDir,
    LIAISON_LOG_LEVEL: 'warn',
    DATABASE_URL: postgres?.url ?? '',
  };
  const target: ReadyMessage = {
    type: 'ready',
    target: 'liaison',
    port: 0,
    teamId: standIn.teamId,
    teamDomain: standIn.teamDomain,
    appId: standIn.appId,
    slots: [],
    userIds: [],
    node: process.version,
    pid: 0,
  };
  try {
    const port = await freePort();
    const loadBefore = load();
    const first = await startLiaison(env, port);
    const pid = first.child.pid as number;
    await sleep(5_000);
    const idleFirst = rssMb(pid);
    const acks: number[] = [];
    let failed = 0;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < COMMANDS) {
          const i = next++;
          const user = users[i % PEOPLE] as StandInUser;
          const responseUrl = standIn.createResponseUrl({ channelId: 'C0FOOTPRINT', userId: user.id });
          const result = await command(target, port, user.id, TEXTS[i % TEXTS.length] as string, responseUrl);
          if (result.status === 200) acks.push(result.ms);
          else failed += 1;
        }
      }),
    );
    const trafficS = (performance.now() - t0) / 1000;
    await sleep(5_000);
    const afterTraffic = rssMb(pid);
    const peak = hwmMb(pid);
    await stopLiaison(first.child);
    const second = await startLiaison(env, port);
    await sleep(5_000);
    const idleRestart = rssMb(second.child.pid as number);
    await stopLiaison(second.child);
    const ack = summarize(acks);
    console.log(
      `${database.padEnd(8)} | first start ${ms(first.readyMs / 1000, 2)} s | restart ${ms(second.readyMs / 1000, 2)} s | RSS idle ${idleFirst.toFixed(0)} MB, after ${COMMANDS} commands from ${PEOPLE} people ${afterTraffic.toFixed(0)} MB (peak ${peak.toFixed(0)} MB), idle after restart ${idleRestart.toFixed(0)} MB | traffic ${trafficS.toFixed(1)} s, ack p50 ${ms(ack.p50)} p99 ${ms(ack.p99)} ms, ${failed} failed | load before ${loadBefore}, after ${load()}`,
    );
  } finally {
    await standIn.close();
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `footprint bench ${new Date().toISOString()} | node ${process.version} | ${os.cpus().length} cores | start: node ${scriptArgs(START === 'dist' ? 'start:dist' : 'start').join(' ')} (npm ${START === 'dist' ? 'run start:dist' : 'start'})${process.env.BENCH_NODE_ARGS ? ` ${process.env.BENCH_NODE_ARGS}` : ''} | load ${load()}`,
);
/** Until the console's banner: what a newcomer waits for after typing `npm start`; then it quits. */
async function consoleStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, LIAISON_DATA_DIR: dataDir };
  for (const name of [
    'SLACK_BOT_TOKEN',
    'SLACK_APP_TOKEN',
    'SLACK_SIGNING_SECRET',
    'SLACK_CLIENT_ID',
    'DATABASE_URL',
  ])
    delete env[name];
  const child = spawn(process.execPath, scriptArgs('start'), {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  let readyMs: number | undefined;
  while (readyMs === undefined) {
    if (child.exitCode !== null)
      throw new Error(`the console exited (${child.exitCode}) before its banner:\n${out}`);
    if (out.includes('Type /liaison help')) readyMs = performance.now() - started;
    else if (performance.now() - started > 180_000) throw new Error('no console banner within 180 s');
    else await sleep(20);
  }
  child.stdin?.end('quit\n');
  await closed;
  return readyMs;
}

async function measureConsole(): Promise<void> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'liaison-footprint-console-'));
  try {
    const loadBefore = load();
    const first = await consoleStart(dataDir);
    const restart = await consoleStart(dataDir);
    console.log(
      `console  | first start (new data dir: initdb, migrations, demo workspace) ${ms(first / 1000, 2)} s | restart ${ms(restart / 1000, 2)} s | load before ${loadBefore}, after ${load()}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const database of values.databases.split(',')) {
  if (database === 'console') await measureConsole();
  else if (database === 'embedded' || database === 'postgres') await measure(database);
  else throw new Error(`unknown database ${database}`);
}
process.exit(0);
