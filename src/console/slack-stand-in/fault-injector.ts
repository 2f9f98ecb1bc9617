import type { InjectedFailure } from './types.js';

/** Failures queued per method; each call to that method consumes the oldest one. */
export class FaultInjector {
  #queues = new Map<string, InjectedFailure[]>();

  add(method: string, failure: InjectedFailure): void {
    const queue = this.#queues.get(method) ?? [];
    queue.push({ ...failure });
    this.#queues.set(method, queue);
  }

  take(method: string): InjectedFailure | undefined {
    return this.#queues.get(method)?.shift();
  }

  clear(): void {
    this.#queues = new Map();
  }
}
