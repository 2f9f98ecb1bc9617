import type { Clock } from '../shared/clock.types.js';
import { groupAgenda } from './agenda.rules.js';
import { localDateOf } from './meeting-occurrence.rules.js';
import type { MeetingSeriesService } from './meeting-series.service.js';
import { breachUrgency, dropUrgency, isConfidenceDrop } from './meeting-signals.rules.js';
import type { AutomaticItemRow, MeetingsRepository } from './meetings.repository.js';
import type {
  Agenda,
  DepartmentLead,
  KpiBreachForAgenda,
  MeetingDto,
  Minutes,
  OkrDropForAgenda,
  PreRead,
  PreReadLine,
  SeriesDto,
} from './meetings.types.js';

/** At most this many pre-read lines: the agenda is the point. */
export const PRE_READ_LINES = 12;
/** A first meeting's pre-read looks back this far. */
const FIRST_LOOKBACK_MS = 30 * 24 * 3_600_000;
/** A claim on posting an agenda older than this is a crashed replica's: another takes it over. */
export const AGENDA_CLAIM_STALE_MS = 10 * 60_000;

/** The pre-read by rules: the lines as they are, each citing its source. */
export const preReadByRules = (lines: PreReadLine[]): PreRead => ({
  writtenBy: 'rules',
  lines,
  sentences: [],
});

/** How an item Liaison adds for a KPI breach or an OKR drop reads (the Slack layer writes it, in the series' language). */
export type SignalDescriber = (
  series: SeriesDto,
  signal: { kind: 'kpiBreach'; breach: KpiBreachForAgenda } | { kind: 'okrDrop'; drop: OkrDropForAgenda },
) => { title: string; description: string };

/** What the cycle says to people and channels (the Slack layer builds the messages). */
export interface MeetingAnnouncer {
  /** A DM to each lead asking for items (idempotent per meeting and person). */
  askForItems(input: { series: SeriesDto; meeting: MeetingDto; leads: DepartmentLead[] }): Promise<void>;
  /** The one reminder to leads who have not answered (idempotent per meeting and person). */
  remind(input: { series: SeriesDto; meeting: MeetingDto; leads: DepartmentLead[] }): Promise<void>;
  /** Posts the agenda in the series' channel; its message ts (null when Slack refused). */
  postAgenda(agenda: Agenda): Promise<string | null>;
  /** Posts the minutes in the agenda's thread. */
  postMinutes(minutes: Minutes): Promise<void>;
}

export interface CycleSummary {
  created: number;
  opened: number;
  reminded: number;
  agendas: number;
  minutes: number;
}

export interface MeetingCycleService {
  /** One pass for a workspace: every step whose time has come, each done once. */
  run(workspaceId: string): Promise<CycleSummary>;
  /** Liaison's items added and the agenda read back, grouped (the cut-off's work, without posting). */
  assembleAgenda(meeting: MeetingDto, series: SeriesDto): Promise<Agenda>;
}

function signalRows(
  series: SeriesDto,
  breaches: readonly KpiBreachForAgenda[],
  drops: readonly OkrDropForAgenda[],
  describe: SignalDescriber,
): AutomaticItemRow[] {
  const base = { link: null, escalationId: null, carriedFromItemId: null };
  return [
    ...breaches.map((breach) => ({
      ...base,
      ...describe(series, { kind: 'kpiBreach', breach }),
      source: 'kpiBreach' as const,
      ownerDepartmentId: breach.departmentId,
      urgency: breachUrgency(breach),
      sourceKey: `kpiBreach:${breach.id}`,
    })),
    ...drops
      .filter((drop) => isConfidenceDrop(drop.confidence, drop.previousConfidence))
      .map((drop) => ({
        ...base,
        ...describe(series, { kind: 'okrDrop', drop }),
        source: 'okrDrop' as const,
        ownerDepartmentId: drop.departmentId,
        urgency: dropUrgency(drop),
        sourceKey: `okrDrop:${drop.keyResultId}`,
      })),
  ];
}

function automaticRows(
  deferred: Awaited<ReturnType<MeetingsRepository['deferredItems']>>,
  escalations: Awaited<ReturnType<MeetingsRepository['escalationsForAgenda']>>,
): AutomaticItemRow[] {
  return [
    ...deferred.map((item) => ({
      source: 'carried' as const,
      title: item.title,
      description: item.description,
      ownerDepartmentId: item.ownerDepartmentId,
      urgency: item.urgency,
      link: item.link,
      escalationId: item.escalationId,
      carriedFromItemId: item.id,
      sourceKey: null,
    })),
    ...escalations.map((esc) => ({
      source: 'escalation' as const,
      title: esc.title,
      description: esc.markedForMeetingReason,
      ownerDepartmentId: esc.departmentId,
      urgency: esc.severity,
      link: null,
      escalationId: esc.id,
      carriedFromItemId: null,
      sourceKey: null,
    })),
  ];
}

