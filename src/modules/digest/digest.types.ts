import type { SupportedLocale } from '../../i18n/locales.js';
import type { Role } from '../people/person.types.js';
import type { RiskSummary } from '../shared/risk-summary.types.js';
import type { DigestSetting } from './digest-schedule.rules.js';
import type { DigestPeriod, DigestSectionContent } from './digest-section.types.js';

/** The kind every managers' digest DM is sent as (a person may mute it). */
export const DIGEST_MANAGERS_KIND = 'digest.managers';

/** Someone who may read a digest, as the repository finds them. */
export interface DigestReader {
  workspaceId: string;
  personId: string;
  active: boolean;
  isAdmin: boolean;
  /** The person's Slack language, if Slack told us. */
  locale: string | null;
  workspaceLocale: SupportedLocale;
  /** The person's zone, else the workspace's. */
  timeZone: string;
  /** Their LEAD, HEAD and EXECUTIVE memberships in live departments (none: not eligible). */
  ladder: ReadonlyArray<{ departmentId: string; nameEn: string; nameZh: string; role: Role }>;
}

export interface DigestSubscriptionDto {
  id: string;
  workspaceId: string;
  personId: string;
  setting: DigestSetting;
  nextDueAt: Date | null;
  lastPeriodKey: string | null;
}

/** A subscription whose slot has passed, with the zone its next slot is computed in. */
export interface DueDigest extends DigestSubscriptionDto {
  nextDueAt: Date;
  timeZone: string;
}

/** One digest, ready for a view to render. */
export interface ComposedDigest {
  locale: SupportedLocale;
  timeZone: string;
  period: DigestPeriod;
  /** Department names in the reader's language. */
  departments: string[];
  sections: ReadonlyArray<DigestSectionContent & { id: string }>;
  summary: RiskSummary;
  /** Facts the sections gave (before grouping). */
  factCount: number;
}
