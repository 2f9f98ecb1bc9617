import { z } from 'zod';
import type { MessageKey } from '../../i18n/catalog.js';
import { leadsDepartment } from '../access/access.rules.js';
import type { AccessSubject } from '../access/access.types.js';
import { recurrenceSchema, timeOfDaySchema, timeZoneSchema } from '../scheduling/recurrence.schemas.js';
import type { WorkingCalendar } from '../scheduling/working-calendar.types.js';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import { mayManageSeries } from './agenda.rules.js';
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

export function createMeetingSeriesService(deps: {
  repo: MeetingsRepository;
  clock: Clock;
  /** The series' calendar (null: weekends only). */
  calendarFor(calendarId: string | null): Promise<WorkingCalendar | null>;
}): MeetingSeriesService {
  const { repo, clock } = deps;

  async function seriesOrRefuse(actor: AccessSubject, number: number): Promise<SeriesDto> {
    const series = await repo.findSeriesByNumber(actor.workspaceId, number);
    if (!series || series.cancelledAt)
      throw new DomainError(
        'meeting.not_found',
        { key: 'meetings.errors.notFound', params: { id: `MTG-${number}` } },
        { detail: `workspace ${actor.workspaceId} has no active MTG-${number}` },
      );
    if (!mayManageSeries(actor, series))
      throw new DomainError(
        'authorization.refused',
        { key: 'meetings.errors.notManager', params: { id: `MTG-${number}` } },
        { detail: `person ${actor.personId} may not manage MTG-${number}` },
      );
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
      const departmentIds = [...new Set(data.departmentIds)];
      if (!actor.isAdmin && !departmentIds.some((id) => leadsDepartment(actor, id)))
        throw new DomainError(
          'authorization.refused',
          { key: 'meetings.errors.createRefused' },
          {
            field: 'departments',
            detail: `person ${actor.personId} leads none of ${departmentIds.join(',')}`,
          },
        );
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
      const series = await seriesOrRefuse(actor, number);
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

    async cancel(actor, number) {
      const series = await seriesOrRefuse(actor, number);
      await repo.cancelSeries(series, clock.now(), actor.slackUserId);
      return series;
    },
  };
}
