import { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { createSlackApp } from '../slack/app.js';
import type { BotIdentity } from '../slack/bot-identity.js';
import type { SlackDeps } from '../slack/deps.js';
import { healthRoute } from '../slack/health-route.js';

/**
 * Socket Mode: Slack connects over a WebSocket (no public URL needed). Bolt still serves
 * our custom routes over HTTP on PORT, so /healthz works for container probes.
 */
export async function startSocketMode(input: {
  deps: SlackDeps;
  appToken: string;
  botToken: string;
  apiUrl: string;
  bot: BotIdentity;
  port: number;
  logger: Logger;
}): Promise<{ stop(): Promise<void> }> {
  const receiver = new SocketModeReceiver({
    appToken: input.appToken,
    // The Socket Mode client reaches apps.connections.open through its own Web API client.
    installerOptions: { port: input.port, clientOptions: { slackApiUrl: input.apiUrl } },
    customRoutes: [healthRoute(input.deps.isDatabaseReachable)],
  });
  const app = createSlackApp(input.deps, {
    receiver,
    botToken: input.botToken,
    apiUrl: input.apiUrl,
    botUserId: input.bot.botUserId,
    botId: input.bot.botId,
  });
  await app.start();
  input.logger.info({ port: input.port }, 'Liaison is connected to Slack in Socket Mode');
  return {
    async stop() {
      await app.stop();
    },
  };
}
