// The load generator's HTTP/1.1 client: keep-alive connections that read every response into
// one buffer per connection, allocated when the connection opens. The generator shares the
// machine's two cores with the target it times, so what it spends on a response must not grow
// with the response: through node:http, each 13.7 KB answer cost the generator ≈ 0.15 ms more
// than a one-word one and a buffer per read, and drove it into mark-compacts in the middle of
// a slice (bench/README.md, "tenth pass"); every response that arrived meanwhile was timed
// late. Here a response costs the same few small objects whatever its size: the body is
// copied only when it differs from every body kept so far (ResponseBodies).
import net from 'node:net';
import type { ResponseBodies } from './response-bodies.js';

/** What became of one request: its status and body, or why there is none. */
export interface Exchange {
  status: number;
  /** The body (decoded from chunked framing), as kept by ResponseBodies; empty on error. */
  body: Buffer;
  error: string | undefined;
  /** performance.now() when the request was handed to its socket. */
  sentAt: number;
  /** performance.now() when the last byte of the response was read (or the error seen). */
  endedAt: number;
}

interface InFlight {
  sentAt: number;
  deadline: number;
  done: (exchange: Exchange) => void;
}

const CRLF = 0x0d0a;
const HEADERS_END = Buffer.from('\r\n\r\n');
const EMPTY = Buffer.alloc(0);
const INITIAL_BUFFER_BYTES = 64 * 1024;

/** Where a complete response ends in `data[0, length)`, with its status and body, or undefined while it is incomplete. */
export function parseResponse(
  data: Buffer,
  length: number,
  bodyOut: { buffer: Buffer },
): { status: number; end: number; bodyLength: number } | 'incomplete' | { malformed: string } {
  const headersEnd = data.subarray(0, length).indexOf(HEADERS_END);
  if (headersEnd < 0) return 'incomplete';
  const head = data.toString('latin1', 0, headersEnd);
  const statusMatch = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  if (!statusMatch) return { malformed: `not an HTTP/1.x status line: ${head.slice(0, 40)}` };
  const status = Number(statusMatch[1]);
  const bodyStart = headersEnd + HEADERS_END.length;
  const lengthMatch = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (lengthMatch) {
    const bodyLength = Number(lengthMatch[1]);
    if (length < bodyStart + bodyLength) return 'incomplete';
    ensureCapacity(bodyOut, bodyLength);
    data.copy(bodyOut.buffer, 0, bodyStart, bodyStart + bodyLength);
    return { status, end: bodyStart + bodyLength, bodyLength };
  }
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    // No framing: only a response without a body can be read on a kept-alive connection.
    return { status, end: bodyStart, bodyLength: 0 };
  }
  // Chunked: <hex size>[;ext]\r\n<data>\r\n … 0\r\n[trailers]\r\n
  let at = bodyStart;
  let bodyLength = 0;
  for (;;) {
    const lineEnd = indexOfCrlf(data, at, length);
    if (lineEnd < 0) return 'incomplete';
    const sizeText = data.toString('latin1', at, lineEnd).split(';')[0]?.trim() ?? '';
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) return { malformed: `bad chunk size "${sizeText.slice(0, 20)}"` };
    const size = Number.parseInt(sizeText, 16);
    at = lineEnd + 2;
    if (size === 0) {
      // Trailers (none expected) end with an empty line.
      for (;;) {
        const trailerEnd = indexOfCrlf(data, at, length);
        if (trailerEnd < 0) return 'incomplete';
        const empty = trailerEnd === at;
        at = trailerEnd + 2;
        if (empty) return { status, end: at, bodyLength };
      }
    }
    if (length < at + size + 2) return 'incomplete';
    ensureCapacity(bodyOut, bodyLength + size);
    data.copy(bodyOut.buffer, bodyLength, at, at + size);
    bodyLength += size;
    at += size + 2;
  }
}

function indexOfCrlf(data: Buffer, from: number, length: number): number {
  for (let i = from; i + 1 < length; i += 1) {
    if (data.readUInt16BE(i) === CRLF) return i;
  }
  return -1;
}

function ensureCapacity(holder: { buffer: Buffer }, bytes: number): void {
  if (holder.buffer.length >= bytes) return;
  const bigger = Buffer.allocUnsafe(Math.max(bytes, holder.buffer.length * 2));
  holder.buffer.copy(bigger);
  holder.buffer = bigger;
}

/** One kept-alive connection: one request at a time, its response read into buffers of its own. */
class Connection {
  readonly socket: net.Socket;
  #received = { buffer: Buffer.allocUnsafe(INITIAL_BUFFER_BYTES) };
  #receivedLength = 0;
  readonly #body = { buffer: Buffer.allocUnsafe(INITIAL_BUFFER_BYTES) };
  inFlight: InFlight | undefined;
  closed = false;

