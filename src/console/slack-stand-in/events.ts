import { EventEmitter } from 'node:events';

/** EventEmitter with a typed event map; `on` returns its own unsubscribe function. */
export class TypedEmitter<M extends object> {
  readonly #emitter = new EventEmitter();

  constructor() {
    // The console, tests and waitForCall may all listen at once; that is not a leak.
    this.#emitter.setMaxListeners(100);
  }

  on<K extends keyof M & string>(event: K, listener: (payload: M[K]) => void): () => void {
    this.#emitter.on(event, listener);
    return () => {
      this.#emitter.off(event, listener);
    };
  }

  emit<K extends keyof M & string>(event: K, payload: M[K]): void {
    this.#emitter.emit(event, payload);
  }
}
