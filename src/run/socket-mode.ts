import { createServer, type Server } from 'node:http';
import { SocketModeReceiver, type SocketModeReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { createSlackApp } from '../slack/app.js';
import type { BotIdentity } from '../slack/bot-identity.js';
import type { SlackDeps } from '../slack/deps.js';
import { newReferenceId } from '../slack/error-handler.js';
import { healthRoute } from '../slack/health-route.js';
import { listenOn } from '../slack/receivers/listen.js';
import { isMalformedRequest } from '../slack/request-gate.js';

/** GET /healthz on PORT (container probes); our own server, so a taken port is reported, not thrown. */
function healthServer(deps: SlackDeps, logger: Logger): Server {
  const health = healthRoute(deps.isDatabaseReachable);
  return createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== health.method || path !== health.path) {
      req.resume();
      res.writeHead(404).end();
      return;
    }
    Promise.resolve(health.handler(req, res)).catch((error: unknown) => {
      logger.error({ err: error }, 'health check failed');
      if (!res.headersSent) res.writeHead(503).end();
    });
  });
}

/**
 * A request that failed before its listeners: a malformed envelope is acknowledged (Slack
 * would only send it again) and was logged by the gate; anything else is logged with a
 * reference and left unacknowledged, so Slack retries it.
 */
function socketRequestFailed(logger: Logger) {
  return async ({ error, event }: SocketModeReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    if (isMalformedRequest(error)) return true;
    const body = event.body as { type?: unknown } | null;
    logger.error(
      { err: error, referenceId: newReferenceId(), requestType: body?.type },
      'a Slack request failed before its listeners ran',
    );
    return false;
  };
}

/**
 * Socket Mode: Slack connects over a WebSocket (no public URL needed). /healthz is served
 * over HTTP on PORT for container probes; PORT is bound first, so a taken port stops the
 * start before Liaison connects to Slack.
 */
export async function startSocketMode(input: {
  deps: SlackDeps;
  appToken: string;
  botToken: string;
  apiUrl: string;
  bot: BotIdentity;
  port: number;
  logger: Logger;
}): Promise<{ port: number; stop(): Promise<void> }> {
  const server = healthServer(input.deps, input.logger);
  const port = await listenOn(server, input.port);
  const receiver = new SocketModeReceiver({
    appToken: input.appToken,
    // The Socket Mode client reaches apps.connections.open through its own Web API client.
    installerOptions: { clientOptions: { slackApiUrl: input.apiUrl } },
    processEventErrorHandler: socketRequestFailed(input.logger),
  });
  const app = createSlackApp(input.deps, {
    receiver,
    botToken: input.botToken,
    apiUrl: input.apiUrl,
    bot: input.bot,
  });
  try {
    await app.start();
  } catch (error) {
    server.close();
    throw error;
  }
  input.logger.info({ port }, 'Liaison is connected to Slack in Socket Mode');
  return {
    port,
    async stop() {
      await app.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
