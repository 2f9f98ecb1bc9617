import { resolveLocale } from '../../i18n/catalog.js';
import type { SupportedLocale } from '../../i18n/locales.js';
import type { AccessSubject } from '../access/access.types.js';
import type { Authorization } from '../access/authorization.service.js';
import type { DigestSetting } from '../digest/digest-schedule.rules.js';
import { digestPeriod, nextDigestSlot } from '../digest/digest-schedule.rules.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import type { KpiDto, KpiSnapshot } from './kpi.types.js';
import { KPI_DIGEST_WEEKDAY, type KpiSubscribeRequest } from './kpi-subscription.rules.js';
import type { KpiSubscriptionRow, KpiSubscriptionsRepository } from './kpi-subscriptions.repository.js';

/** Channel digests posted per job run at most; the rest go on the next run. */
const DUE_PER_RUN = 100;
/** A claim older than this is taken to belong to a run that died. */
const CLAIM_STALE_MS = 10 * 60_000;

/** Posts one subscription's digest to its channel (the Slack side). */
export type PostKpiDigest = (
  subscription: KpiSubscriptionRow,
  snapshots: KpiSnapshot[],
  locale: SupportedLocale,
) => Promise<void>;

export function settingOf(row: Pick<KpiSubscriptionRow, 'cadence' | 'timeOfDay'>): DigestSetting {
  return row.cadence === 'daily'
    ? { cadence: 'daily', timeOfDay: row.timeOfDay }
    : { cadence: 'weekly', weekday: KPI_DIGEST_WEEKDAY, timeOfDay: row.timeOfDay };
}

/**
 * Channel KPI digests: subscribe (admins and the leads of the department, or of every KPI's
 * owner department), list, unsubscribe, post now, and the due pass the job runs — each slot
 * claimed before posting so retries and replicas post it once.
 */
