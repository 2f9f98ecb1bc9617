/**
 * The generator's store of response bodies, read only once a slice has ended (to tell an
 * answer inside the ack from an empty ack). Kept as they came, a target answering with a
 * 13.7 KB message would leave 13.7 MB of buffers per 1,000 requests in the generator, which
 * shares the cores with the target: that external memory drives the generator into
 * mark-compacts of 10–25 ms in the middle of a slice (four per 5-s slice, measured), and
 * every response that arrives during one is timed late. So a body equal to one already kept
 * is replaced by that one: a target that answers the same few messages holds one copy of
 * each, whatever the number of requests, and nothing read later is lost.
 */
export class ResponseBodies {
  /** Distinct bodies kept so far, by length; comparing is a memcmp that stops at the first difference. */
  readonly #byLength = new Map<number, Buffer[]>();

  constructor(
    /** How many distinct bodies of one length are compared before a new one is simply kept. */
    private readonly candidatesPerLength = 16,
  ) {}

  /** The body made of `chunks`, as one buffer: a copy kept once per distinct content. */
  keep(chunks: readonly Buffer[]): Buffer {
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    let candidates = this.#byLength.get(body.length);
    if (candidates) {
      for (const kept of candidates) if (kept.equals(body)) return kept;
    } else {
      candidates = [];
      this.#byLength.set(body.length, candidates);
    }
    // A copy: the chunk may be a view of a larger buffer the socket read into.
    const copy = Buffer.from(body);
    if (candidates.length < this.candidatesPerLength) candidates.push(copy);
    return copy;
  }

  /** How many distinct bodies are held for comparison (for tests and diagnostics). */
  get distinct(): number {
    let count = 0;
    for (const candidates of this.#byLength.values()) count += candidates.length;
    return count;
  }
}
