import type { Recurrence } from './recurrence.schemas.js';
import type { ScheduleDto, ScheduleStatus } from './schedule.types.js';

export interface ScheduleToCreate {
  workspaceId: string;
  kind: string;
  name: string;
  recurrence: Recurrence;
  timeOfDay: string;
  timeZone: string;
  calendarId: string | null;
  skipNonWorkingDays: boolean;
  subjectType: string | null;
  subjectId: string | null;
  payload?: unknown;
  nextRunAt: Date | null;
}

/** Schedules as admins manage them. Every change writes its audit row in the same transaction. */
export interface SchedulesRepository {
  create(schedule: ScheduleToCreate, actorSlackId?: string): Promise<ScheduleDto>;
  findById(workspaceId: string, scheduleId: string): Promise<ScheduleDto | null>;
  /** Null when there is no such schedule in the workspace. */
  setStatus(
    change: { workspaceId: string; scheduleId: string; status: ScheduleStatus; nextRunAt: Date | null },
    actorSlackId?: string,
  ): Promise<ScheduleDto | null>;
  remove(workspaceId: string, scheduleId: string, actorSlackId?: string): Promise<boolean>;
  /** Ordered by name. */
  listForWorkspace(workspaceId: string): Promise<ScheduleDto[]>;
  /** An audit row saying who was refused what: admin-only actions tried by others. */
  recordRefusal(entry: {
    workspaceId: string;
    actorSlackId: string;
    action: string;
    objectId: string;
  }): Promise<void>;
}
