import { z } from 'zod';
import type { MessageKey } from '../../i18n/catalog.js';
import { leadsDepartment } from '../access/access.rules.js';
import type { AccessSubject } from '../access/access.types.js';
import { recurrenceSchema, timeOfDaySchema, timeZoneSchema } from '../scheduling/recurrence.schemas.js';
import type { WorkingCalendar } from '../scheduling/working-calendar.types.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import { mayManageSeries, mayNameDelegate } from './agenda.rules.js';
import { localDateOf, upcomingOccurrences } from './meeting-occurrence.rules.js';
import type { MeetingsRepository } from './meetings.repository.js';
import type {
  DepartmentName,
  MeetingDto,
  NewSeriesInput,
  OccurrenceTimes,
  SeriesDto,
} from './meetings.types.js';

/** How far ahead `/meeting skip` looks for the date given (a year of weekly meetings). */
const SKIP_HORIZON = 60;

export interface SeriesWithNext extends SeriesDto {
  /** The next occurrence that will take place (skips and holidays applied), if any. */
  next: OccurrenceTimes | null;
}

export interface MeetingSeriesService {
  create(actor: AccessSubject, input: NewSeriesInput): Promise<SeriesWithNext>;
  list(actor: AccessSubject): Promise<SeriesWithNext[]>;
  /** Skips the occurrence planned on `date` (YYYY-MM-DD in the series' zone). */
  skip(
    actor: AccessSubject,
    number: number,
    date: string,
  ): Promise<{ series: SeriesDto; meeting: MeetingDto }>;
  cancel(actor: AccessSubject, number: number): Promise<SeriesDto>;
  /** The series as `/meeting edit`'s modal shows it, for someone who may change it. */
  editable(actor: AccessSubject, number: number): Promise<SeriesDto>;
  /** `/meeting edit`: the same checks as `create`; occurrences not yet opened are recomputed. */
  edit(
    actor: AccessSubject,
    number: number,
    input: NewSeriesInput,
  ): Promise<SeriesWithNext & { recomputed: number }>;
  /**
   * A taking-part department's lead (or an admin) names the person who answers the agenda
   * collection for that department (null: removes the delegate). `departmentKey` may be left
   * out when the actor leads exactly one taking-part department.
   */
  nameDelegate(
    actor: AccessSubject,
    number: number,
    delegatePersonId: string | null,
    departmentKey: string | null,
  ): Promise<{ series: SeriesDto; department: DepartmentName }>;
  /** The workspace's departments (the modal's choices). */
  departmentNames(workspaceId: string, ids?: readonly string[]): Promise<DepartmentName[]>;
  /** The series' next occurrences, skips applied (for the job and the list). */
  nextOccurrences(series: SeriesDto, after: Date, count: number): Promise<OccurrenceTimes[]>;
}

const hours = z
  .number()
  .int()
  .min(0)
  .max(24 * 28);
const inputSchema = z.object({
  title: z.string().trim().min(1, 'title').max(150, 'title'),
  departmentIds: z.array(z.string().min(1)).min(2, 'departments'),
  recurrence: recurrenceSchema.refine(
    (rule) => rule.type !== 'cron' && rule.type !== 'workdays',
    'recurrence',
  ),
  timeOfDay: timeOfDaySchema,
  timeZone: timeZoneSchema,
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(8 * 60),
  channelId: z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'channel'),
  facilitatorPersonId: z.string().nullable(),
  agendaOpensHoursBefore: hours,
  agendaClosesHoursBefore: hours,
  holidayPolicy: z.enum(['SKIP', 'NEXT_WORKING_DAY']),
});

/** The modal's field each schema path belongs to (the Slack layer maps these to blocks). */
const FIELD_OF: Record<string, string> = {
  title: 'title',
  departmentIds: 'departments',
  recurrence: 'recurrence',
  timeOfDay: 'time',
  timeZone: 'timeZone',
  durationMinutes: 'duration',
  channelId: 'channel',
  agendaOpensHoursBefore: 'opens',
  agendaClosesHoursBefore: 'closes',
};

