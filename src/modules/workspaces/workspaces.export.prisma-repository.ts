import type { PrismaClient } from '../../generated/prisma/client.js';
import type { ExportSection } from '../export/export.types.js';
import { iso } from '../export/export-cells.rules.js';

/** The workspace's settings (workspace export only; never installation rows or tokens). */
export function workspaceExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['Workspace'],
    workspace: {
      table: 'workspace',
      columns: [
        'id',
        'slack_team_id',
        'enterprise_id',
        'name',
        'default_locale',
        'default_time_zone',
        'default_calendar_key',
        'is_demo',
        'uninstalled_at',
        'created_at',
      ],
      async rows(workspaceId) {
        const workspace = await prisma.workspace.findUniqueOrThrow({
          where: { id: workspaceId },
          select: {
            id: true,
            slackTeamId: true,
            enterpriseId: true,
            name: true,
            defaultLocale: true,
            defaultTimeZone: true,
            defaultCalendarKey: true,
            isDemo: true,
            uninstalledAt: true,
            createdAt: true,
          },
        });
        return {
          rows: [
            {
              id: workspace.id,
              slack_team_id: workspace.slackTeamId,
              enterprise_id: workspace.enterpriseId,
              name: workspace.name,
              default_locale: workspace.defaultLocale,
              default_time_zone: workspace.defaultTimeZone,
              default_calendar_key: workspace.defaultCalendarKey,
              is_demo: workspace.isDemo,
              uninstalled_at: iso(workspace.uninstalledAt),
              created_at: iso(workspace.createdAt),
            },
          ],
        };
      },
    },
  };
}
