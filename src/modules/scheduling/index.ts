// The scheduling module's public surface: recurrence rules, the scheduler of record, and
// schedules as admins manage them.
export type { DueSlotPlan } from './catch-up.rules.js';
export { planDueSlots } from './catch-up.rules.js';
export type { CatchUpPolicy, JobContext, JobHandler, JobResult } from './job-handler.types.js';
export { createJobRunsPrismaRepository } from './job-runs.prisma-repository.js';
export type { JobRunsRepository } from './job-runs.repository.js';
export { nextSlot, nextSlots } from './next-slot.rules.js';
export {
  type Recurrence,
  recurrenceSchema,
  type ScheduleTiming,
  scheduleTimingSchema,
  timeOfDaySchema,
  timeZoneSchema,
} from './recurrence.schemas.js';
export type * from './schedule.types.js';
export {
  createScheduler,
  type Scheduler,
  type SchedulerOptions,
  type TickSummary,
} from './scheduler.service.js';
export { createSchedulesPrismaRepository } from './schedules.prisma-repository.js';
export type { SchedulesRepository } from './schedules.repository.js';
export { createSchedulesService, type SchedulesService, type ScheduleViewer } from './schedules.service.js';
export {
  type DayKind,
  type ScheduleCalendars,
  type WorkingCalendar,
  weekendOnlyCalendar,
} from './working-calendar.types.js';
