import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { revokeInstallation } from '../../oauth/revoke-installation.handler.js';

type Args = SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs;

/**
 * Only the bot token matters to Liaison: a revoked user token (someone's own OAuth grant)
 * leaves the installation working, so it changes nothing here.
 */
export function tokensRevoked(deps: SlackDeps) {
  return async ({ event, body, context }: Args): Promise<void> => {
    const botTokens = event.tokens.bot ?? [];
    if (botTokens.length === 0) {
      deps.logger.info({ teamId: context.teamId }, 'user tokens revoked; the bot token is unaffected');
      return;
    }
    await revokeInstallation(deps, { body, context, reason: 'tokens_revoked' });
  };
}
