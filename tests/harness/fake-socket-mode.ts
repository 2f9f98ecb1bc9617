import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * Slack's Socket Mode end on loopback: the WebSocket apps.connections.open points clients
 * to (give its `url` to the Slack stand-in as `socketModeUrl`). It greets each client with
 * `hello`, pushes envelopes as Slack does, and resolves each with the client's ack.
 */
export interface FakeSocketMode {
  url: string;
  /** Resolves once a client has connected and been greeted. */
  connected(timeoutMs?: number): Promise<void>;
  /** Sends an envelope (slash_commands, interactive, events_api) and resolves with the ack's payload. */
  send(type: string, payload: unknown, timeoutMs?: number): Promise<unknown>;
  close(): Promise<void>;
}

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const acks = new Map<string, (payload: unknown) => void>();
  let client: WebSocket | undefined;
  let onConnect: (() => void) | undefined;

  server.on('connection', (socket) => {
    client = socket;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (message.envelope_id) acks.get(message.envelope_id)?.(message.payload);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake' },
        connection_info: { app_id: 'A0LIAISON' },
      }),
    );
    onConnect?.();
  });

  function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    return Promise.race([
      promise,
      new Promise<T>((_, reject) =>
        setTimeout(() => reject(new Error(`fake Socket Mode: no ${what} in ${timeoutMs} ms`)), timeoutMs),
      ),
    ]);
  }

  return {
    url: `ws://127.0.0.1:${port}/link`,
    connected(timeoutMs = 20_000) {
      if (client) return Promise.resolve();
      return within(new Promise<void>((resolve) => (onConnect = resolve)), timeoutMs, 'client');
    },
    send(type, payload, timeoutMs = 5_000) {
      const socket = client;
      if (!socket) return Promise.reject(new Error('fake Socket Mode: no client connected'));
      const envelopeId = randomUUID();
      const acked = new Promise<unknown>((resolve) => acks.set(envelopeId, resolve));
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
        }),
      );
      return within(acked, timeoutMs, `ack for ${type}`);
    },
    async close() {
      for (const socket of server.clients) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
