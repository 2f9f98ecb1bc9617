import { SlackApiError } from '../errors.js';
import { type MethodContext, type MethodHandler, optionalString } from './context.js';

function authTestOfStandInTeam(ws: MethodContext['ws']): Record<string, unknown> {
  return {
    url: `https://${ws.teamDomain}.slack.com/`,
    team: ws.teamName,
    user: ws.botName,
    team_id: ws.teamId,
    user_id: ws.botUserId,
    bot_id: ws.botId,
    app_id: ws.appId,
    is_enterprise_install: false,
  };
}

export const authTeamMethods: Record<string, MethodHandler> = {
  'apps.connections.open': ({ ws, token }) => {
    if (!token?.startsWith('xapp-')) throw new SlackApiError('not_allowed_token_type');
    if (!ws.socketModeUrl) throw new SlackApiError('invalid_auth');
    return { url: ws.socketModeUrl };
  },

  'auth.test': ({ ws, token, installs }) => {
    // A token from an OAuth install answers for that install's team (or org) and bot.
    const status = installs.status(token);
    if (status.kind === 'active') {
      const { install } = status;
      const teamId = install.teamId ?? install.enterpriseId ?? '';
      return {
        url: install.isEnterpriseInstall
          ? `https://${teamId.toLowerCase()}.enterprise.slack.com/`
          : `https://${teamId.toLowerCase()}.slack.com/`,
        team: install.isEnterpriseInstall ? install.enterpriseName : install.teamName,
        user: ws.botName,
        team_id: teamId,
        user_id: install.botUserId,
        bot_id: install.botId,
        app_id: ws.appId,
        ...(install.enterpriseId ? { enterprise_id: install.enterpriseId } : {}),
        is_enterprise_install: install.isEnterpriseInstall,
      };
    }
    return authTestOfStandInTeam(ws);
  },

  'team.info': ({ args, ws, token, installs }) => {
    const team = optionalString(args, 'team');
    const status = installs.status(token);
    if (
      status.kind === 'active' &&
      status.install.teamId &&
      (team === undefined || team === status.install.teamId)
    ) {
      const { teamId, teamName } = status.install;
      return {
        team: {
          id: teamId,
          name: teamName,
          url: `https://${teamId.toLowerCase()}.slack.com/`,
          domain: teamId.toLowerCase(),
          email_domain: '',
          icon: { image_default: true, image_34: '', image_44: '', image_68: '', image_88: '' },
          ...(status.install.enterpriseId ? { enterprise_id: status.install.enterpriseId } : {}),
          avatar_base_url: 'https://ca.slack-edge.com/',
          is_verified: false,
          lob_sales_home_enabled: false,
        },
      };
    }
    if (team !== undefined && team !== ws.teamId) throw new SlackApiError('team_not_found');
    return {
      team: {
        id: ws.teamId,
        name: ws.teamName,
        url: `https://${ws.teamDomain}.slack.com/`,
        domain: ws.teamDomain,
        email_domain: '',
        icon: { image_default: true, image_34: '', image_44: '', image_68: '', image_88: '' },
        avatar_base_url: 'https://ca.slack-edge.com/',
        is_verified: false,
        lob_sales_home_enabled: false,
      },
    };
  },
};
