import { randomBytes } from 'node:crypto';

/**
 * Slack message timestamps are "seconds.micros" strings that double as message ids, so
 * they must be unique and strictly increasing even when two posts land in the same ms.
 */
export function createTsClock(now: () => number, after?: string): () => string {
  // Restored state (the console's saved conversations): new messages come after the last one kept.
  let lastMicros = after ? tsToMicros(after) : 0;
  return () => {
    const micros = Math.max(Math.floor(now()) * 1000, lastMicros + 1);
    lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  };
}

function tsToMicros(ts: string): number {
  const [seconds = '0', micros = '0'] = ts.split('.');
  return Number(seconds) * 1_000_000 + Number(micros.padEnd(6, '0').slice(0, 6));
}

/** The later of two message timestamps. */
export function laterTs(a: string | undefined, b: string): string {
  return a === undefined || tsToMicros(b) > tsToMicros(a) ? b : a;
}

export interface IdFactory {
  (prefix: string): string;
  /** How many ids were handed out: a restored stand-in continues from there. */
  issued(): number;
}

/** Ids shaped like Slack's (`V0000000001`, `D0000000002`): a prefix and uppercase base-36. */
export function createIdFactory(start = 0): IdFactory {
  let counter = start;
  const next = (prefix: string) => {
    counter += 1;
    return `${prefix}0${counter.toString(36).toUpperCase().padStart(9, '0')}`;
  };
  return Object.assign(next, { issued: () => counter });
}

export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** View hashes look like "1732521600.a1b2c3d4"; only equality matters to callers. */
export function viewHash(nowMs: number): string {
  return `${Math.floor(nowMs / 1000)}.${randomToken(4)}`;
}
