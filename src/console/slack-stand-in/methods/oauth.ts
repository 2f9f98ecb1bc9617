import type { MethodHandler } from './context.js';

/**
 * OAuth v2 (oauth.v2.access) for an app installed in many workspaces. It authenticates
 * with client_id and client_secret, not a token (see CLIENT_AUTH_METHODS).
 */
export const oauthMethods: Record<string, MethodHandler> = {
  'oauth.v2.access': ({ args, installs }) => installs.access(args),
};

/** Methods called with the app's client credentials instead of a token. */
export const CLIENT_AUTH_METHODS: ReadonlySet<string> = new Set(['oauth.v2.access']);
