import { addDays, type LocalDate, localDateAt } from '../calendar/local-date.rules.js';
import type { Clock } from '../shared/clock.types.js';
import type { KpiDto, SamplePoint } from './kpi.types.js';
import { breachedLevel, breachStep, escalationSeverityOf, periodsNeeded } from './kpi-plan.rules.js';
import type { KpiBreachDto, KpiThresholdDto } from './kpi-plan.types.js';
import type { KpiPlansRepository, PlanTx } from './kpi-plans.repository.js';
import type { KpisRepository } from './kpis.repository.js';

/** A claim older than this was abandoned (its process died): the next evaluation takes it over. */
export const CLAIM_STALE_MS = 5 * 60_000;

export interface BreachNotice {
  kpi: KpiDto;
  breach: KpiBreachDto;
  level: number;
  /** The rule of that level (null when the plan changed meanwhile). */
  threshold: KpiThresholdDto | null;
  latest: SamplePoint;
  /** Most recent first, as snapshots hold them. */
  recent: SamplePoint[];
}

/** What a breach does outside the database: Slack posts and the escalation (src/features/kpis). */
export interface KpiBreachEffects {
  /** Posts the alert in the owner department's channel; its ts, or null when it has no channel. */
  postAlert(notice: BreachNotice): Promise<string | null>;
  postRecovery(notice: BreachNotice): Promise<void>;
  /**
   * Raises the escalation for levels 2 and 3 on behalf of the owner department's responsible
   * person; its id, or null when it cannot be raised.
   */
  raiseEscalation(
    notice: BreachNotice & { severity: 'URGENT' | 'HIGH'; raiserPersonId: string },
  ): Promise<string | null>;
  /** Creates the level's measures as action items of the responsible person, inside `tx`. */
  createMeasures(
    notice: BreachNotice & { escalationId: string | null; ownerPersonId: string; dueOn: LocalDate },
    tx: PlanTx,
  ): Promise<void>;
}

/**
 * Evaluates KPIs after samples arrived (once per request or batch): opens, worsens or recovers
 * their breach, then does what is owed exactly once — the alert, the measures and escalation
 * at levels 2 and 3, the recovery notice — each claimed on the breach row before it happens.
 */
