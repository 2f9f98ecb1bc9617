import type { SupportedLocale } from '../../i18n/locales.js';

export interface WorkspaceDto {
  id: string;
  slackTeamId: string;
  enterpriseId: string | null;
  name: string;
  defaultLocale: SupportedLocale;
  defaultTimeZone: string;
  isDemo: boolean;
}

export interface NewWorkspace {
  slackTeamId: string;
  enterpriseId?: string;
  name: string;
  defaultLocale: SupportedLocale;
  defaultTimeZone: string;
  isDemo?: boolean;
}
