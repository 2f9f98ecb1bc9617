import { SlackApiError } from '../errors.js';
import { type MethodHandler, optionalString } from './context.js';

export const authTeamMethods: Record<string, MethodHandler> = {
  'apps.connections.open': ({ ws, token }) => {
    if (!token?.startsWith('xapp-')) throw new SlackApiError('not_allowed_token_type');
    if (!ws.socketModeUrl) throw new SlackApiError('invalid_auth');
    return { url: ws.socketModeUrl };
  },

  'auth.test': ({ ws }) => ({
    url: `https://${ws.teamDomain}.slack.com/`,
    team: ws.teamName,
    user: ws.botName,
    team_id: ws.teamId,
    user_id: ws.botUserId,
    bot_id: ws.botId,
    app_id: ws.appId,
    is_enterprise_install: false,
  }),

  'team.info': ({ args, ws }) => {
    const team = optionalString(args, 'team');
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
