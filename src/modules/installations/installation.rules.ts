import type { SupportedLocale } from '../../i18n/locales.js';
import type {
  InstallationColumns,
  InstallationDto,
  InstallationQuery,
  InstallationTarget,
  SlackInstallationRecord,
} from './installation.types.js';

/**
 * The Liaison workspace an installation serves. A team install serves its team; an
 * org-wide (Enterprise Grid) install serves the whole org as ONE workspace, keyed by the
 * enterprise id, so every team of the org shares people, departments and schedules.
 */
export function installationTarget(
  record: SlackInstallationRecord,
  defaults: { locale: SupportedLocale; timeZone: string },
): InstallationTarget {
  const enterprise = record.enterprise ?? undefined;
  if (record.isEnterpriseInstall) {
    if (!enterprise?.id) throw new Error('an org-wide installation without an enterprise id');
    return {
      slackTeamId: enterprise.id,
      enterpriseId: enterprise.id,
      name: enterprise.name ?? enterprise.id,
      defaultLocale: defaults.locale,
      defaultTimeZone: defaults.timeZone,
    };
  }
  const team = record.team ?? undefined;
  if (!team?.id) throw new Error('a workspace installation without a team id');
  return {
    slackTeamId: team.id,
    enterpriseId: enterprise?.id ?? null,
    name: team.name ?? team.id,
    defaultLocale: defaults.locale,
    defaultTimeZone: defaults.timeZone,
  };
}

/** The searchable columns of the row; the tokens only ever live in `installationEncrypted`. */
export function installationColumns(
  record: SlackInstallationRecord,
  installationEncrypted: string,
): InstallationColumns {
  const isEnterpriseInstall = record.isEnterpriseInstall === true;
  return {
    slackTeamId: isEnterpriseInstall ? null : (record.team?.id ?? null),
    enterpriseId: record.enterprise?.id ?? null,
    isEnterpriseInstall,
    appId: record.appId ?? null,
    botUserId: record.bot?.userId ?? null,
    botId: record.bot?.id ?? null,
    botScopes: record.bot?.scopes ?? [],
    botTokenExpiresAt: record.bot?.expiresAt ? new Date(record.bot.expiresAt * 1000) : null,
    installedBySlackId: record.user?.id ?? null,
    installationEncrypted,
  };
}

/**
 * One key per installation: `org:E…` for an org-wide install, `team:T…` otherwise. A request
 * from an org-wide install (Slack marks it is_enterprise_install) is looked up by its org.
 */
export function installationKey(query: InstallationQuery): string | undefined {
  if (query.isEnterpriseInstall) return query.enterpriseId ? `org:${query.enterpriseId}` : undefined;
  return query.teamId ? `team:${query.teamId}` : undefined;
}

export function keyOfInstallation(installation: InstallationDto): string {
  return installation.isEnterpriseInstall
    ? `org:${installation.enterpriseId ?? ''}`
    : `team:${installation.slackTeamId ?? ''}`;
}

/** The query Bolt would make for this installation (to authorize background work). */
export function queryOfInstallation(installation: InstallationDto): InstallationQuery {
  return installation.isEnterpriseInstall
    ? { isEnterpriseInstall: true, enterpriseId: installation.enterpriseId ?? undefined }
    : {
        isEnterpriseInstall: false,
        teamId: installation.slackTeamId ?? undefined,
        enterpriseId: installation.enterpriseId ?? undefined,
      };
}

/**
 * The one rule for which signed requests Liaison serves, in every mode: a request is served
 * when Slack says it is for an installation Liaison holds. `claim` is what the request says
 * (its team, org and whether it came through an org-wide install; an event says it once per
 * installation that sees it). An org-wide install serves every team of its org; a workspace
 * install serves its team and, on Enterprise Grid, requests from its own org (Slack sends
 * those for people of sister workspaces in org-shared channels). Anything else — another
 * workspace that installed the same app — is refused before anything is looked up or stored.
 */
export function installationServes(installed: InstallationQuery, claim: InstallationQuery): boolean {
  if (installed.isEnterpriseInstall)
    return installed.enterpriseId !== undefined && claim.enterpriseId === installed.enterpriseId;
  if (installed.teamId !== undefined && claim.teamId === installed.teamId) return true;
  return installed.enterpriseId !== undefined && claim.enterpriseId === installed.enterpriseId;
}
