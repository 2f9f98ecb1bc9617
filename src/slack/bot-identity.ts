import { WebClient } from '@slack/web-api';

/** Who the bot token is, from auth.test: its bot, and the team (and Enterprise Grid org) it is installed in. */
export interface BotIdentity {
  botUserId: string;
  botId: string;
  teamId: string;
  /** The Enterprise Grid org of the team (or of an org-wide install); absent outside Grid. */
  enterpriseId?: string;
  /** Installed org-wide: the token serves every team of `enterpriseId`. */
  isEnterpriseInstall: boolean;
}

export class BotTokenRejectedError extends Error {
  override readonly name = 'BotTokenRejectedError';
}

/**
 * Asks Slack who our bot is, once at start. Bolt would otherwise do it lazily inside the
 * first request's authorization — on the acknowledgement path — and a wrong token would
 * only show up when the first person types a command.
 */
export async function resolveBotIdentity(botToken: string, apiUrl: string): Promise<BotIdentity> {
  const client = new WebClient(botToken, {
    slackApiUrl: apiUrl,
    timeout: 10_000,
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 },
  });
  let result: Awaited<ReturnType<WebClient['auth']['test']>>;
  try {
    result = await client.auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    throw new BotTokenRejectedError(`Slack refused SLACK_BOT_TOKEN (auth.test: ${code}).`);
  }
  if (!result.user_id || !result.bot_id || !result.team_id) {
    throw new BotTokenRejectedError('SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot_id).');
  }
  return {
    botUserId: result.user_id,
    botId: result.bot_id,
    teamId: result.team_id,
    ...(result.enterprise_id ? { enterpriseId: result.enterprise_id } : {}),
    isEnterpriseInstall: result.is_enterprise_install === true,
  };
}
