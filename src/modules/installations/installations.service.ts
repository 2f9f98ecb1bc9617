import type { SupportedLocale } from '../../i18n/locales.js';
import { nextSlot } from '../scheduling/next-slot.rules.js';
import { recurrenceSchema } from '../scheduling/recurrence.schemas.js';
import type { ScheduleCalendars } from '../scheduling/working-calendar.types.js';
import type { Clock } from '../shared/clock.types.js';
import type { WorkspaceDto } from '../workspaces/workspace.types.js';
import {
  installationColumns,
  installationKey,
  installationTarget,
  keyOfInstallation,
} from './installation.rules.js';
import type {
  ActiveInstallation,
  InstallationDto,
  InstallationQuery,
  RevokedReason,
  RevokeReport,
  SchedulePausedByUninstall,
  SlackInstallationRecord,
  StoredInstallation,
  StoreOutcome,
} from './installation.types.js';
import type { InstallationsRepository } from './installations.repository.js';
import type { TokenCipher } from './token-cipher.service.js';

export interface InstallationsService {
  /**
   * Loads every active installation into memory, so answering a request never waits on the
   * database. Rows written under LIAISON_ENCRYPTION_KEY_PREVIOUS are re-encrypted with the
   * current key. Throws when a row cannot be decrypted (wrong key): better not to start.
   */
  warmUp(): Promise<{ loaded: number; reencrypted: number }>;
  /** A new install, a reinstall, or a refreshed token (Bolt's storeInstallation). */
  store(
    record: SlackInstallationRecord,
  ): Promise<{ installation: InstallationDto; workspace: WorkspaceDto; outcome: StoreOutcome }>;
  /** The installation serving a request, from memory; a cold miss reads the database once. */
  find(query: InstallationQuery): Promise<ActiveInstallation | null>;
  /** The installation serving a Liaison workspace (background work), null when none is active. */
  findForWorkspace(workspaceId: string): Promise<ActiveInstallation | null>;
  /** The workspace's bot token for background work; null when Liaison is not installed there. */
  tokenFor(workspaceId: string): Promise<string | null>;
  /**
   * Slack took access away (app_uninstalled, tokens_revoked): revoked, schedules paused,
   * queued messages cancelled, all in one transaction. Null when nothing was installed.
   */
  revoke(
    input: InstallationQuery & { reason: RevokedReason; actorSlackId?: string },
  ): Promise<RevokeReport | null>;
  /** The Liaison workspace of an org-wide install, for requests from any team of the org (memory only). */
  orgWorkspaceFor(enterpriseId: string): WorkspaceDto | undefined;
}

export interface InstallationsServiceOptions {
  /** How old a cached installation may get before a background re-read (stale-while-revalidate). */
  refreshAfterMs?: number;
  /** How long "not installed" is remembered before the database is asked again. */
  missTtlMs?: number;
}

interface CacheEntry {
  value: ActiveInstallation | null;
  loadedAt: number;
}

const DEFAULTS = { refreshAfterMs: 5 * 60_000, missTtlMs: 10_000 } as const;

export class EncryptionKeyMissingError extends Error {
  override readonly name = 'EncryptionKeyMissingError';
}

