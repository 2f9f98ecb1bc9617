import type { AllMiddlewareArgs } from '@slack/bolt';
import type { RevokedReason } from '../../modules/installations/installation.types.js';
import type { SlackDeps } from '../deps.js';

/**
 * Takes Liaison's access to a workspace away when Slack says it is gone. Bolt skips
 * authorize() for app_uninstalled and tokens_revoked (the installation may already be
 * unusable), so the context has the team and org ids but no token; nothing here calls Slack.
 * Shared by the app_uninstalled and tokens_revoked listeners.
 */
export async function revokeInstallation(
  deps: SlackDeps,
  input: { body: { team_id?: string }; context: AllMiddlewareArgs['context']; reason: RevokedReason },
): Promise<void> {
  const { context, reason } = input;
  const teamId = context.teamId ?? input.body.team_id;
  const report = await deps.installations.revoke({
    teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall === true,
    reason,
  });
  const where = {
    teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall,
  };
  if (!report) {
    deps.logger.info({ ...where, reason }, 'access revoked for a workspace with no active installation');
    return;
  }
  deps.logger.warn(
    {
      ...where,
      reason,
      workspaceId: report.workspace.id,
      pausedSchedules: report.pausedSchedules,
      cancelledDeliveries: report.cancelledDeliveries,
    },
    'Liaison lost access to a workspace: installation revoked, schedules paused, queued messages cancelled',
  );
}
