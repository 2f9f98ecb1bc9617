import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ResponseSlot } from '../lib/protocol.js';

/**
 * A target child's link to its Slack stand-in, which runs in a process of its own
 * (bench/targets/stand-in-process.ts), over Node's IPC channel.
 */

export interface StandInReady {
  type: 'ready';
  url: string;
  botToken: string;
  botUserId: string;
  botId: string;
  teamId: string;
  teamDomain: string;
  appId: string;
  slots: ResponseSlot[];
}

export type StandInQuestion =
  | { id: number; op: 'count' }
  | { id: number; op: 'report' }
  | { id: number; op: 'close' };

export type StandInAnswer =
  | { id: number; op: 'count'; delivered: number; cpuMs: number }
  | {
      id: number;
      op: 'report';
      firstReplyAt: Record<string, number>;
      emptyReplies: number;
      calls: Record<string, number>;
    }
  | { id: number; op: 'closed' };

type AnswerOf<T extends StandInQuestion['op']> = Extract<
  StandInAnswer,
  { op: T extends 'close' ? 'closed' : T }
>;

export interface StandInLink {
  ready: StandInReady;
  /** Replies delivered through response_urls so far, and the stand-in process's CPU so far. */
  count(): Promise<AnswerOf<'count'>>;
  report(): Promise<AnswerOf<'report'>>;
  close(): Promise<void>;
}

/** Compiled (bench/.build/targets/) the link forks the compiled stand-in, else the source through tsx. */
const COMPILED = import.meta.url.endsWith('.js');
const SCRIPT = fileURLToPath(
  new URL(COMPILED ? './stand-in-process.js' : './stand-in-process.ts', import.meta.url),
);
const ASK_TIMEOUT_MS = 5_000;

/** Forks the stand-in with `slots` response_urls and waits (≤ 60 s) for it to listen. */
export async function startStandInProcess(slots: number): Promise<StandInLink> {
  // Its own flags: not the target's (--expose-gc, --cpu-prof), only the TypeScript loader if needed.
  const child: ChildProcess = fork(SCRIPT, [String(slots)], {
    execArgv: COMPILED ? [] : ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (answer: StandInAnswer) => void>();
  let nextId = 1;
  const ready = await new Promise<StandInReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the stand-in did not start within 60 s')), 60_000);
    child.once('exit', (code) =>
      reject(new Error(`the stand-in exited (${String(code)}) before it was ready`)),
    );
    child.on('message', (message: StandInReady | StandInAnswer) => {
      if ('type' in message) {
        clearTimeout(timer);
        resolve(message);
        return;
      }
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
    });
  });
  const ask = <T extends StandInQuestion['op']>(op: T): Promise<AnswerOf<T>> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`the stand-in did not answer ${op} within ${ASK_TIMEOUT_MS} ms`));
      }, ASK_TIMEOUT_MS);
      waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer as AnswerOf<T>);
      });
      child.send({ id, op } as StandInQuestion);
    });
  return {
    ready,
    count: () => ask('count'),
    report: () => ask('report'),
    async close() {
      if (child.exitCode !== null || !child.connected) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await ask('close').catch(() => undefined);
      const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(kill);
    },
  };
}