  constructor(
    host: string,
    port: number,
    private readonly bodies: ResponseBodies,
    private readonly onIdle: (connection: Connection) => void,
    private readonly onClosed: (connection: Connection) => void,
  ) {
    // Reads land in one buffer, reused for the life of the connection.
    const readBuffer = Buffer.allocUnsafe(INITIAL_BUFFER_BYTES);
    this.socket = net.connect({
      host,
      port,
      noDelay: true,
      onread: { buffer: readBuffer, callback: (bytes) => this.#read(readBuffer, bytes) },
    });
    this.socket.on('error', (error) => this.#close(error.message));
    this.socket.on('close', () => this.#close('the connection closed'));
  }

  send(request: string, inFlight: InFlight): void {
    this.inFlight = inFlight;
    this.socket.write(request, 'latin1');
  }

  /** Ends the exchange in flight with an error and closes the connection. */
  fail(error: string): void {
    this.#close(error);
  }

  #read(buffer: Buffer, bytes: number): boolean {
    ensureCapacity(this.#received, this.#receivedLength + bytes);
    buffer.copy(this.#received.buffer, this.#receivedLength, 0, bytes);
    this.#receivedLength += bytes;
    const inFlight = this.inFlight;
    if (!inFlight) {
      this.#close('a response arrived with no request in flight');
      return false;
    }
    const parsed = parseResponse(this.#received.buffer, this.#receivedLength, this.#body);
    if (parsed === 'incomplete') return true;
    const endedAt = performance.now();
    if ('malformed' in parsed) {
      this.#close(parsed.malformed);
      return false;
    }
    // Nothing is pipelined, so nothing follows a response until the next request.
    this.#receivedLength = 0;
    this.inFlight = undefined;
    const body =
      parsed.bodyLength === 0 ? EMPTY : this.bodies.keep([this.#body.buffer.subarray(0, parsed.bodyLength)]);
    inFlight.done({ status: parsed.status, body, error: undefined, sentAt: inFlight.sentAt, endedAt });
    this.onIdle(this);
    return true;
  }

  #close(error: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    const inFlight = this.inFlight;
    this.inFlight = undefined;
    inFlight?.done({ status: 0, body: EMPTY, error, sentAt: inFlight.sentAt, endedAt: performance.now() });
    this.onClosed(this);
  }
}

/**
 * Requests to one host and port over up to `maxSockets` kept-alive connections, as Slack
 * reuses its connections: an idle connection is reused, a new one opened while all are
 * busy, and beyond `maxSockets` a request waits for the first free one.
 */
export class KeepAliveClient {
  readonly #idle: Connection[] = [];
  readonly #all = new Set<Connection>();
  readonly #waiting: Array<{ request: string; inFlight: InFlight }> = [];
  readonly #sweep: NodeJS.Timeout;
  #destroyed = false;
  /** Connections opened over the client's life. */
  opened = 0;

  constructor(
    private readonly options: {
      host: string;
      port: number;
      maxSockets: number;
      requestTimeoutMs: number;
      bodies: ResponseBodies;
    },
  ) {
    // One timer for every request's timeout, not one per request.
    this.#sweep = setInterval(() => this.#expire(), Math.min(250, options.requestTimeoutMs));
    this.#sweep.unref();
  }

  /** Sends `request` (a whole HTTP/1.1 request, headers and body) and resolves with what came back. */
  send(request: string): Promise<Exchange> {
    return new Promise((resolve) => {
      const sentAt = performance.now();
      const inFlight: InFlight = { sentAt, deadline: sentAt + this.options.requestTimeoutMs, done: resolve };
      if (this.#destroyed) {
        resolve({ status: 0, body: EMPTY, error: 'the client was closed', sentAt, endedAt: sentAt });
        return;
      }
      const connection = this.#idle.pop() ?? this.#open();
      if (connection) connection.send(request, inFlight);
      else this.#waiting.push({ request, inFlight });
    });
  }

  #open(): Connection | undefined {
    if (this.#destroyed || this.#all.size >= this.options.maxSockets) return undefined;
    const connection = new Connection(
      this.options.host,
      this.options.port,
      this.options.bodies,
      (idle) => this.#reuse(idle),
      (closed) => {
        this.#all.delete(closed);
        const index = this.#idle.indexOf(closed);
        if (index >= 0) this.#idle.splice(index, 1);
        // A request left waiting gets a connection of its own.
        const waiting = this.#waiting.shift();
        if (waiting) {
          const replacement = this.#open();
          if (replacement) replacement.send(waiting.request, waiting.inFlight);
          else this.#waiting.unshift(waiting);
        }
      },
    );
    this.#all.add(connection);
    this.opened += 1;
    return connection;
  }

  #reuse(connection: Connection): void {
    const waiting = this.#waiting.shift();
    if (waiting) connection.send(waiting.request, waiting.inFlight);
    else this.#idle.push(connection);
  }

  #expire(): void {
    const now = performance.now();
    const message = `no response within ${this.options.requestTimeoutMs} ms`;
    for (const connection of this.#all) {
      if (connection.inFlight && connection.inFlight.deadline <= now) connection.fail(message);
    }
    while (this.#waiting[0] && this.#waiting[0].inFlight.deadline <= now) {
      const waiting = this.#waiting.shift();
      waiting?.inFlight.done({
        status: 0,
        body: EMPTY,
        error: message,
        sentAt: waiting.inFlight.sentAt,
        endedAt: now,
      });
    }
  }

  /** Closes every connection; requests in flight or waiting for one end with an error. */
  destroy(): void {
    this.#destroyed = true;
    clearInterval(this.#sweep);
    const now = performance.now();
    for (const { inFlight } of this.#waiting.splice(0)) {
      inFlight.done({
        status: 0,
        body: EMPTY,
        error: 'the client was closed',
        sentAt: inFlight.sentAt,
        endedAt: now,
      });
    }
    for (const connection of [...this.#all]) connection.fail('the client was closed');
  }
}