export function createMeetingCycleService(deps: {
  repo: MeetingsRepository;
  clock: Clock;
  series: Pick<MeetingSeriesService, 'nextOccurrences'>;
  announcer: MeetingAnnouncer;
  describeSignal: SignalDescriber;
  /** Writes the pre-read from its lines (the LLM layer with receipts); by rules when absent. */
  writePreRead?: (series: SeriesDto, lines: PreReadLine[], plannedOn: string) => Promise<PreRead>;
}): MeetingCycleService {
  const { repo, clock, announcer } = deps;
  const writePreRead =
    deps.writePreRead ?? (async (_series: SeriesDto, lines: PreReadLine[]) => preReadByRules(lines));

  /** Who gets the collection DMs: the departments' leads and the delegates they named. */
  async function collectors(series: SeriesDto): Promise<DepartmentLead[]> {
    const [leads, delegates] = await Promise.all([
      repo.leadsOf(series.workspaceId, series.departmentIds),
      series.delegates.length > 0 ? repo.delegatesOf(series) : [],
    ]);
    return [...leads, ...delegates];
  }

  async function assembleAgenda(meeting: MeetingDto, series: SeriesDto): Promise<Agenda> {
    const previous = await repo.previousMeeting(meeting);
    // Since the last agenda went out: what was decided in that meeting is news for this one.
    const since = previous?.closesAt ?? new Date(meeting.startsAt.getTime() - FIRST_LOOKBACK_MS);
    const [deferred, escalations, breaches, drops] = await Promise.all([
      repo.deferredItems(meeting),
      repo.escalationsForAgenda(series.workspaceId, series.departmentIds),
      repo.kpiBreachesSince(series.workspaceId, series.departmentIds, since),
      repo.okrDropsSince(series.workspaceId, series.departmentIds, since),
    ]);
    await repo.addAutomaticItems(
      meeting,
      [...automaticRows(deferred, escalations), ...signalRows(series, breaches, drops, deps.describeSignal)],
      clock.now(),
    );
    const [items, followUps, lines, departments, facilitatorSlackUserId] = await Promise.all([
      repo.itemsOf(meeting.id),
      repo.followUps(series.id, localDateOf(meeting.startsAt, series.timeZone)),
      repo.changesSince(series, since, PRE_READ_LINES),
      repo.departmentNames(series.workspaceId, series.departmentIds),
      series.facilitatorPersonId ? repo.slackUserIdOf(series.facilitatorPersonId) : null,
    ]);
    const preRead = await writePreRead(series, lines, meeting.plannedOn);
    return {
      series,
      meeting,
      groups: groupAgenda(items, series.departmentIds),
      followUps,
      preRead,
      since: previous ? previous.plannedOn : null,
      departments,
      facilitatorSlackUserId,
    };
  }

  async function leadsWithoutItems(meeting: MeetingDto, series: SeriesDto): Promise<DepartmentLead[]> {
    const [leads, items] = await Promise.all([collectors(series), repo.itemsOf(meeting.id)]);
    const answered = new Set(items.map((item) => item.submittedByPersonId));
    return leads.filter((lead) => !answered.has(lead.personId));
  }

  return {
    assembleAgenda,

    async run(workspaceId) {
      const summary: CycleSummary = { created: 0, opened: 0, reminded: 0, agendas: 0, minutes: 0 };
      const now = clock.now();
      const allSeries = await repo.listActiveSeries(workspaceId);
      const byId = new Map(allSeries.map((s) => [s.id, s]));
      for (const series of allSeries) {
        const [next] = await deps.series.nextOccurrences(series, now, 1);
        if (next) {
          if ((await repo.ensureMeeting(series, next)).created) summary.created++;
        }
      }
      for (const meeting of await repo.activeMeetings(workspaceId, now)) {
        const series = byId.get(meeting.seriesId);
        if (!series) continue;
        if (!meeting.collectionOpenedAt) {
          // Collection opened while no scheduler ran and already closed: the agenda still goes out.
          if (now < meeting.closesAt)
            await announcer.askForItems({ series, meeting, leads: await collectors(series) });
          if (await repo.stamp(meeting.id, 'collectionOpenedAt', now)) summary.opened++;
        }
        const remindAt =
          meeting.opensAt.getTime() + (meeting.closesAt.getTime() - meeting.opensAt.getTime()) / 2;
        if (!meeting.remindedAt && now.getTime() >= remindAt && now < meeting.closesAt) {
          const leads = await leadsWithoutItems(meeting, series);
          if (leads.length > 0) await announcer.remind({ series, meeting, leads });
          if (await repo.stamp(meeting.id, 'remindedAt', now)) summary.reminded++;
        }
        if (now >= meeting.closesAt) {
          // Claimed before posting: of two replicas (or runs) at once, one posts; a crash
          // after the claim leaves it to be taken over once stale.
          const staleBefore = new Date(now.getTime() - AGENDA_CLAIM_STALE_MS);
          if (!(await repo.claimAgendaPosting(meeting.id, now, staleBefore))) continue;
          let ts: string | null;
          let writtenBy: 'model' | 'rules';
          try {
            const agenda = await assembleAgenda(meeting, series);
            writtenBy = agenda.preRead.writtenBy;
            ts = await announcer.postAgenda(agenda);
          } catch (error) {
            await repo.releaseAgendaPosting(meeting.id, now);
            throw error;
          }
          const extra = { preReadWrittenBy: writtenBy, ...(ts ? { agendaMessageTs: ts } : {}) };
          if (await repo.stamp(meeting.id, 'agendaPostedAt', now, extra)) summary.agendas++;
        }
      }
      for (const meeting of await repo.dueForMinutes(workspaceId, now)) {
        const series = byId.get(meeting.seriesId) ?? (await repo.findSeriesById(meeting.seriesId));
        if (!series) continue;
        const deferred = await repo.closeItems(meeting, now);
        const { decisions, actionItems } = await repo.outcomes(meeting);
        await announcer.postMinutes({ series, meeting, decisions, actionItems, deferred });
        if (await repo.stamp(meeting.id, 'minutesPostedAt', now)) summary.minutes++;
      }
      return summary;
    },
  };
}
