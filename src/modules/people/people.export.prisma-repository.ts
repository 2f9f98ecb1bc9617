import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { ExportRow, ExportSection } from '../export/export.types.js';
import { clockTime, iso, rowsToRead, workDayNames } from '../export/export-cells.rules.js';

/** Never the DM channel id: it is Liaison's handle on the conversation, not the person's data. */
const personSelect = {
  id: true,
  slackUserId: true,
  displayName: true,
  realName: true,
  email: true,
  timeZone: true,
  locale: true,
  isWorkspaceAdmin: true,
  isLiaisonAdmin: true,
  isBot: true,
  active: true,
  deactivatedAt: true,
  workDays: true,
  workStartMinute: true,
  workEndMinute: true,
  quietStartMinute: true,
  quietEndMinute: true,
  dailyNotificationCap: true,
  profileSyncedAt: true,
  createdAt: true,
  calendar: { select: { key: true } },
} satisfies Prisma.PersonSelect;

const PERSON_COLUMNS = [
  'id',
  'slack_user_id',
  'display_name',
  'real_name',
  'email',
  'time_zone',
  'locale',
  'is_workspace_admin',
  'is_liaison_admin',
  'is_bot',
  'active',
  'deactivated_at',
  'work_days',
  'work_start',
  'work_end',
  'calendar_key',
  'quiet_start',
  'quiet_end',
  'daily_notification_cap',
  'profile_synced_at',
  'created_at',
] as const;

function personRow(p: Prisma.PersonGetPayload<{ select: typeof personSelect }>): ExportRow {
  return {
    id: p.id,
    slack_user_id: p.slackUserId,
    display_name: p.displayName,
    real_name: p.realName,
    email: p.email,
    time_zone: p.timeZone,
    locale: p.locale,
    is_workspace_admin: p.isWorkspaceAdmin,
    is_liaison_admin: p.isLiaisonAdmin,
    is_bot: p.isBot,
    active: p.active,
    deactivated_at: iso(p.deactivatedAt),
    work_days: workDayNames(p.workDays),
    work_start: clockTime(p.workStartMinute),
    work_end: clockTime(p.workEndMinute),
    calendar_key: p.calendar?.key ?? null,
    quiet_start: clockTime(p.quietStartMinute),
    quiet_end: clockTime(p.quietEndMinute),
    daily_notification_cap: p.dailyNotificationCap,
    profile_synced_at: iso(p.profileSyncedAt),
    created_at: iso(p.createdAt),
  };
}

/** The person's own row (`person`) or everyone's (`people`): profile, hours, calendar, roles. */
export function peopleExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['Person'],
    person: {
      table: 'person',
      columns: PERSON_COLUMNS,
      async rows(person) {
        const row = await prisma.person.findFirst({
          where: { id: person.id, workspaceId: person.workspaceId },
          select: personSelect,
        });
        return { rows: row ? [personRow(row)] : [], ownRecordIds: [person.id] };
      },
    },
    workspace: {
      table: 'people',
      columns: PERSON_COLUMNS,
      async rows(workspaceId, limits) {
        const people = await prisma.person.findMany({
          where: { workspaceId },
          select: personSelect,
          orderBy: { slackUserId: 'asc' },
          take: rowsToRead(limits),
        });
        return { rows: people.map(personRow) };
      },
    },
  };
}

/**
 * Person id → Slack user id for a workspace, so a workspace table can name people as every
 * other table does (by Slack id) where its column is a bare person id without a relation.
 */
export async function slackIdsByPersonId(prisma: PrismaClient, workspaceId: string) {
  const people = await prisma.person.findMany({
    where: { workspaceId },
    select: { id: true, slackUserId: true },
  });
  const slackIds = new Map(people.map((p) => [p.id, p.slackUserId]));
  return (personId: string | null): string | null => (personId ? (slackIds.get(personId) ?? null) : null);
}
