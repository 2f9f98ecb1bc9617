import type { Role, SlackProfile } from '../people/person.types.js';
import type { ProfileChangeKind } from './directory.rules.js';
import type { LocalizedName, SyncRunDto } from './directory.types.js';

/** What one batch of profiles did to the directory. */
export interface AppliedProfiles {
  created: number;
  updated: number;
  deactivated: number;
  /** Ids of the people this batch deactivated (their QUEUED/HELD deliveries are cancelled). */
  deactivatedIds: string[];
  /** Per Slack user id, what happened to them. */
  changes: Map<string, ProfileChangeKind>;
}

export interface PersonToFlag {
  personId: string;
  workspaceId: string;
  slackUserId: string;
  name: string;
  active: boolean;
  deactivatedAt: Date | null;
  memberships: {
    departmentId: string;
    name: LocalizedName;
    role: Role;
    /** Active leads and heads of the department other than this person. */
    leaders: string[];
  }[];
  /** Active Liaison admins of the workspace other than this person. */
  admins: string[];
}

export interface Recipient {
  personId: string;
  /** 'en' or 'zh-CN', from the person's Slack language or the workspace default. */
  locale: string;
}

export interface DirectoryRepository {
  /**
   * Claims the workspace's sync under a per-workspace lock: a RUNNING run with a live lease
   * means busy; one whose lease ran out is taken over; a FAILED one younger than
   * `resumableSince` with a cursor resumes; otherwise a new run starts.
   */
  begin(input: {
    workspaceId: string;
    startedBySlackId: string | null;
    now: Date;
    leaseUntil: Date;
    resumableSince: Date;
  }): Promise<{ kind: 'started' | 'resumed' | 'busy'; run: SyncRunDto }>;
  /**
   * One page in one transaction: the people (created in bulk, changes in one batched
   * update, audit rows in one insert), the cursor and counts of the run, and its lease.
   * Throws DirectorySyncLeaseLostError when the run's lease is no longer `heldUntil`.
   */
  applyPage(
    run: { id: string; workspaceId: string; heldUntil: Date },
    page: { profiles: SlackProfile[]; nextCursor: string | null; now: Date; leaseUntil: Date },
  ): Promise<SyncRunDto>;
  /** Profiles pushed by Slack (user_change, team_join), in one transaction. */
  applyProfiles(workspaceId: string, profiles: SlackProfile[], now: Date): Promise<AppliedProfiles>;
  /** Ends the run (SUCCEEDED or FAILED with its error; the cursor stays for a resume). */
  finish(
    run: { id: string; heldUntil: Date },
    outcome: { status: 'SUCCEEDED' | 'FAILED'; error?: string; finishedAt: Date },
  ): Promise<SyncRunDto>;
  lastRun(workspaceId: string): Promise<SyncRunDto | null>;
  /** People this run deactivated (from its audit rows), to flag once the pass ends. */
  deactivatedInRun(workspaceId: string, runId: string): Promise<string[]>;
  /** Active, non-bot people not read from Slack since `since` (not in a complete pass). */
  countNotListedSince(workspaceId: string, since: Date): Promise<number>;
  personToFlag(personId: string): Promise<PersonToFlag | null>;
  recipients(personIds: string[]): Promise<Recipient[]>;
  findPerson(workspaceId: string, slackUserId: string): Promise<Recipient | null>;
  /** Open-item queries for the built-in sources. */
  leadershipOf(personId: string): Promise<{ name: LocalizedName; role: Role }[]>;
  countCancelledOnDeactivation(personId: string): Promise<number>;
}

/** Why the sync cancelled a delivery: the recipient was deactivated in Slack. */
export const CANCELLED_ON_DEACTIVATION = 'recipient_deactivated';
