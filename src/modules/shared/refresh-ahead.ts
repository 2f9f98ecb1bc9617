/**
 * Refresh-ahead for the caches on the request path (who a person is, their roles). An entry
 * answers until `ttlMs` after it was read, as before; a request that uses it in the second
 * half of that time also starts a read in the background, so a person who keeps using
 * Liaison never falls off the end of their entry (their next request would wait for the
 * database, and `/liaison help` would no longer be answered inside the acknowledgement).
 *
 * The moment is spread by key over [50 %, 75 %] of the lifetime: entries read together (a
 * restart, a burst of first contacts) do not all refresh in the same instant. The spread is
 * a hash of the key, not a random number, so tests can tell when a refresh starts.
 */

/** When an entry read at `readAt` starts to be refreshed by the requests that use it. */
export function refreshDueAt(key: string, readAt: number, ttlMs: number): number {
  return readAt + ttlMs * (0.5 + 0.25 * spreadOf(key));
}

/** Most background refreshes running at once per cache; beyond, an entry waits for a later request. */
export const MAX_BACKGROUND_REFRESHES = 4;

/** A number in [0, 1) from the key (FNV-1a): the same key always gets the same share. */
function spreadOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 0x1_0000_0000;
}

/**
 * Runs a background refresh after the current turn of the event loop, so the request that
 * noticed the entry is answered (and acknowledged) before any of the read's work starts. A
 * failure is dropped on purpose: the entry then ends at its time, and the next request
 * reads for itself and meets the error there. `done` runs in every case.
 */
export function refreshSoon(read: () => Promise<unknown>, done: () => void): void {
  setImmediate(() => {
    Promise.resolve()
      .then(read)
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(done);
  });
}
