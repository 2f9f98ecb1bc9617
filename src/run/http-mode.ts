import type { App } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { Clock } from '../modules/shared/clock.js';
import { createSlackApp, type SlackAppOptions } from '../slack/app.js';
import type { SlackDeps } from '../slack/deps.js';
import { healthRoute } from '../slack/health-route.js';
import { LiaisonHttpReceiver } from '../slack/receivers/http-receiver.js';

export interface RunningHttpApp {
  app: App;
  port: number;
  stop(): Promise<void>;
}

/** HTTP mode: POST /slack/events for everything Slack sends, GET /healthz for probes. */
export async function startHttpMode(input: {
  deps: SlackDeps;
  signingSecret: string;
  port: number;
  logger: Logger;
  clock: Clock;
  app: Omit<SlackAppOptions, 'receiver'>;
}): Promise<RunningHttpApp> {
  const receiver = new LiaisonHttpReceiver({
    signingSecret: input.signingSecret,
    logger: input.logger,
    clock: input.clock,
    routes: [healthRoute(input.deps.isDatabaseReachable)],
  });
  const app = createSlackApp(input.deps, { ...input.app, receiver });
  const port = await receiver.start(input.port);
  input.logger.info({ port }, 'Liaison is listening for Slack on /slack/events');
  return { app, port, stop: () => receiver.stop() };
}
