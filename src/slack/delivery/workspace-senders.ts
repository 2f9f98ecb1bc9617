import type { WorkspaceSenders } from '../../modules/delivery/delivery.ports.types.js';
import type { WorkspaceSlackClients } from '../workspace-clients.js';
import { createPacedSlackSender, type PacedSenderStats } from './paced-slack-sender.js';
import type { BulkRates } from './rate-floors.js';

type PacedSender = ReturnType<typeof createPacedSlackSender>;

/**
 * A paced sender per bot token: Slack's rate limits are per workspace (per token), so one
 * busy workspace never slows another, and workspaces that share a token (single-workspace
 * mode: every row uses the environment's token) share one sender, as before. The client
 * comes from `slackClients` each time, so a rotated or reinstalled token gets a fresh
 * sender and an uninstalled workspace gets none.
 */
export function createWorkspaceSenders(input: {
  slackClients: Pick<WorkspaceSlackClients, 'bulkFor'>;
  rates?: BulkRates;
  now?: () => number;
  onFilesLost?: Parameters<typeof createPacedSlackSender>[0]['onFilesLost'];
}): WorkspaceSenders & { stats(workspaceId: string): PacedSenderStats | undefined } {
  const byToken = new Map<string, PacedSender>();
  const tokenOfWorkspace = new Map<string, string>();

  function release(workspaceId: string): void {
    const token = tokenOfWorkspace.get(workspaceId);
    tokenOfWorkspace.delete(workspaceId);
    if (token && ![...tokenOfWorkspace.values()].includes(token)) byToken.delete(token);
  }

  return {
    async forWorkspace(workspaceId) {
      const client = await input.slackClients.bulkFor(workspaceId);
      if (!client?.token) {
        release(workspaceId);
        return null;
      }
      const token = client.token;
      if (tokenOfWorkspace.get(workspaceId) !== token) {
        release(workspaceId);
        tokenOfWorkspace.set(workspaceId, token);
      }
      let sender = byToken.get(token);
      if (!sender) {
        sender = createPacedSlackSender({
          client,
          ...(input.rates ? { rates: input.rates } : {}),
          ...(input.now ? { now: input.now } : {}),
          ...(input.onFilesLost ? { onFilesLost: input.onFilesLost } : {}),
        });
        byToken.set(token, sender);
      }
      return sender;
    },
    stats(workspaceId) {
      const token = tokenOfWorkspace.get(workspaceId);
      return token ? byToken.get(token)?.stats() : undefined;
    },
  };
}
