import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { SlackStandIn, StandInUser } from '../../src/console/slack-stand-in/index.js';
import { DEMO_PEOPLE } from '../../src/modules/demo/demo.data.js';
import {
  type ChildMessage,
  type ParentCommand,
  PROTOCOL_MARKER,
  type ReportMessage,
  type ResponseSlot,
} from '../lib/protocol.js';

/**
 * Plumbing both target children share: the demo directory for the stand-in, the pool of
 * response_urls, the reply log, and the stdin/stdout protocol with the load generator.
 */

/** The demo people as Slack's directory knows them (as tests/harness/liaison-under-test.ts does). */
export const DEMO_SLACK_USERS: StandInUser[] = DEMO_PEOPLE.map((p) => ({
  id: p.slackUserId,
  name: p.displayName,
  displayName: p.displayName,
  realName: p.realName,
  tz: p.timeZone,
  locale: p.locale,
  isAdmin: p.isWorkspaceAdmin,
}));

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

/**
 * One response_url per request, each bound to its own channel id, so a reply that lands
 * proves which request it answers (the stand-in records the URL's channel on the ephemeral).
 * Users rotate through `userIds` in the same order the generator uses them.
 */
export function createSlots(standIn: SlackStandIn, count: number, userIds: string[]): ResponseSlot[] {
  const slots: ResponseSlot[] = [];
  for (let i = 0; i < count; i += 1) {
    const channelId = `C0BENCH${String(i).padStart(6, '0')}`;
    const userId = userIds[i % userIds.length] ?? 'U0DEMOLIN';
    slots.push({ url: standIn.createResponseUrl({ channelId, userId }), channelId });
  }
  return slots;
}

/** Watches the stand-in for response_url ephemerals and answers the generator's questions. */
export function serveProtocol(
  standIn: SlackStandIn,
  stop: () => Promise<void>,
  options: { statements?: () => number } = {},
): void {
  const firstReplyAt: Record<string, number> = {};
  let delivered = 0;
  let emptyReplies = 0;
  standIn.on('ephemeral', ({ kind, message }) => {
    if (kind !== 'posted' || message.source !== 'response_url') return;
    const at = performance.timeOrigin + performance.now();
    delivered += 1;
    if (!message.text && !(message.blocks && message.blocks.length > 0)) emptyReplies += 1;
    firstReplyAt[message.channel] ??= at;
  });

  // The stand-in lives in the target's process and keeps every call and reply it saw: for
  // Liaison's help (≈ 6 KB of blocks, stored twice) that was ≈ 400 MB of heap by the end of a
  // run against bare Bolt's 30 MB, and the target's garbage collector paid for it. Counted and
  // forgotten at every `count`, so both targets carry only their own memory.
  const calls: Record<string, number> = {};
  const tallyAndForget = () => {
    for (const call of standIn.calls()) {
      const key = `${call.method} ${call.status}`;
      calls[key] = (calls[key] ?? 0) + 1;
    }
    standIn.clearCalls();
    standIn.clearMessages();
  };

  const report = (): ReportMessage => {
    tallyAndForget();
    // A full collection first (the targets run with --expose-gc): the heap then says what is
    // kept, not how much garbage the last slice left.
    (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    return {
      type: 'report',
      firstReplyAt,
      emptyReplies,
      calls,
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
      tallyAndForget();
      const cpu = process.cpuUsage();
      const loop = performance.eventLoopUtilization();
      send({
        type: 'count',
        delivered,
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
    } else if (command.op === 'report') send(report());
    else if (command.op === 'stop') shutdown(0);
  });
  // The generator went away (crashed or killed): do not outlive it.
  lines.on('close', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGINT', () => shutdown(0));
}
