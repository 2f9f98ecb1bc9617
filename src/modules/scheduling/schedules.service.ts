import { z } from 'zod';
import type { Clock } from '../shared/clock.types.js';
import { DomainError } from '../shared/domain-error.types.js';
import { nextSlot } from './next-slot.rules.js';
import {
  recurrenceSchema,
  type ScheduleTiming,
  timeOfDaySchema,
  timeZoneSchema,
} from './recurrence.schemas.js';
import type { NewSchedule, ScheduleDto } from './schedule.types.js';
import type { SchedulesRepository } from './schedules.repository.js';
import type { ScheduleCalendars } from './working-calendar.types.js';

/** Whoever asks: schedules are an admin's business. */
export interface ScheduleViewer {
  workspaceId: string;
  slackUserId: string;
  isWorkspaceAdmin: boolean;
}

export interface SchedulesService {
  /** Validates the rule, computes the first slot after now, stores it with an audit row. */
  create(input: NewSchedule, actorSlackId?: string): Promise<ScheduleDto>;
  /** A paused schedule is never due; its missed slots are not caught up on resume. */
  pause(workspaceId: string, scheduleId: string, actorSlackId?: string): Promise<ScheduleDto>;
  /** Active again from the next slot after now. */
  resume(workspaceId: string, scheduleId: string, actorSlackId?: string): Promise<ScheduleDto>;
  remove(workspaceId: string, scheduleId: string, actorSlackId?: string): Promise<void>;
  list(workspaceId: string): Promise<ScheduleDto[]>;
  /** The workspace's schedules for an admin; anyone else is refused (and the refusal audited). */
  listForViewer(viewer: ScheduleViewer): Promise<ScheduleDto[]>;
}

const newScheduleSchema = z.object({
  workspaceId: z.string().min(1),
  kind: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'a kind like "kpi.digest"'),
  name: z.string().trim().min(1).max(200),
  recurrence: recurrenceSchema,
  timeOfDay: timeOfDaySchema,
  timeZone: timeZoneSchema,
  calendarId: z.string().nullish().default(null),
  skipNonWorkingDays: z.boolean().default(false),
  subjectType: z.string().nullish().default(null),
  subjectId: z.string().nullish().default(null),
  payload: z.unknown().optional(),
});

export function createSchedulesService(deps: {
  repo: SchedulesRepository;
  clock: Clock;
  calendars?: ScheduleCalendars;
}): SchedulesService {
  const { repo, clock } = deps;

  async function firstSlotAfterNow(timing: ScheduleTiming, calendarId: string | null): Promise<Date | null> {
    const calendar = calendarId ? await deps.calendars?.forCalendarId(calendarId) : null;
    return nextSlot(clock.now(), timing, calendar);
  }

  function notFound(workspaceId: string, scheduleId: string): DomainError {
    return new DomainError(
      'schedule.not_found',
      { key: 'scheduling.errors.notFound', params: { scheduleId } },
      { detail: `schedule ${scheduleId} in workspace ${workspaceId}` },
    );
  }

  async function existing(workspaceId: string, scheduleId: string): Promise<ScheduleDto> {
    const schedule = await repo.findById(workspaceId, scheduleId);
    if (!schedule) throw notFound(workspaceId, scheduleId);
    return schedule;
  }

  return {
    async create(input, actorSlackId) {
      const parsed = newScheduleSchema.safeParse(input);
      if (!parsed.success) {
        const detail = parsed.error.issues
          .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
          .join('; ');
        throw new DomainError(
          'schedule.invalid',
          { key: 'scheduling.errors.invalid', params: { detail } },
          { detail },
        );
      }
      const schedule = parsed.data;
      const nextRunAt = await firstSlotAfterNow(schedule, schedule.calendarId);
      return repo.create({ ...schedule, nextRunAt }, actorSlackId);
    },

    async pause(workspaceId, scheduleId, actorSlackId) {
      const changed = await repo.setStatus(
        {
          workspaceId,
          scheduleId,
          status: 'PAUSED',
          nextRunAt: (await existing(workspaceId, scheduleId)).nextRunAt,
        },
        actorSlackId,
      );
      if (!changed) throw notFound(workspaceId, scheduleId);
      return changed;
    },

    async resume(workspaceId, scheduleId, actorSlackId) {
      const schedule = await existing(workspaceId, scheduleId);
      const nextRunAt = schedule.recurrence
        ? await firstSlotAfterNow({ ...schedule, recurrence: schedule.recurrence }, schedule.calendarId)
        : null;
      const changed = await repo.setStatus(
        { workspaceId, scheduleId, status: 'ACTIVE', nextRunAt },
        actorSlackId,
      );
      if (!changed) throw notFound(workspaceId, scheduleId);
      return changed;
    },

    async remove(workspaceId, scheduleId, actorSlackId) {
      if (!(await repo.remove(workspaceId, scheduleId, actorSlackId)))
        throw notFound(workspaceId, scheduleId);
    },

    list(workspaceId) {
      return repo.listForWorkspace(workspaceId);
    },

    async listForViewer(viewer) {
      if (!viewer.isWorkspaceAdmin) {
        await repo.recordRefusal({
          workspaceId: viewer.workspaceId,
          actorSlackId: viewer.slackUserId,
          action: 'schedules.list',
          objectId: '/liaison schedules',
        });
        throw new DomainError(
          'authorization.refused',
          { key: 'scheduling.errors.adminOnly' },
          { detail: `user ${viewer.slackUserId} is not an admin of workspace ${viewer.workspaceId}` },
        );
      }
      return repo.listForWorkspace(viewer.workspaceId);
    },
  };
}