export function createInstallationsService(deps: {
  repo: InstallationsRepository;
  /** Absent in single-workspace mode: nothing is stored then, only revocations are recorded. */
  cipher?: TokenCipher;
  clock: Clock;
  defaults: { locale: SupportedLocale; timeZone: string };
  calendars?: ScheduleCalendars;
  /** Called after a workspace's token changed or was revoked (drop cached Slack clients). */
  onTokenChanged?: (workspaceId: string) => void;
  /** Called after a first install or a reinstall (give the workspace its standing schedules). */
  onInstalled?: (workspace: WorkspaceDto) => Promise<void>;
  /** A background refresh failed; the cached value keeps serving. */
  onRefreshError?: (error: unknown, key: string) => void;
  options?: InstallationsServiceOptions;
}): InstallationsService {
  const { repo, clock } = deps;
  const options = { ...DEFAULTS, ...deps.options };
  const entries = new Map<string, CacheEntry>();
  const keyByWorkspace = new Map<string, string>();
  const neverInstalled = new Map<string, number>();
  const loading = new Map<string, Promise<ActiveInstallation | null>>();
  // Bumped by every write; a read that started before a write must not put older data back.
  const generation = new Map<string, number>();

  function requireCipher(): TokenCipher {
    if (!deps.cipher) {
      throw new EncryptionKeyMissingError(
        'installations need LIAISON_ENCRYPTION_KEY (OAuth mode); single-workspace mode stores none',
      );
    }
    return deps.cipher;
  }

  function activeOf(stored: StoredInstallation | null): ActiveInstallation | null {
    if (!stored || stored.installation.revokedAt || !stored.installationEncrypted) return null;
    const record = JSON.parse(
      requireCipher().decrypt(stored.installationEncrypted),
    ) as SlackInstallationRecord;
    return { installation: stored.installation, workspace: stored.workspace, record };
  }

  function remember(key: string, value: ActiveInstallation | null): void {
    entries.set(key, { value, loadedAt: clock.now().getTime() });
    if (value) {
      keyByWorkspace.set(value.installation.workspaceId, key);
      neverInstalled.delete(value.installation.workspaceId);
    }
  }

  function rememberWrite(key: string, value: ActiveInstallation | null): void {
    generation.set(key, (generation.get(key) ?? 0) + 1);
    remember(key, value);
  }

  function readKey(key: string): Promise<StoredInstallation | null> {
    const [kind, id = ''] = key.split(/:(.*)/s);
    return kind === 'org' ? repo.findOrgInstall(id) : repo.findByTeam(id);
  }

  /** One database read per key at a time, however many requests ask at once. */
  function load(key: string, read: () => Promise<StoredInstallation | null> = () => readKey(key)) {
    let pending = loading.get(key);
    if (!pending) {
      const startedAt = generation.get(key) ?? 0;
      pending = read()
        .then((stored) => {
          if ((generation.get(key) ?? 0) !== startedAt) return entries.get(key)?.value ?? null;
          const value = activeOf(stored);
          remember(key, value);
          return value;
        })
        .finally(() => loading.delete(key));
      loading.set(key, pending);
    }
    return pending;
  }

  async function fromCache(key: string): Promise<ActiveInstallation | null> {
    const entry = entries.get(key);
    if (!entry) return load(key);
    const age = clock.now().getTime() - entry.loadedAt;
    if (entry.value === null) return age > options.missTtlMs ? load(key) : null;
    if (age > options.refreshAfterMs && !loading.has(key)) {
      // Serve what we have now; pick up another replica's refresh or revocation in the background.
      load(key).catch((error: unknown) => deps.onRefreshError?.(error, key));
    }
    return entry.value;
  }

  async function nextRunsAfterReinstall(paused: SchedulePausedByUninstall[]) {
    const now = clock.now();
    return Promise.all(
      paused.map(async (schedule) => {
        const recurrence = recurrenceSchema.safeParse(schedule.recurrence);
        if (!recurrence.success) return { scheduleId: schedule.id, nextRunAt: null };
        const calendar = schedule.calendarId
          ? await deps.calendars?.forCalendarId(schedule.calendarId)
          : null;
        // Like an admin's resume: from the next slot after now, the missed ones are not caught up.
        const nextRunAt = nextSlot(now, { ...schedule, recurrence: recurrence.data }, calendar);
        return { scheduleId: schedule.id, nextRunAt };
      }),
    );
  }

  async function findForWorkspace(workspaceId: string): Promise<ActiveInstallation | null> {
    const key = keyByWorkspace.get(workspaceId);
    if (key) return fromCache(key);
    const missedAt = neverInstalled.get(workspaceId);
    if (missedAt !== undefined && clock.now().getTime() - missedAt <= options.missTtlMs) return null;
    const stored = await repo.findByWorkspace(workspaceId);
    if (!stored) {
      neverInstalled.set(workspaceId, clock.now().getTime());
      return null;
    }
    neverInstalled.delete(workspaceId);
    const storedKey = keyOfInstallation(stored.installation);
    keyByWorkspace.set(workspaceId, storedKey);
    return load(storedKey, async () => stored);
  }

  async function storedForRevocation(query: InstallationQuery): Promise<StoredInstallation | null> {
    if (query.isEnterpriseInstall && query.enterpriseId) return repo.findOrgInstall(query.enterpriseId);
    if (!query.teamId) return null;
    const team = await repo.findByTeam(query.teamId);
    // Some org-level events name the org in team_id.
    if (!team && query.teamId.startsWith('E')) return repo.findOrgInstall(query.teamId);
    return team;
  }

  return {
    async warmUp() {
      const cipher = requireCipher();
      const rows = await repo.listActive();
      let reencrypted = 0;
      for (const stored of rows) {
        let value: ActiveInstallation | null;
        try {
          value = activeOf(stored);
        } catch (error) {
          throw new Error(
            `cannot decrypt the installation of workspace ${stored.workspace.slackTeamId} (${stored.installation.id}): ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        if (!value) continue;
        if (stored.installationEncrypted && cipher.needsReencryption(stored.installationEncrypted)) {
          await repo.replaceEncrypted(stored.installation.id, cipher.encrypt(JSON.stringify(value.record)));
          reencrypted += 1;
        }
        remember(keyOfInstallation(value.installation), value);
      }
      return { loaded: rows.length, reencrypted };
    },

    async store(record) {
      const cipher = requireCipher();
      const target = installationTarget(record, deps.defaults);
      const resume = await nextRunsAfterReinstall(await repo.schedulesPausedByUninstall(target.slackTeamId));
      const { stored, outcome } = await repo.store({
        target,
        columns: installationColumns(record, cipher.encrypt(JSON.stringify(record))),
        resume,
        actorSlackId: record.user?.id,
      });
      const value: ActiveInstallation = {
        installation: stored.installation,
        workspace: stored.workspace,
        record,
      };
      rememberWrite(keyOfInstallation(stored.installation), value);
      deps.onTokenChanged?.(stored.installation.workspaceId);
      if (outcome !== 'updated') await deps.onInstalled?.(stored.workspace);
      return { installation: stored.installation, workspace: stored.workspace, outcome };
    },

    async find(query) {
      const key = installationKey(query);
      return key ? fromCache(key) : null;
    },

    findForWorkspace,

    async tokenFor(workspaceId) {
      if (!deps.cipher) return null;
      const active = await findForWorkspace(workspaceId);
      return active?.record.bot?.token ?? null;
    },

    async revoke({ reason, actorSlackId, ...query }) {
      const stored = await storedForRevocation(query);
      if (!stored) return null;
      const report = await repo.revoke({
        installationId: stored.installation.id,
        reason,
        actorSlackId,
        now: clock.now(),
      });
      // Already revoked or not: from now on this installation serves nothing here.
      rememberWrite(keyOfInstallation(stored.installation), null);
      keyByWorkspace.set(stored.installation.workspaceId, keyOfInstallation(stored.installation));
      deps.onTokenChanged?.(stored.installation.workspaceId);
      return report;
    },

    orgWorkspaceFor(enterpriseId) {
      return entries.get(`org:${enterpriseId}`)?.value?.workspace;
    },
  };
}
