import type { MessageKey } from '../../i18n/catalog.js';
import type { DeliveryMessage } from '../delivery/delivery.types.js';
import type { Role, SlackProfile } from '../people/person.types.js';

/** One page of the workspace directory (users.list), as the sync reads it. */
export interface DirectoryPage {
  /** Every member on the page, bots included: the sync decides whom it keeps. */
  profiles: SlackProfile[];
  /** null on the last page. Opaque: only the pager knows what it means. */
  nextCursor: string | null;
}

/**
 * Reads the directory one page at a time (the Slack adapter pages users.list, paced for
 * its tier). `cursor` null is the first page.
 */
export interface DirectoryPager {
  page(cursor: string | null, signal?: AbortSignal): Promise<DirectoryPage>;
}

/**
 * Thrown by a pager when Slack no longer accepts a saved cursor (`invalid_cursor`): the
 * sync starts the pass over instead of failing for good.
 */
export class DirectoryCursorInvalidError extends Error {
  constructor(cursor: string) {
    super(`the directory refused cursor ${cursor.slice(0, 40)}`);
    this.name = 'DirectoryCursorInvalidError';
  }
}

/** Thrown when another process took the sync over (our lease ran out): stop, it is theirs now. */
export class DirectorySyncLeaseLostError extends Error {
  constructor(runId: string) {
    super(`directory sync run ${runId} was taken over by another process`);
    this.name = 'DirectorySyncLeaseLostError';
  }
}

export type SyncStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** One pass over the directory, with its progress. */
export interface SyncRunDto {
  id: string;
  workspaceId: string;
  status: SyncStatus;
  /** Where the next page starts; null before the first page and after the last one. */
  cursor: string | null;
  pages: number;
  /** People (bots left out) read so far. */
  seen: number;
  created: number;
  updated: number;
  deactivated: number;
  /** Who holds the run until then; also the owner's token (see the repository). */
  leaseUntil: Date | null;
  startedBySlackId: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

export type BeginOutcome =
  | { kind: 'started'; run: SyncRunDto }
  /** An interrupted run (crashed, or stopped on an error) continues from its saved cursor. */
  | { kind: 'resumed'; run: SyncRunDto }
  /** Another sync of this workspace is running (its lease is live): only one at a time. */
  | { kind: 'busy'; run: SyncRunDto };

/** How a call to `run` ended. */
export type SyncOutcome =
  | { kind: 'finished'; run: SyncRunDto; notListed: number; flagged: number }
  | { kind: 'failed'; run: SyncRunDto }
  /** Stopped on request (shutdown, lost job lease) with the run left to resume. */
  | { kind: 'interrupted'; run: SyncRunDto };

/** A department's name in both languages; the message is written in the reader's. */
export interface LocalizedName {
  en: string;
  zh: string;
}

/** Text a recipient reads in their language: a message key and its parameters, or user text. */
export type OpenItemTitle =
  | { key: MessageKey; params?: Record<string, string | number | LocalizedName> }
  | { text: string };

export interface OpenItem {
  title: OpenItemTitle;
  link?: string;
}

/**
 * Something a deactivated person leaves unfinished. Features register a source (action
 * items, escalations, check-ins); the lead's DM lists what every source returns.
 */
export interface OpenItemsSource {
  kind: string;
  listOpenFor(person: { personId: string; workspaceId: string }): Promise<OpenItem[]>;
}

export interface FlaggedMembership {
  departmentId: string;
  name: LocalizedName;
  role: Role;
}

/** What a lead (or an admin) is told when someone in their department is deactivated. */
export interface DeactivationFlag {
  person: { personId: string; slackUserId: string; name: string };
  memberships: FlaggedMembership[];
  items: OpenItem[];
}

export interface SyncSummary {
  run: SyncRunDto;
  /** People Liaison knows who were not in a complete pass (left as they are). */
  notListed: number;
}

/** Builds the DMs in the reader's language (Slack layer: Block Kit and the catalog). */
export interface DirectoryMessages {
  deactivationFlag(locale: string, flag: DeactivationFlag): DeliveryMessage;
  syncSummary(locale: string, summary: SyncSummary): DeliveryMessage;
}
