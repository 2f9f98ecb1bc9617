import type { PrismaClient } from '../../generated/prisma/client.js';
import type { HomeRepository } from './home.repository.js';

export function createHomePrismaRepository(prisma: PrismaClient): HomeRepository {
  return {
    async personForHome(personId) {
      const row = await prisma.person.findUnique({
        where: { id: personId },
        select: {
          id: true,
          workspaceId: true,
          slackUserId: true,
          displayName: true,
          realName: true,
          locale: true,
          timeZone: true,
          active: true,
          isBot: true,
          isWorkspaceAdmin: true,
          isLiaisonAdmin: true,
          workspace: { select: { defaultLocale: true, defaultTimeZone: true } },
          memberships: {
            where: { department: { archivedAt: null } },
            select: {
              role: true,
              department: { select: { id: true, key: true, nameEn: true, nameZh: true } },
            },
            orderBy: { department: { key: 'asc' } },
          },
        },
      });
      if (!row?.active || row.isBot) return null;
      return {
        id: row.id,
        workspaceId: row.workspaceId,
        slackUserId: row.slackUserId,
        displayName: row.displayName,
        realName: row.realName,
        locale: row.locale,
        timeZone: row.timeZone,
        isAdmin: row.isWorkspaceAdmin || row.isLiaisonAdmin,
        memberships: row.memberships.map((m) => ({
          departmentId: m.department.id,
          departmentKey: m.department.key,
          nameEn: m.department.nameEn,
          nameZh: m.department.nameZh,
          role: m.role,
        })),
        workspace: row.workspace,
      };
    },

    async adminSummary(workspaceId) {
      const [departments, activePeople, lastSync] = await Promise.all([
        prisma.department.count({ where: { workspaceId, archivedAt: null } }),
        prisma.person.count({ where: { workspaceId, active: true, isBot: false } }),
        prisma.directorySyncRun.findFirst({
          where: { workspaceId },
          select: { status: true, startedAt: true, finishedAt: true },
          orderBy: { startedAt: 'desc' },
        }),
      ]);
      return { departments, activePeople, lastDirectorySync: lastSync };
    },
  };
}
