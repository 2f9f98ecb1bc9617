import type { InjectedFailure } from './types.js';

/** Failures queued per method; each call to that method consumes the oldest one. */
export class FaultInjector {
  #queues = new Map<string, InjectedFailure[]>();

  add(method: string, failure: InjectedFailure): void {
    const queue = this.#queues.get(method) ?? [];
    queue.push({ ...failure });
    this.#queues.set(method, queue);
  }

  /** The next failure queued for this call (a failure for another channel waits for its own). */
  take(method: string, args: Record<string, unknown> = {}): InjectedFailure | undefined {
    const queue = this.#queues.get(method);
    const index =
      queue?.findIndex((failure) => failure.channel === undefined || failure.channel === args.channel) ?? -1;
    return index >= 0 ? queue?.splice(index, 1)[0] : undefined;
  }

  clear(): void {
    this.#queues = new Map();
  }
}
