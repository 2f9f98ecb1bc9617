import type { TypedEmitter } from './events.js';
import type { RecordedCall, StandInEventMap } from './types.js';

/** Keeps every answered request in order and lets tests wait for the one they expect. */
export class CallRecorder {
  #calls: RecordedCall[] = [];
  #seq = 0;

  constructor(private readonly events: TypedEmitter<StandInEventMap>) {}

  record(call: Omit<RecordedCall, 'seq'>): RecordedCall {
    this.#seq += 1;
    const recorded = { ...call, seq: this.#seq };
    this.#calls.push(recorded);
    this.events.emit('call', recorded);
    return recorded;
  }

  all(): RecordedCall[] {
    return [...this.#calls];
  }

  to(method: string, filter: { ok?: boolean } = {}): RecordedCall[] {
    return this.#calls.filter(
      (call) => call.method === method && (filter.ok === undefined || call.response.ok === filter.ok),
    );
  }

  clear(): void {
    this.#calls = [];
  }

  waitFor(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 2_000,
  ): Promise<RecordedCall> {
    const matches = (call: RecordedCall) => call.method === method && predicate(call);
    const earlier = this.#calls.find(matches);
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        const seen = this.to(method).map((call) => JSON.stringify(call.args));
        reject(
          new Error(
            `no matching ${method} call within ${timeoutMs} ms; ${seen.length} ${method} call(s) seen: ${seen.join(' | ')}`,
          ),
        );
      }, timeoutMs);
      const unsubscribe = this.events.on('call', (call) => {
        if (!matches(call)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(call);
      });
    });
  }
}