export function createKpiSubscriptionsService(deps: {
  repo: KpiSubscriptionsRepository;
  authorization: Authorization;
  clock: Clock;
  requireKpi(workspaceId: string, key: string): Promise<KpiDto>;
  healthOf(workspaceId: string, departmentIds: readonly string[]): Promise<KpiSnapshot[]>;
  post: PostKpiDigest;
  onError(error: unknown, subscriptionId: string): void;
}) {
  const { repo } = deps;

  async function requireManage(actor: AccessSubject, row: KpiSubscriptionRow): Promise<void> {
    if (row.department) {
      await deps.authorization.require(actor, 'kpis.edit', { departmentId: row.department.id });
      return;
    }
    for (const key of row.kpiKeys) {
      const kpi = await deps.requireKpi(row.workspaceId, key).catch(() => null);
      if (kpi) await deps.authorization.require(actor, 'kpis.edit', { departmentId: kpi.owner.id });
    }
  }

  async function snapshotsOf(row: KpiSubscriptionRow): Promise<KpiSnapshot[]> {
    if (row.department) return deps.healthOf(row.workspaceId, [row.department.id]);
    const kpis = (
      await Promise.all(row.kpiKeys.map((key) => deps.requireKpi(row.workspaceId, key).catch(() => null)))
    ).filter((kpi): kpi is KpiDto => kpi !== null);
    const owners = [...new Set(kpis.map((kpi) => kpi.owner.id))];
    const wanted = new Set(row.kpiKeys);
    return (await deps.healthOf(row.workspaceId, owners)).filter((s) => wanted.has(s.kpi.key));
  }

  async function post(row: KpiSubscriptionRow): Promise<void> {
    await deps.post(row, await snapshotsOf(row), resolveLocale(row.locale, 'en'));
  }

  return {
    async subscribe(actor: AccessSubject, request: KpiSubscribeRequest): Promise<KpiSubscriptionRow> {
      const [first] = request.targets;
      const department =
        request.targets.length === 1 && first ? await repo.department(actor.workspaceId, first) : null;
      const settings = await repo.settingsOf(actor.personId);
      let locale = settings.workspaceLocale;
      if (department) {
        await deps.authorization.require(actor, 'kpis.edit', { departmentId: department.id });
        locale = department.locale ?? locale;
      } else {
        // Unknown keys are answered (kpis.errors.unknownKpi) before any permission is asked.
        const kpis = await Promise.all(request.targets.map((key) => deps.requireKpi(actor.workspaceId, key)));
        for (const owner of new Set(kpis.map((kpi) => kpi.owner.id)))
          await deps.authorization.require(actor, 'kpis.edit', { departmentId: owner });
      }
      const setting = settingOf(request);
      const nextDueAt = nextDigestSlot(setting, settings.timeZone, deps.clock.now());
      if (!nextDueAt) throw new Error('a KPI digest always has a next slot');
      return repo.create({
        workspaceId: actor.workspaceId,
        channelId: request.channelId,
        departmentId: department?.id ?? null,
        kpiKeys: department ? [] : request.targets,
        cadence: request.cadence,
        timeOfDay: request.timeOfDay,
        timeZone: settings.timeZone,
        locale,
        createdByPersonId: actor.personId,
        nextDueAt,
      });
    },

    list: (actor: AccessSubject) => repo.list(actor.workspaceId),

    async unsubscribe(actor: AccessSubject, number: number): Promise<KpiSubscriptionRow> {
      const row = await repo.byNumber(actor.workspaceId, number);
      if (!row)
        throw new DomainError(
          'kpi_subscription.not_found',
          { key: 'kpis.subscriptions.errors.notFound', params: { number } },
          { detail: `no KPI digest subscription ${number}` },
        );
      await requireManage(actor, row);
      await repo.remove(row.id);
      return row;
    },

    /** `/kpi digest now #channel`: every subscription of the channel, posted now (slots unchanged). */
    async postNow(actor: AccessSubject, channelId: string): Promise<number> {
      const rows = (await repo.list(actor.workspaceId)).filter((row) => row.channelId === channelId);
      if (rows.length === 0)
        throw new DomainError(
          'kpi_subscription.none_for_channel',
          { key: 'kpis.subscriptions.errors.noneForChannel', params: { channel: `<#${channelId}>` } },
          { detail: `no KPI digest for ${channelId}` },
        );
      for (const row of rows) await requireManage(actor, row);
      for (const row of rows) await post(row);
      return rows.length;
    },

    /** The job's pass: each subscription whose slot has passed is claimed, posted, moved on. */
    async sendDue(workspaceId: string): Promise<{ sent: number; skipped: number; failed: number }> {
      const now = deps.clock.now();
      let sent = 0;
      let skipped = 0;
      let failed = 0;
      for (const row of await repo.due(workspaceId, now, DUE_PER_RUN)) {
        // The period is the slot's: a late run still posts that day's (or week's) digest once.
        const period = digestPeriod(row.cadence, row.nextDueAt, row.timeZone);
        const next = nextDigestSlot(settingOf(row), row.timeZone, now) ?? now;
        if (row.lastPeriodKey === period.key) {
          if (await repo.claim(row, period.key, now, new Date(now.getTime() - CLAIM_STALE_MS)))
            await repo.posted(row.id, period.key, next);
          skipped += 1;
          continue;
        }
        if (!(await repo.claim(row, period.key, now, new Date(now.getTime() - CLAIM_STALE_MS)))) {
          skipped += 1;
          continue;
        }
        try {
          await post(row);
        } catch (error) {
          // The slot stays: the next run tries again.
          deps.onError(error, row.id);
          await repo.release(row.id);
          failed += 1;
          continue;
        }
        await repo.posted(row.id, period.key, next);
        sent += 1;
      }
      return { sent, skipped, failed };
    },
  };
}

export type KpiSubscriptionsService = ReturnType<typeof createKpiSubscriptionsService>;
