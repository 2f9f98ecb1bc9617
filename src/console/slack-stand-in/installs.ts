import { randomBytes } from 'node:crypto';
import { SlackApiError } from './errors.js';
import type { StandInInstall } from './types.js';
import type { Workspace } from './workspace.js';

/** Slack's default lifetime of a rotating access token: 12 hours. */
const ROTATED_TOKEN_LIFETIME_SEC = 12 * 60 * 60;
const DEFAULT_SCOPES = ['commands', 'chat:write', 'users:read', 'im:write'];

/** One app installation the stand-in knows: who it is for, and its tokens now. */
export interface Installed {
  teamId: string | null;
  teamName: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  isEnterpriseInstall: boolean;
  botUserId: string;
  botId: string;
  installerUserId: string;
  scopes: string[];
  rotating: boolean;
  refreshedExpiresInSec: number;
  revoked: boolean;
}

interface TokenState {
  install: Installed;
  /** Epoch ms; undefined for a non-expiring token. */
  expiresAt?: number;
}

export type TokenStatus =
  | { kind: 'active'; install: Installed }
  | { kind: 'expired' | 'revoked' }
  | { kind: 'unknown' };

/**
 * OAuth v2 as Slack runs it, for an app distributed to many workspaces: a test (or the
 * console) registers what an admin would click "Allow" on; `oauth.v2.access` exchanges the
 * code once; with token rotation, access tokens expire and each refresh token works once.
 */
export class InstallRegistry {
  #codes = new Map<string, { install: Installed; expiresInSec?: number }>();
  #tokens = new Map<string, TokenState>();
  #refreshTokens = new Map<string, Installed>();
  #client: { clientId: string; clientSecret: string } | undefined;
  #serial = 0;

  constructor(private readonly ws: Workspace) {}

  setClient(client: { clientId: string; clientSecret: string }): void {
    this.#client = client;
  }

  register(input: StandInInstall): void {
    this.#serial += 1;
    const isEnterpriseInstall = input.isEnterpriseInstall ?? false;
    if (isEnterpriseInstall && !input.enterpriseId)
      throw new Error('an org-wide install needs an enterpriseId');
    if (!isEnterpriseInstall && !input.teamId) throw new Error('a workspace install needs a teamId');
    const suffix = (input.teamId ?? input.enterpriseId ?? 'X').replace(/^[A-Z]/, '');
    const install: Installed = {
      teamId: isEnterpriseInstall ? null : (input.teamId ?? null),
      teamName: input.teamName ?? `Team ${input.teamId ?? input.enterpriseId}`,
      enterpriseId: input.enterpriseId ?? null,
      enterpriseName: input.enterpriseId ? (input.enterpriseName ?? `Org ${input.enterpriseId}`) : null,
      isEnterpriseInstall,
      botUserId: input.botUserId ?? `U0BOT${suffix}`,
      botId: `B0BOT${suffix}`,
      installerUserId: input.installerUserId ?? 'U0INSTALLER',
      scopes: input.scopes ?? DEFAULT_SCOPES,
      rotating: input.rotating ?? false,
      refreshedExpiresInSec: input.refreshedExpiresInSec ?? ROTATED_TOKEN_LIFETIME_SEC,
      revoked: false,
    };
    this.#codes.set(input.code, {
      install,
      ...(input.expiresInSec !== undefined ? { expiresInSec: input.expiresInSec } : {}),
    });
  }

  /** Every token of the team's (or org's) installation stops working, as after an uninstall. */
  revoke(teamOrEnterpriseId: string): void {
    for (const state of this.#tokens.values()) {
      const { install } = state;
      if (
        install.teamId === teamOrEnterpriseId ||
        (install.isEnterpriseInstall && install.enterpriseId === teamOrEnterpriseId)
      )
        install.revoked = true;
    }
  }

  status(token: string): TokenStatus {
    const state = this.#tokens.get(token);
    if (!state) return { kind: 'unknown' };
    if (state.install.revoked) return { kind: 'revoked' };
    if (state.expiresAt !== undefined && state.expiresAt <= this.ws.now()) return { kind: 'expired' };
    return { kind: 'active', install: state.install };
  }

  /** oauth.v2.access: a code from the redirect, or (rotation) a refresh token. */
  access(args: Record<string, unknown>): Record<string, unknown> {
    this.#checkClient(args);
    if (args.grant_type === 'refresh_token') return this.#refresh(String(args.refresh_token ?? ''));
    const code = typeof args.code === 'string' ? args.code : '';
    const pending = this.#codes.get(code);
    if (!pending) throw new SlackApiError('invalid_code');
    this.#codes.delete(code);
    const { install } = pending;
    const expiresInSec = install.rotating ? (pending.expiresInSec ?? ROTATED_TOKEN_LIFETIME_SEC) : undefined;
    return {
      ...this.#tokenAnswer(install, expiresInSec),
      authed_user: { id: install.installerUserId },
      ...(install.isEnterpriseInstall
        ? { enterprise_url: `https://${install.enterpriseId?.toLowerCase()}.enterprise.slack.com/` }
        : {}),
    };
  }

  #refresh(refreshToken: string): Record<string, unknown> {
    const install = this.#refreshTokens.get(refreshToken);
    if (!install || install.revoked) throw new SlackApiError('invalid_refresh_token');
    // A refresh token works once.
    this.#refreshTokens.delete(refreshToken);
    return this.#tokenAnswer(install, install.refreshedExpiresInSec);
  }

  #tokenAnswer(install: Installed, expiresInSec: number | undefined): Record<string, unknown> {
    const secret = randomBytes(12).toString('hex');
    const accessToken = install.rotating
      ? `xoxe.xoxb-1-${secret}`
      : `xoxb-${install.teamId ?? install.enterpriseId}-${this.#serial}-${secret}`;
    this.#tokens.set(accessToken, {
      install,
      ...(expiresInSec !== undefined ? { expiresAt: this.ws.now() + expiresInSec * 1000 } : {}),
    });
    const rotation: Record<string, unknown> = {};
    if (install.rotating && expiresInSec !== undefined) {
      const refreshToken = `xoxe-1-${randomBytes(12).toString('hex')}`;
      this.#refreshTokens.set(refreshToken, install);
      rotation.refresh_token = refreshToken;
      rotation.expires_in = expiresInSec;
    }
    return {
      app_id: this.ws.appId,
      access_token: accessToken,
      token_type: 'bot',
      scope: install.scopes.join(','),
      bot_user_id: install.botUserId,
      team: install.isEnterpriseInstall ? null : { id: install.teamId, name: install.teamName },
      enterprise: install.enterpriseId ? { id: install.enterpriseId, name: install.enterpriseName } : null,
      is_enterprise_install: install.isEnterpriseInstall,
      ...rotation,
    };
  }

  #checkClient(args: Record<string, unknown>): void {
    if (!this.#client) return;
    if (args.client_id !== this.#client.clientId) throw new SlackApiError('invalid_client_id');
    if (args.client_secret !== this.#client.clientSecret) throw new SlackApiError('bad_client_secret');
  }
}
