import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import {
  type ChildMessage,
  type ParentCommand,
  PROTOCOL_MARKER,
  type ReportMessage,
} from '../lib/protocol.js';
import type { StandInLink } from './stand-in-link.js';

/**
 * Plumbing both target children share: the stdin/stdout protocol with the load generator,
 * answered from this process (CPU, event loop) and from the target's stand-in, which runs
 * in a process of its own (replies, calls; bench/targets/stand-in-process.ts).
 */

export { DEMO_SLACK_USERS } from './directory.js';

export function send(message: ChildMessage): void {
  process.stdout.write(`${PROTOCOL_MARKER}${JSON.stringify(message)}\n`);
}

/** `--requests N` on the command line: how many response_urls to issue. */
export function requestedSlots(argv: string[]): number {
  const index = argv.indexOf('--requests');
  const value = Number(index >= 0 ? argv[index + 1] : Number.NaN);
  if (!Number.isInteger(value) || value < 1 || value > 100_000) {
    throw new Error(`--requests must be an integer in 1..100000, got ${String(argv[index + 1])}`);
  }
  return value;
}

/** Answers the generator's questions: this process's cost, and the stand-in's replies. */
export function serveProtocol(
  standIn: StandInLink,
  stop: () => Promise<void>,
  options: { statements?: () => number; onCount?: () => void } = {},
): void {
  const report = async (): Promise<ReportMessage> => {
    const replies = await standIn.report();
    // A full collection first (the targets run with --expose-gc): the heap then says what is
    // kept, not how much garbage the last slice left.
    (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    return {
      type: 'report',
      firstReplyAt: replies.firstReplyAt,
      emptyReplies: replies.emptyReplies,
      calls: replies.calls,
      rssMb: Math.round(memory.rss / 1e6),
      heapUsedMb: Math.round(memory.heapUsed / 1e6),
    };
  };

  // 1 ms resolution: the loop's delay is sampled by a timer of its own.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();

  let stopping = false;
  const shutdown = (code: number) => {
    if (stopping) return;
    stopping = true;
    // Bounded: a stuck close must not keep the child alive.
    const timer = setTimeout(() => process.exit(code), 3_000);
    timer.unref();
    stop()
      .catch((error: unknown) => process.stderr.write(`stop failed: ${String(error)}\n`))
      .finally(() => process.exit(code));
  };

  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    let command: ParentCommand;
    try {
      command = JSON.parse(line) as ParentCommand;
    } catch {
      return;
    }
    if (command.op === 'count') {
      void count().catch((error: unknown) => process.stderr.write(`count failed: ${String(error)}\n`));
    } else if (command.op === 'report') {
      void report().then(send, (error: unknown) => process.stderr.write(`report failed: ${String(error)}\n`));
    } else if (command.op === 'stop') shutdown(0);
  });
  const count = async () => {
    options.onCount?.();
    const replies = await standIn.count();
    const cpu = process.cpuUsage();
    const loop = performance.eventLoopUtilization();
    send({
      type: 'count',
      delivered: replies.delivered,
      standInCpuMs: replies.cpuMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      loopActiveMs: loop.active,
      loopIdleMs: loop.idle,
      loopDelay: {
        p50: loopDelay.percentile(50) / 1e6,
        p99: loopDelay.percentile(99) / 1e6,
        max: loopDelay.max / 1e6,
      },
      ...(options.statements ? { statements: options.statements() } : {}),
    });
    loopDelay.reset();
  };
  // The generator went away (crashed or killed): do not outlive it.
  lines.on('close', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGINT', () => shutdown(0));
}
