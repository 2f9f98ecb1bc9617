import { randomBytes } from 'node:crypto';

/**
 * Slack message timestamps are "seconds.micros" strings that double as message ids, so
 * they must be unique and strictly increasing even when two posts land in the same ms.
 */
export function createTsClock(now: () => number): () => string {
  let lastMicros = 0;
  return () => {
    const micros = Math.max(Math.floor(now()) * 1000, lastMicros + 1);
    lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  };
}

/** Ids shaped like Slack's (`V0000000001`, `D0000000002`): a prefix and uppercase base-36. */
export function createIdFactory(): (prefix: string) => string {
  let counter = 0;
  return (prefix) => {
    counter += 1;
    return `${prefix}0${counter.toString(36).toUpperCase().padStart(9, '0')}`;
  };
}

export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** View hashes look like "1732521600.a1b2c3d4"; only equality matters to callers. */
export function viewHash(nowMs: number): string {
  return `${Math.floor(nowMs / 1000)}.${randomToken(4)}`;
}
