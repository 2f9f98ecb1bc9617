/**
 * The doorbell between what queues outbox rows in this process and the worker loop, so an
 * idle loop need not poll the database to notice new work. Whoever queues rings after its
 * transaction commits; the loop forgets earlier rings just before a pass starts (that pass
 * sees every row committed before it), so a ring during a pass makes it look again at once.
 * Rows queued by another process are not rung for: the loop's idle interval finds them.
 */
export interface DeliveryWake {
  /** Rows were committed that may be due before the loop's next look. Call after the commit. */
  ring(): void;
  /** The loop, before a pass: rings so far are answered by that pass. */
  reset(): void;
  /** Resolves after `ms`, or at the first ring since the last `reset` (at once when there was one). */
  wait(ms: number): Promise<void>;
}

export function createDeliveryWake(): DeliveryWake {
  let rung = false;
  let wakeWaiter: (() => void) | undefined;
  return {
    ring() {
      rung = true;
      wakeWaiter?.();
    },
    reset() {
      rung = false;
    },
    wait(ms) {
      if (rung) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          if (wakeWaiter === done) wakeWaiter = undefined;
          resolve();
        };
        const timer = setTimeout(done, ms);
        // A sleeping loop does not keep the process alive (stop() is what ends it).
        timer.unref?.();
        wakeWaiter = done;
      });
    },
  };
}
