import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, HTTPReceiver, type Receiver } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { Clock } from '../../modules/shared/clock.js';

/** Slack's replay window; Bolt enforces it only for the past, we enforce it both ways. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
export const SLACK_EVENTS_PATH = '/slack/events';

export interface HttpRoute {
  path: string;
  method: 'GET' | 'POST';
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

/**
 * Bolt's HTTPReceiver (signature check, ack timing, custom routes) behind one extra gate:
 * a request dated more than five minutes in the future is refused with 401 before any
 * listener runs. Bolt accepts those, which would let a captured request be replayed later.
 */
export class LiaisonHttpReceiver implements Receiver {
  private readonly inner: HTTPReceiver;
  private server: Server | undefined;

  constructor(
    private readonly options: { signingSecret: string; logger: Logger; clock: Clock; routes: HttpRoute[] },
  ) {
    this.inner = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: [SLACK_EVENTS_PATH],
      customRoutes: options.routes,
    });
  }

  init(app: App): void {
    this.inner.init(app);
  }

  private isFutureDated(req: IncomingMessage): boolean {
    const header = req.headers['x-slack-request-timestamp'];
    const timestamp = Number(Array.isArray(header) ? header[0] : header);
    const nowSeconds = Math.floor(this.options.clock.now().getTime() / 1000);
    return Number.isFinite(timestamp) && timestamp > nowSeconds + MAX_CLOCK_SKEW_SECONDS;
  }

  readonly requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'POST' && path === SLACK_EVENTS_PATH && this.isFutureDated(req)) {
      this.options.logger.warn({ path }, 'refused a request dated more than 5 minutes in the future');
      req.resume();
      res.writeHead(401).end();
      return;
    }
    this.inner.requestListener(req, res);
  };

  /** Listens on `port` (0 picks a free one) and resolves with the bound port. */
  async start(port: number): Promise<number> {
    const server = createServer(this.requestListener);
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
