import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { writeAuditEntry } from '../audit/audit.prisma-repository.js';
import { recurrenceSchema } from './recurrence.schemas.js';
import type { ScheduleDto } from './schedule.types.js';
import type { SchedulesRepository } from './schedules.repository.js';

const scheduleSelect = {
  id: true,
  workspaceId: true,
  kind: true,
  name: true,
  recurrence: true,
  timeOfDay: true,
  timeZone: true,
  calendarId: true,
  skipNonWorkingDays: true,
  status: true,
  nextRunAt: true,
  lastRunAt: true,
  lastOutcome: true,
  lastError: true,
  consecutiveFailures: true,
  subjectType: true,
  subjectId: true,
  payload: true,
} as const;

type ScheduleRow = Prisma.ScheduleGetPayload<{ select: typeof scheduleSelect }>;

function toDto(row: ScheduleRow): ScheduleDto {
  const recurrence = recurrenceSchema.safeParse(row.recurrence);
  return { ...row, recurrence: recurrence.success ? recurrence.data : null };
}

/** What the audit log keeps of a schedule. */
function audited(dto: ScheduleDto) {
  const { lastError: _lastError, lastRunAt: _lastRunAt, lastOutcome: _lastOutcome, ...kept } = dto;
  return kept;
}

const toJson = (value: unknown) =>
  value === undefined || value === null
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

export function createSchedulesPrismaRepository(prisma: PrismaClient): SchedulesRepository {
  return {
    create(schedule, actorSlackId) {
      return prisma.$transaction(async (tx) => {
        const row = await tx.schedule.create({
          data: {
            ...schedule,
            recurrence: schedule.recurrence,
            payload: toJson(schedule.payload),
            createdBySlackId: actorSlackId ?? null,
          },
          select: scheduleSelect,
        });
        const dto = toDto(row);
        await writeAuditEntry(tx, {
          workspaceId: schedule.workspaceId,
          actorSlackId,
          action: 'schedule.created',
          objectType: 'schedule',
          objectId: row.id,
          after: audited(dto),
        });
        return dto;
      });
    },

    async findById(workspaceId, scheduleId) {
      const row = await prisma.schedule.findFirst({
        where: { id: scheduleId, workspaceId },
        select: scheduleSelect,
      });
      return row ? toDto(row) : null;
    },

    setStatus({ workspaceId, scheduleId, status, nextRunAt }, actorSlackId) {
      return prisma.$transaction(async (tx) => {
        const before = await tx.schedule.findFirst({
          where: { id: scheduleId, workspaceId },
          select: { status: true, nextRunAt: true },
        });
        if (!before) return null;
        const row = await tx.schedule.update({
          where: { id: scheduleId },
          data: { status, nextRunAt },
          select: scheduleSelect,
        });
        await writeAuditEntry(tx, {
          workspaceId,
          actorSlackId,
          action: status === 'PAUSED' ? 'schedule.paused' : 'schedule.resumed',
          objectType: 'schedule',
          objectId: scheduleId,
          before,
          after: { status, nextRunAt },
        });
        return toDto(row);
      });
    },

    remove(workspaceId, scheduleId, actorSlackId) {
      return prisma.$transaction(async (tx) => {
        const row = await tx.schedule.findFirst({
          where: { id: scheduleId, workspaceId },
          select: scheduleSelect,
        });
        if (!row) return false;
        await tx.schedule.delete({ where: { id: scheduleId }, select: { id: true } });
        await writeAuditEntry(tx, {
          workspaceId,
          actorSlackId,
          action: 'schedule.deleted',
          objectType: 'schedule',
          objectId: scheduleId,
          before: audited(toDto(row)),
        });
        return true;
      });
    },

    async listForWorkspace(workspaceId) {
      const rows = await prisma.schedule.findMany({
        where: { workspaceId },
        select: scheduleSelect,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toDto);
    },

    async recordRefusal({ workspaceId, actorSlackId, action, objectId }) {
      await writeAuditEntry(prisma, {
        workspaceId,
        actorSlackId,
        action: 'authorization.refused',
        objectType: 'command',
        objectId,
        after: { attempted: action },
      });
    },
  };
}
