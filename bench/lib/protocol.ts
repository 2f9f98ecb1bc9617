/**
 * The line protocol between the load generator (bench/ack.bench.ts) and a target child
 * (bench/targets/*.ts). The child writes one JSON object per line on stdout, each prefixed
 * with PROTOCOL_MARKER so stray output (a library's warning) can never be mistaken for a
 * message; the parent writes plain JSON lines on the child's stdin.
 */

export const PROTOCOL_MARKER = '@@bench ';

/** The signing secret both targets verify with; the generator signs with it. */
export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';

/** One response_url the child's stand-in issued, bound to a channel id used by no other URL. */
export interface ResponseSlot {
  url: string;
  channelId: string;
}

export interface ReadyMessage {
  type: 'ready';
  target: string;
  /** The port the target's Bolt receiver listens on (POST /slack/events). */
  port: number;
  teamId: string;
  teamDomain: string;
  appId: string;
  /** One per request the generator may send, in the order it should use them. */
  slots: ResponseSlot[];
  /** Loopback users the stand-in knows, for the generator to rotate through. */
  userIds: string[];
  node: string;
  pid: number;
}

export interface CountMessage {
  type: 'count';
  /** Ephemeral replies delivered through response_urls so far (all time). */
  delivered: number;
  /** CPU time (user + system) the child has used so far, in ms. */
  cpuMs: number;
  /** CPU time the target's Slack stand-in (a process of its own) has used so far, in ms. */
  standInCpuMs: number;
  /** performance.eventLoopUtilization() so far: ms the loop was busy and idle. */
  loopActiveMs: number;
  loopIdleMs: number;
  /**
   * perf_hooks.monitorEventLoopDelay since the previous `count` (reset at each count), in
   * ms: how late the loop ran timers, i.e. how long something held the thread.
   */
  loopDelay: { p50: number; p99: number; max: number };
  /** SQL statements Prisma has sent so far (all time; Liaison only: the bare app has no database). */
  statements?: number;
}

export interface ReportMessage {
  type: 'report';
  /** channelId → epoch ms (sub-ms, from performance.timeOrigin) of the first reply on it. */
  firstReplyAt: Record<string, number>;
  /** Replies whose text and blocks were both empty (work "done" but nothing to show). */
  emptyReplies: number;
  /** Web API and response_url calls the stand-in answered, by method and HTTP status. */
  calls: Record<string, number>;
  rssMb: number;
  heapUsedMb: number;
}

export type ChildMessage = ReadyMessage | CountMessage | ReportMessage;

export type ParentCommand = { op: 'count' } | { op: 'report' } | { op: 'stop' };
