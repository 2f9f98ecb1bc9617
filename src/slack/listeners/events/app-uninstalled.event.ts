import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { revokeInstallation } from '../../oauth/revoke-installation.handler.js';

type Args = SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs;

/** Slack says Liaison was uninstalled: its access to the workspace ends. */
export function appUninstalled(deps: SlackDeps) {
  return async ({ body, context }: Args): Promise<void> => {
    await revokeInstallation(deps, { body, context, reason: 'app_uninstalled' });
  };
}