function invalid(field: string, key: MessageKey, detail: string) {
  return new DomainError('meeting.invalid', { key }, { field, detail });
}

/** The series' settings checked: a problem is an error under its field. */
function validated(input: NewSeriesInput) {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = String(issue?.path[0] ?? 'title');
    const field = FIELD_OF[path] ?? 'title';
    throw invalid(field, `meetings.errors.field.${field}` as MessageKey, issue?.message ?? 'invalid');
  }
  const data = parsed.data;
  if (data.agendaClosesHoursBefore >= data.agendaOpensHoursBefore)
    throw invalid('closes', 'meetings.errors.field.closes', 'cut-off not after collection opens');
  return { data, departmentIds: [...new Set(data.departmentIds)] };
}

export function createMeetingSeriesService(deps: {
  repo: MeetingsRepository;
  clock: Clock;
  /** The series' calendar (null: weekends only). */
  calendarFor(calendarId: string | null): Promise<WorkingCalendar | null>;
}): MeetingSeriesService {
  const { repo, clock } = deps;

  /** A refusal by the module's rules: audited, then the person is told (nothing was changed). */
  async function refuse(
    actor: AccessSubject,
    objectType: string,
    objectId: string,
    attempted: string,
    refusal: { key: MessageKey; params?: Record<string, string>; field?: string; detail: string },
  ): Promise<never> {
    await repo.recordRefusal(actor, objectType, objectId, attempted);
    throw new DomainError(
      'authorization.refused',
      { key: refusal.key, ...(refusal.params ? { params: refusal.params } : {}) },
      { detail: refusal.detail, ...(refusal.field ? { field: refusal.field } : {}) },
    );
  }

  async function activeSeries(actor: AccessSubject, number: number): Promise<SeriesDto> {
    const series = await repo.findSeriesByNumber(actor.workspaceId, number);
    if (!series || series.cancelledAt)
      throw new DomainError(
        'meeting.not_found',
        { key: 'meetings.errors.notFound', params: { id: `MTG-${number}` } },
        { detail: `workspace ${actor.workspaceId} has no active MTG-${number}` },
      );
    return series;
  }

  async function seriesOrRefuse(actor: AccessSubject, number: number, attempted: string): Promise<SeriesDto> {
    const series = await activeSeries(actor, number);
    if (!mayManageSeries(actor, series))
      await refuse(actor, 'meeting_series', series.id, attempted, {
        key: 'meetings.errors.notManager',
        params: { id: `MTG-${number}` },
        detail: `person ${actor.personId} may not manage MTG-${number}`,
      });
    return series;
  }

  async function nextOccurrences(series: SeriesDto, after: Date, count: number): Promise<OccurrenceTimes[]> {
    const calendar = await deps.calendarFor(series.calendarId);
    const candidates = upcomingOccurrences(after, series, count + 5, calendar);
    const known = await repo.meetingsOn(
      series.id,
      candidates.map((c) => c.plannedOn),
    );
    const skipped = new Set(known.filter((m) => m.status !== 'SCHEDULED').map((m) => m.plannedOn));
    return candidates.filter((c) => !skipped.has(c.plannedOn)).slice(0, count);
  }

  async function withNext(series: SeriesDto): Promise<SeriesWithNext> {
    const [next] = await nextOccurrences(series, clock.now(), 1);
    return { ...series, next: next ?? null };
  }

  return {
    nextOccurrences,
    departmentNames: (workspaceId, ids) => repo.departmentNames(workspaceId, ids),

    async create(actor, input) {
      const { data, departmentIds } = validated(input);
      if (!actor.isAdmin && !departmentIds.some((id) => leadsDepartment(actor, id)))
        await refuse(actor, 'workspace', actor.workspaceId, 'meetings.create', {
          key: 'meetings.errors.createRefused',
          field: 'departments',
          detail: `person ${actor.personId} leads none of ${departmentIds.join(',')}`,
        });
      const series = await repo.createSeries(
        {
          ...data,
          departmentIds,
          workspaceId: actor.workspaceId,
          facilitatorPersonId: data.facilitatorPersonId ?? actor.personId,
          createdByPersonId: actor.personId,
        },
        actor.slackUserId,
      );
      return withNext(series);
    },

    async list(actor) {
      const all = await repo.listActiveSeries(actor.workspaceId);
      return Promise.all(all.map(withNext));
    },

    async skip(actor, number, date) {
      const series = await seriesOrRefuse(actor, number, 'meetings.skip');
      const calendar = await deps.calendarFor(series.calendarId);
      const occurrence = upcomingOccurrences(clock.now(), series, SKIP_HORIZON, calendar).find(
        (o) => o.plannedOn === date || localDateOf(o.startsAt, series.timeZone) === date,
      );
      if (!occurrence)
        throw new DomainError(
          'meeting.no_occurrence',
          { key: 'meetings.errors.noOccurrence', params: { id: `MTG-${number}`, date } },
          { detail: `MTG-${number} has no occurrence on ${date}` },
        );
      const meeting = await repo.skipMeeting(series, occurrence, actor.slackUserId);
      if (!meeting)
        throw new DomainError(
          'meeting.too_late',
          { key: 'meetings.errors.agendaOut', params: { id: `MTG-${number}`, date } },
          { detail: `MTG-${number} on ${date}: agenda already posted` },
        );
      return { series, meeting };
    },

    editable: (actor, number) => seriesOrRefuse(actor, number, 'meetings.edit'),

    async edit(actor, number, input) {
      const series = await seriesOrRefuse(actor, number, 'meetings.edit');
      const { data, departmentIds } = validated(input);
      const change = {
        ...data,
        departmentIds,
        facilitatorPersonId: data.facilitatorPersonId ?? series.facilitatorPersonId,
      };
      const now = clock.now();
      const calendar = await deps.calendarFor(series.calendarId);
      const upcoming = upcomingOccurrences(now, { ...series, ...change }, SKIP_HORIZON, calendar);
      const result = await repo.updateSeries(series, change, upcoming, now, actor.slackUserId);
      return { ...(await withNext(result.series)), recomputed: result.recomputed };
    },

    async nameDelegate(actor, number, delegatePersonId, departmentKey) {
      const series = await activeSeries(actor, number);
      const departments = await repo.departmentNames(actor.workspaceId, series.departmentIds);
      const id = `MTG-${number}`;
      // Without a department: the one taking-part department the actor leads.
      const candidates = departmentKey
        ? departments.filter((d) => d.key.toLowerCase() === departmentKey.toLowerCase())
        : departments.filter((d) => leadsDepartment(actor, d.id));
      const department = candidates.length === 1 ? candidates[0] : undefined;
      if (!department && departmentKey)
        throw new DomainError(
          'meeting.department_not_taking_part',
          { key: 'meetings.errors.delegateDepartment', params: { id, department: departmentKey } },
          { detail: `${departmentKey} does not take part in ${id}` },
        );
      if (!department && (candidates.length > 1 || actor.isAdmin))
        throw new DomainError(
          'meeting.department_ambiguous',
          { key: 'meetings.errors.delegateWhichDepartment', params: { id } },
          { detail: `${actor.personId} must name the department in ${id}` },
        );
      if (!department || !mayNameDelegate(actor, series, department.id))
        return refuse(actor, 'meeting_series', series.id, 'meetings.delegate', {
          key: 'meetings.errors.delegateRefused',
          params: { id },
          detail: `person ${actor.personId} leads no department ${departmentKey ?? ''} of ${id}`,
        });
      await repo.setDelegate(series, department.id, delegatePersonId, actor.personId, actor.slackUserId);
      return { series, department };
    },

    async cancel(actor, number) {
      const series = await seriesOrRefuse(actor, number, 'meetings.cancel');
      await repo.cancelSeries(series, clock.now(), actor.slackUserId);
      return series;
    },
  };
}
