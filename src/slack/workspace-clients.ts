import type { WebClient } from '@slack/web-api';
import { createBulkClient } from './delivery/slack-clients.js';

/** Where a workspace's bot token comes from: the environment, or its stored installation. */
export interface WorkspaceTokenSource {
  apiUrl: string;
  /** The bot token for the workspace, or null when Liaison is not (or no longer) installed there. */
  tokenFor(workspaceId: string): Promise<string | null>;
}

/**
 * Slack clients for work that is not an answer to a request (directory sync, Home refreshes,
 * fan-out). Built before the Slack mode is known (deps come first), so the token source is
 * connected once the mode has started; until then every workspace is "not reachable".
 */
export interface WorkspaceSlackClients {
  connect(source: WorkspaceTokenSource): void;
  /** A bulk client (no own retries; callers pace) for the workspace, or null if not installed. */
  bulkFor(workspaceId: string): Promise<WebClient | null>;
  /** Drops a cached client after its token changed (rotation, reinstall) or was revoked. */
  forget(workspaceId: string): void;
}

export function createWorkspaceSlackClients(): WorkspaceSlackClients {
  let source: WorkspaceTokenSource | undefined;
  const clients = new Map<string, { token: string; client: WebClient }>();
  return {
    connect(next) {
      source = next;
      clients.clear();
    },
    async bulkFor(workspaceId) {
      if (!source) return null;
      const token = await source.tokenFor(workspaceId);
      if (!token) return null;
      const cached = clients.get(workspaceId);
      if (cached && cached.token === token) return cached.client;
      const client = createBulkClient({ token, apiUrl: source.apiUrl });
      clients.set(workspaceId, { token, client });
      return client;
    },
    forget(workspaceId) {
      clients.delete(workspaceId);
    },
  };
}

/** Single-workspace mode: one bot token from the environment serves every workspace row. */
export function singleTokenSource(input: { token: string; apiUrl: string }): WorkspaceTokenSource {
  return { apiUrl: input.apiUrl, tokenFor: async () => input.token };
}
