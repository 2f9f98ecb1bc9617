import type { KpiDigestCadence } from './kpi-subscription.rules.js';

export interface KpiSubscriptionRow {
  id: string;
  workspaceId: string;
  number: number;
  channelId: string;
  department: { id: string; key: string; nameEn: string; nameZh: string } | null;
  kpiKeys: string[];
  cadence: KpiDigestCadence;
  timeOfDay: string;
  timeZone: string;
  locale: string;
  nextDueAt: Date;
  lastPeriodKey: string | null;
}

export interface NewKpiSubscription {
  workspaceId: string;
  channelId: string;
  departmentId: string | null;
  kpiKeys: string[];
  cadence: KpiDigestCadence;
  timeOfDay: string;
  timeZone: string;
  locale: string;
  createdByPersonId: string;
  nextDueAt: Date;
}

export interface KpiSubscriptionsRepository {
  department(
    workspaceId: string,
    key: string,
  ): Promise<{ id: string; key: string; locale: string | null } | null>;
  /** The subscriber's zone and the workspace's language and zone. */
  settingsOf(personId: string): Promise<{ timeZone: string; workspaceLocale: string }>;
  create(input: NewKpiSubscription): Promise<KpiSubscriptionRow>;
  list(workspaceId: string): Promise<KpiSubscriptionRow[]>;
  byNumber(workspaceId: string, number: number): Promise<KpiSubscriptionRow | null>;
  remove(id: string): Promise<boolean>;
  due(workspaceId: string, now: Date, limit: number): Promise<KpiSubscriptionRow[]>;
  /** Claims a due slot for posting; false when another run holds it or moved it on. */
  claim(row: KpiSubscriptionRow, periodKey: string, now: Date, staleBefore: Date): Promise<boolean>;
  /** After posting: the period is recorded, the slot moves on, the claim is released. */
  posted(id: string, periodKey: string, nextDueAt: Date): Promise<void>;
  release(id: string): Promise<void>;
}
