import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { KeepAliveClient, parseResponse } from '../../bench/lib/keep-alive-client.js';
import { ResponseBodies } from '../../bench/lib/response-bodies.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function request(port: number, body: string): string {
  return `POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-length: ${body.length}\r\n\r\n${body}`;
}

function clientFor(port: number, options: { maxSockets?: number; requestTimeoutMs?: number } = {}) {
  return new KeepAliveClient({
    host: '127.0.0.1',
    port,
    maxSockets: options.maxSockets ?? 8,
    requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
    bodies: new ResponseBodies(),
  });
}

describe("bench:ack's load generator client", () => {
  it('reads a chunked response split at every byte, and a content-length one, whole', () => {
    const chunked = Buffer.from(
      'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n' +
        '5\r\n{"tex\r\nd;ext=1\r\nt":"hi there"\r\n1\r\n}\r\n0\r\n\r\n',
    );
    const body = { buffer: Buffer.alloc(4) };
    for (let cut = 0; cut < chunked.length; cut += 1) {
      expect(parseResponse(chunked, cut, body), `cut at ${cut}`).toBe('incomplete');
    }
    const whole = parseResponse(chunked, chunked.length, body);
    expect(whole).toEqual({ status: 200, end: chunked.length, bodyLength: 19 });
    expect(body.buffer.subarray(0, 19).toString()).toBe('{"text":"hi there"}');

    const sized = Buffer.from('HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\nno');
    expect(parseResponse(sized, sized.length - 1, body)).toBe('incomplete');
    expect(parseResponse(sized, sized.length, body)).toEqual({
      status: 401,
      end: sized.length,
      bodyLength: 2,
    });
    expect(body.buffer.subarray(0, 2).toString()).toBe('no');
    expect(parseResponse(Buffer.from('SSH-2.0\r\n\r\n'), 11, body)).toEqual({
      malformed: expect.stringContaining('status line'),
    });
  });

  it('times each request to the last byte of its answer and reuses its connections', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(40_000) });
    const port = await serve((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        // Written in pieces over time, so that the answer arrives in several reads.
        res.write(big.slice(0, 10_000));
        setTimeout(() => res.end(big.slice(10_000)), 20);
      });
    });
    const client = clientFor(port);
    const first = await client.send(request(port, 'a=1'));
    const second = await client.send(request(port, 'a=2'));
    client.destroy();
    for (const exchange of [first, second]) {
      expect(exchange.error).toBeUndefined();
      expect(exchange.status).toBe(200);
      expect(exchange.body.toString()).toBe(big);
      expect(exchange.endedAt - exchange.sentAt).toBeGreaterThanOrEqual(15);
    }
    // One connection for both; the same answer is kept once.
    expect(client.opened).toBe(1);
    expect(second.body).toBe(first.body);
  });

  it('opens at most maxSockets connections and queues the rest until one is free', async () => {
    let seen = 0;
    const port = await serve((req, res) => {
      seen += 1;
      const number = seen;
      req.resume();
      setTimeout(() => res.end(`answer ${number}`), 30);
    });
    const client = clientFor(port, { maxSockets: 2 });
    const exchanges = await Promise.all([1, 2, 3, 4, 5].map((n) => client.send(request(port, `n=${n}`))));
    client.destroy();
    expect(exchanges.map((exchange) => exchange.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(exchanges.map((exchange) => exchange.body.toString())).size).toBe(5);
    expect(client.opened).toBe(2);
  });

  it('ends a request with an error when no answer comes in time, or the connection drops', async () => {
    const silent = await serve(() => undefined);
    const slow = clientFor(silent, { requestTimeoutMs: 100 });
    const timedOut = await slow.send(request(silent, 'a=1'));
    slow.destroy();
    expect(timedOut).toMatchObject({ status: 0, error: 'no response within 100 ms' });

    const rude = await serve((req) => req.socket.destroy());
    const dropped = clientFor(rude);
    const lost = await dropped.send(request(rude, 'a=1'));
    dropped.destroy();
    expect(lost.status).toBe(0);
    expect(lost.error).toMatch(/closed|ECONNRESET/);
  });

  it('ends the requests in flight and those waiting for a connection when it is closed, and opens no more', async () => {
    const silent = await serve(() => undefined);
    const client = clientFor(silent, { maxSockets: 1 });
    const sent = [client.send(request(silent, 'a=1')), client.send(request(silent, 'a=2'))];
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.destroy();
    const ended = await Promise.all(sent);
    expect(ended.map((exchange) => exchange.error)).toEqual([
      'the client was closed',
      'the client was closed',
    ]);
    expect(client.opened).toBe(1);
    expect(await client.send(request(silent, 'a=3'))).toMatchObject({
      status: 0,
      error: 'the client was closed',
    });
    expect(client.opened).toBe(1);
  });
});

describe('the bodies the generator keeps', () => {
  it('keeps one copy of each distinct body, whatever the number of answers', () => {
    const bodies = new ResponseBodies();
    const answer = '{"text":"help"}';
    const kept = [1, 2, 3].map(() => bodies.keep([Buffer.from(answer)]));
    expect(kept[1]).toBe(kept[0]);
    expect(kept[2]).toBe(kept[0]);
    const split = bodies.keep([Buffer.from('{"text":'), Buffer.from('"help"}')]);
    expect(split).toBe(kept[0]);
    const other = bodies.keep([Buffer.from('{"text":"hel!"}')]);
    expect(other).not.toBe(kept[0]);
    expect(other.toString()).toBe('{"text":"hel!"}');
    expect(bodies.distinct).toBe(2);
  });

  it('still returns every body whole when more distinct ones arrive than it compares', () => {
    const bodies = new ResponseBodies(2);
    const kept = ['a1', 'a2', 'a3', 'a4'].map((text) => bodies.keep([Buffer.from(text)]));
    expect(kept.map((body) => body.toString())).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(bodies.distinct).toBe(2);
  });

  it('does not keep the buffer it was given, which the socket reads into again', () => {
    const bodies = new ResponseBodies();
    const readBuffer = Buffer.from('first answer');
    const kept = bodies.keep([readBuffer]);
    readBuffer.write('overwritten!');
    expect(kept.toString()).toBe('first answer');
  });
});
