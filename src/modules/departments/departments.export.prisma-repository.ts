import type { PrismaClient } from '../../generated/prisma/client.js';
import type { ExportSection } from '../export/export.types.js';
import { iso, rowsToRead } from '../export/export-cells.rules.js';

/** Every department with its names, channel and calendar (workspace export). */
export function departmentsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['Department'],
    workspace: {
      table: 'departments',
      columns: [
        'id',
        'key',
        'name_en',
        'name_zh',
        'description',
        'slack_channel_id',
        'calendar_key',
        'archived_at',
        'created_at',
      ],
      async rows(workspaceId, limits) {
        const departments = await prisma.department.findMany({
          where: { workspaceId },
          select: {
            id: true,
            key: true,
            nameEn: true,
            nameZh: true,
            description: true,
            slackChannelId: true,
            archivedAt: true,
            createdAt: true,
            calendar: { select: { key: true } },
          },
          orderBy: { key: 'asc' },
          take: rowsToRead(limits),
        });
        return {
          rows: departments.map((d) => ({
            id: d.id,
            key: d.key,
            name_en: d.nameEn,
            name_zh: d.nameZh,
            description: d.description,
            slack_channel_id: d.slackChannelId,
            calendar_key: d.calendar?.key ?? null,
            archived_at: iso(d.archivedAt),
            created_at: iso(d.createdAt),
          })),
        };
      },
    },
  };
}

/** Who is in which department with which role: the person's own, or everyone's. */
export function membershipsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['Membership'],
    person: {
      table: 'memberships',
      columns: ['department_key', 'department_name_en', 'department_name_zh', 'role', 'created_at'],
      async rows(person, limits) {
        const memberships = await prisma.membership.findMany({
          where: { personId: person.id, person: { workspaceId: person.workspaceId } },
          select: {
            id: true,
            role: true,
            createdAt: true,
            department: { select: { key: true, nameEn: true, nameZh: true } },
          },
          orderBy: { department: { key: 'asc' } },
          take: rowsToRead(limits),
        });
        return {
          rows: memberships.map((m) => ({
            department_key: m.department.key,
            department_name_en: m.department.nameEn,
            department_name_zh: m.department.nameZh,
            role: m.role,
            created_at: iso(m.createdAt),
          })),
          ownRecordIds: memberships.map((m) => m.id),
        };
      },
    },
    workspace: {
      table: 'memberships',
      columns: ['department_key', 'slack_user_id', 'role', 'created_at'],
      async rows(workspaceId, limits) {
        const memberships = await prisma.membership.findMany({
          where: { person: { workspaceId } },
          select: {
            role: true,
            createdAt: true,
            department: { select: { key: true } },
            person: { select: { slackUserId: true } },
          },
          orderBy: [{ department: { key: 'asc' } }, { person: { slackUserId: 'asc' } }],
          take: rowsToRead(limits),
        });
        return {
          rows: memberships.map((m) => ({
            department_key: m.department.key,
            slack_user_id: m.person.slackUserId,
            role: m.role,
            created_at: iso(m.createdAt),
          })),
        };
      },
    },
  };
}