export function createKpiBreachesService(deps: {
  repo: KpiPlansRepository;
  kpis: KpisRepository;
  clock: Clock;
  effects: KpiBreachEffects;
  onError?(error: unknown, kpiId: string): void;
}) {
  const { repo, clock, effects } = deps;

  async function owedWork(notice: Omit<BreachNotice, 'level' | 'threshold'>, thresholds: KpiThresholdDto[]) {
    const { breach } = notice;
    const now = clock.now();
    const stale = new Date(now.getTime() - CLAIM_STALE_MS);
    const thresholdOf = (level: number) => thresholds.find((t) => t.level === level) ?? null;
    if (breach.recoveredAt === null) {
      const alertLevel = await repo.claimAlert(breach.id, now, stale);
      if (alertLevel !== null) {
        const full = { ...notice, level: alertLevel, threshold: thresholdOf(alertLevel) };
        try {
          const ts = await effects.postAlert(full);
          await repo.finishAlert(breach.id, alertLevel, ts, now);
        } catch (error) {
          await repo.releaseAlert(breach.id, now);
          throw error;
        }
      }
      const escalationLevel = await repo.claimEscalation(breach.id, now, stale);
      const severity = escalationLevel === null ? null : escalationSeverityOf(escalationLevel);
      if (escalationLevel !== null && severity) {
        const full = { ...notice, level: escalationLevel, threshold: thresholdOf(escalationLevel) };
        try {
          // Read before the transaction: the embedded database has one connection.
          const responsible = await repo.responsibleOf(notice.kpi.owner.id);
          const zone = await deps.kpis.workspaceZone(notice.kpi.workspaceId);
          const dueOn = addDays(localDateAt(now, zone), escalationLevel >= 3 ? 1 : 3);
          const escalationId = responsible
            ? await effects.raiseEscalation({ ...full, severity, raiserPersonId: responsible })
            : null;
          await repo.finishEscalation(breach.id, escalationLevel, escalationId, now, async (tx) => {
            if (responsible && full.threshold && full.threshold.measures.length > 0)
              await effects.createMeasures({ ...full, escalationId, ownerPersonId: responsible, dueOn }, tx);
          });
        } catch (error) {
          await repo.releaseEscalation(breach.id, now);
          throw error;
        }
      }
      return;
    }
    if (await repo.claimRecovery(breach.id, now, stale)) {
      try {
        // A breach that recovered before its alert went out is not announced either, nor one
        // whose alert was never posted (recorded quietly when the demo was seeded).
        if (breach.alertedLevel > 0 && breach.alertTs !== null)
          await effects.postRecovery({
            ...notice,
            level: breach.level,
            threshold: thresholdOf(breach.level),
          });
        await repo.finishRecovery(breach.id, now, now);
      } catch (error) {
        await repo.releaseRecovery(breach.id, now);
        throw error;
      }
    }
  }

  /**
   * One KPI, from what `evaluate` read for all of them: the breach row is written only when
   * the level or the latest value it tracks changed, and owed work is looked at only when some
   * is owed — a write of old periods costs nothing here.
   */
  async function evaluateOne(
    kpi: KpiDto,
    thresholds: KpiThresholdDto[],
    latestFirst: readonly SamplePoint[],
    rows: KpiBreachDto[],
  ): Promise<void> {
    const recent = latestFirst.slice(0, periodsNeeded(thresholds));
    const result = breachedLevel(kpi, thresholds, recent);
    const latest = result.latest;
    if (!latest) return;
    const open = rows.find((row) => row.recoveredAt === null) ?? null;
    const step = breachStep(open, result.level);
    let wrote = false;
    // A racing evaluation that opened the breach first wins; this one finds it below.
    if (step.kind === 'open') {
      await repo.openNew(kpi.id, step.level, latest);
      wrote = true;
    } else if ((step.kind === 'worsen' || step.kind === 'persist') && open) {
      if (result.level > open.level || open.lastPeriod !== latest.period || open.lastValue !== latest.value) {
        await repo.track(open.id, result.level, latest);
        wrote = true;
      }
    } else if (step.kind === 'recover' && open) {
      await repo.recover(open.id, clock.now(), latest);
      wrote = true;
    }
    // Owed work of earlier breaches (a crash between claim and post) is retried here too.
    const pending = wrote ? await repo.breachesOf([kpi.id]) : rows;
    for (const row of pending.filter(owesWork))
      await owedWork({ kpi, breach: row, latest, recent }, thresholds);
  }

  return {
    /**
     * The sweep (every five minutes): work owed by breaches whose evaluation did not finish it
     * — an alert, an escalation or a recovery notice left unsent by a crash or a failed post —
     * is done now rather than at the KPI's next value. The claims make it happen once.
     */
    async sweep(workspaceId: string): Promise<{ owed: number; failed: number }> {
      const rows = (await repo.unfinishedBreaches(workspaceId)).filter(owesWork);
      if (rows.length === 0) return { owed: 0, failed: 0 };
      const ids = [...new Set(rows.map((row) => row.kpiId))];
      const thresholds = await repo.thresholdsFor(ids);
      const needed = Math.max(...ids.map((id) => periodsNeeded(thresholds.get(id) ?? [])));
      const kpis = new Map((await deps.kpis.findByIds(ids)).map((kpi) => [kpi.id, kpi]));
      const recent = await deps.kpis.recentSamples(ids, needed);
      let failed = 0;
      for (const breach of rows) {
        const kpi = kpis.get(breach.kpiId);
        const points = recent.get(breach.kpiId) ?? [];
        const latest = points[0];
        if (!kpi || !latest) continue;
        try {
          await owedWork({ kpi, breach, latest, recent: points }, thresholds.get(kpi.id) ?? []);
        } catch (error) {
          failed += 1;
          deps.onError?.(error, kpi.id);
        }
      }
      return { owed: rows.length, failed };
    },

    /**
     * After a write: each touched KPI with a plan (or an open breach) once, from one read of
     * their definitions, thresholds, recent values and breaches. Never throws.
     */
    async evaluate(kpiIds: readonly string[]): Promise<void> {
      let thresholds: Map<string, KpiThresholdDto[]>;
      let kpis: KpiDto[];
      let recent: Map<string, SamplePoint[]>;
      let breaches: KpiBreachDto[];
      try {
        // Two waves of reads whatever the number of KPIs (in parallel on PostgreSQL's pool):
        // watched are the KPIs with a plan or a breach not yet done with.
        [thresholds, breaches] = await Promise.all([repo.thresholdsFor(kpiIds), repo.breachesOf(kpiIds)]);
        const watched = [...new Set([...thresholds.keys(), ...breaches.map((row) => row.kpiId)])];
        if (watched.length === 0) return;
        const needed = Math.max(...watched.map((id) => periodsNeeded(thresholds.get(id) ?? [])));
        [kpis, recent] = await Promise.all([
          deps.kpis.findByIds(watched),
          deps.kpis.recentSamples(watched, needed),
        ]);
      } catch (error) {
        deps.onError?.(error, kpiIds.join(','));
        return;
      }
      for (const kpi of kpis) {
        try {
          await evaluateOne(
            kpi,
            thresholds.get(kpi.id) ?? [],
            recent.get(kpi.id) ?? [],
            breaches.filter((row) => row.kpiId === kpi.id),
          );
        } catch (error) {
          deps.onError?.(error, kpi.id);
        }
      }
    },
  };
}

/** A breach with something not yet done: its alert, its escalation (levels 2, 3), its recovery notice. */
export function owesWork(
  breach: Pick<
    KpiBreachDto,
    'level' | 'alertedLevel' | 'escalatedLevel' | 'recoveredAt' | 'recoveryAnnouncedAt'
  >,
): boolean {
  if (breach.recoveredAt !== null) return breach.recoveryAnnouncedAt === null;
  return breach.alertedLevel < breach.level || (breach.level >= 2 && breach.escalatedLevel < breach.level);
}

export type KpiBreachesService = ReturnType<typeof createKpiBreachesService>;
