import type { Database } from './database.js';

/**
 * True when the database answers within `timeoutMs`. Never throws: callers use it to decide
 * between 200 and 503, or how to word an apology, while the database may be down.
 */
export function databaseReachability(db: Database, timeoutMs = 2_000): () => Promise<boolean> {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([db.ping().then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  };
}
