/**
 * Identities the stand-in uses when the caller does not choose its own. The test driver
 * imports the same values so that payloads it signs and the Web API it talks to agree.
 */
export const STAND_IN_DEFAULTS = {
  teamId: 'T0LIAISON',
  teamName: 'Liaison Dev',
  teamDomain: 'liaison-dev',
  botUserId: 'U0LIAISONBOT',
  botId: 'B0LIAISONBOT',
  botName: 'liaison',
  appId: 'A0LIAISON',
  /** Any `xox?-` token is accepted unless `tokens` is configured; this one reads well in logs. */
  botToken: 'xoxb-liaison-stand-in',
  /** Legacy verification token Slack still puts in every payload. */
  verificationToken: 'stand-in-verification-token',
  generalChannelId: 'C0GENERAL',
  /** Slack's trigger_id lives three seconds and can be exchanged once. */
  triggerTtlMs: 3_000,
  /** A response_url accepts five posts within thirty minutes. */
  responseUrlMaxUses: 5,
  responseUrlTtlMs: 30 * 60_000,
} as const;
