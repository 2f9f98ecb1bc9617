import type { Translate } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { WorkspaceRole } from '../access/access.types.js';
import type { DeliveryFile } from '../delivery/delivery.types.js';
import type { Role } from '../people/person.types.js';
import type { RiskFact } from '../shared/risk-summary.types.js';

/**
 * The port through which features add to the managers' digest. A feature declares its
 * sections (`digestSections` in its *.feature.ts); the digest asks each one for its content
 * for one reader and one period, renders what comes back and summarizes the facts. A new
 * section (KPIs, OKRs, meetings) touches nothing in src/modules/digest or src/features/digest.
 */

export type DigestCadence = 'weekly' | 'daily';

/** The stretch of time one digest covers, ending at the slot it is sent for. */
export interface DigestPeriod {
  cadence: DigestCadence;
  start: Date;
  end: Date;
  /** Unique per person and period, e.g. 'weekly:2026-W50' or 'daily:2026-12-07'. */
  key: string;
}

/** A department the reader leads, heads or is an executive of. */
export interface DigestDepartment {
  id: string;
  /** In the reader's language. */
  name: string;
  role: Role;
}

/** Who a digest is for, and what it covers. */
export interface DigestAudience {
  workspaceId: string;
  personId: string;
  /** Derived roles, most powerful first ('executive', 'lead', …). */
  roles: readonly WorkspaceRole[];
  departments: readonly DigestDepartment[];
  locale: SupportedLocale;
  timeZone: string;
  /** Messages in the reader's language. */
  t: Translate;
  period: DigestPeriod;
  now: Date;
}

/** One line of a group: plain text (no mrkdwn; the view escapes it), with what it cites. */
export interface DigestLine {
  text: string;
  /** The reference a reader (and the risk summary) can cite, e.g. 'ESC-12'. */
  ref?: string;
  url?: string;
}

/** A heading and its lines; `total` counts lines left out by the section's own cap. */
export interface DigestGroup {
  heading: string;
  lines: readonly DigestLine[];
  /** Lines this group has in all (≥ lines.length); the view adds "and N more". */
  total: number;
  /** Shown when there are no lines (omitted groups have no text). */
  emptyText?: string;
}

/** What a section contributes to one digest: blocks-agnostic content and the facts to summarize. */
export interface DigestSectionContent {
  title: string;
  groups: readonly DigestGroup[];
  facts: readonly RiskFact[];
  /** Files delivered with the digest, in its thread (e.g. the worst KPIs' charts); few and small. */
  files?: readonly DeliveryFile[];
}

export interface DigestSection {
  /** Unique across features, e.g. 'escalations', 'action-items', 'kpis'. */
  id: string;
  /** Lower comes first; ties keep the feature list's order. */
  order: number;
  /** Null when the section has nothing for this reader (it is left out). */
  load(audience: DigestAudience): Promise<DigestSectionContent | null>;
}
