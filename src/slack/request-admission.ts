/**
 * How many requests Liaison works on at once. Listeners acknowledge first and work after, so
 * without a bound a burst faster than the work (hundreds of commands a second from people
 * met for the first time) queues that work without limit: each waiting request keeps its
 * context, promises and database calls in memory (measured: 1,500 requests waiting for a
 * connection, 1 GB of RSS). With the bound, a request beyond it waits *before* it is
 * processed — holding little more than its body — and its acknowledgement waits with it,
 * which slows a sender that waits for acknowledgements. No request waits longer than
 * `maxWaitMs`: after that it is processed anyway, so Slack still gets its acknowledgement
 * within its 3 seconds.
 */
export interface RequestAdmission {
  /** Resolves when the request may be processed; call the returned function when it is done. */
  enter(): Promise<() => void>;
  /** Requests being processed now. */
  readonly inProgress: number;
  /** Requests waiting for their turn now. */
  readonly waiting: number;
}

export interface RequestAdmissionOptions {
  limit: number;
  maxWaitMs: number;
  /** Told each time a request has to wait, with the number now waiting. */
  onQueued?: (waiting: number) => void;
}

/** Defaults for a Liaison process: far above what a steady 200 requests/s keeps in progress. */
export const REQUEST_ADMISSION_DEFAULTS: RequestAdmissionOptions = { limit: 32, maxWaitMs: 1_500 };

interface Waiter {
  admit: () => void;
  timer: NodeJS.Timeout;
}

export function createRequestAdmission(options: RequestAdmissionOptions): RequestAdmission {
  if (!(options.limit >= 1)) throw new Error('request admission needs a limit of at least 1');
  let inProgress = 0;
  const queue: Waiter[] = [];

  const release = (): void => {
    inProgress -= 1;
    while (inProgress < options.limit && queue.length > 0) (queue.shift() as Waiter).admit();
  };
  const admitted = (): (() => void) => {
    inProgress += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };

  return {
    get inProgress() {
      return inProgress;
    },
    get waiting() {
      return queue.length;
    },
    enter() {
      if (inProgress < options.limit && queue.length === 0) return Promise.resolve(admitted());
      return new Promise((resolve) => {
        const waiter: Waiter = {
          admit: () => {
            clearTimeout(waiter.timer);
            resolve(admitted());
          },
          // Past the wait, processed anyway (over the limit): Slack's 3 s come first.
          timer: setTimeout(() => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            resolve(admitted());
          }, options.maxWaitMs),
        };
        queue.push(waiter);
        options.onQueued?.(queue.length);
      });
    },
  };
}
