import type { DigestReader, DigestSubscriptionDto, DueDigest } from './digest.types.js';
import type { DigestSetting } from './digest-schedule.rules.js';

export interface DigestRepository {
  reader(workspaceId: string, personId: string): Promise<DigestReader | null>;
  subscription(personId: string): Promise<DigestSubscriptionDto | null>;
  /** Creates or replaces the person's setting and next slot. */
  save(input: {
    workspaceId: string;
    personId: string;
    setting: DigestSetting;
    nextDueAt: Date | null;
  }): Promise<DigestSubscriptionDto>;
  /** Active people with a LEAD, HEAD or EXECUTIVE membership and no setting yet, with their zone. */
  eligibleWithoutSubscription(workspaceId: string): Promise<{ personId: string; timeZone: string }[]>;
  /** Inserts default settings; rows another replica created meanwhile are left as they are. */
  createMany(
    rows: ReadonlyArray<{
      workspaceId: string;
      personId: string;
      setting: DigestSetting;
      nextDueAt: Date | null;
    }>,
  ): Promise<number>;
  /** Settings on, slot at or before `now`, person active: oldest slot first. */
  due(workspaceId: string, now: Date, limit: number): Promise<DueDigest[]>;
  /**
   * Moves the slot on, only if it is still `expected` (compare-and-set): false when another
   * replica (or a changed setting) moved it first.
   */
  advance(id: string, expected: Date, nextDueAt: Date | null, periodKey: string | null): Promise<boolean>;
}
