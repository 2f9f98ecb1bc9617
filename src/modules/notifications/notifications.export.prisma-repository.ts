import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { ExportRow, ExportSection } from '../export/export.types.js';
import { iso, rowsToRead } from '../export/export-cells.rules.js';

const muteSelect = {
  kind: true,
  createdAt: true,
  person: { select: { slackUserId: true } },
} satisfies Prisma.NotificationMuteSelect;
const MUTE_COLUMNS = ['slack_user_id', 'kind', 'created_at'];

function muteRow(m: Prisma.NotificationMuteGetPayload<{ select: typeof muteSelect }>): ExportRow {
  return { slack_user_id: m.person.slackUserId, kind: m.kind, created_at: iso(m.createdAt) };
}

/** The kinds of notification turned off: the person's own, or everyone's. */
export function notificationMutesExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['NotificationMute'],
    person: {
      table: 'notification_mutes',
      columns: MUTE_COLUMNS,
      async rows(person, limits) {
        const mutes = await prisma.notificationMute.findMany({
          where: { personId: person.id, person: { workspaceId: person.workspaceId } },
          select: muteSelect,
          orderBy: { createdAt: 'asc' },
          take: rowsToRead(limits),
        });
        return { rows: mutes.map(muteRow) };
      },
    },
    workspace: {
      table: 'notification_mutes',
      columns: MUTE_COLUMNS,
      async rows(workspaceId, limits) {
        const mutes = await prisma.notificationMute.findMany({
          where: { person: { workspaceId } },
          select: muteSelect,
          orderBy: { createdAt: 'asc' },
          take: rowsToRead(limits),
        });
        return { rows: mutes.map(muteRow) };
      },
    },
  };
}

const snoozeSelect = {
  id: true,
  kind: true,
  until: true,
  createdAt: true,
  person: { select: { slackUserId: true } },
} satisfies Prisma.NotificationSnoozeSelect;
const SNOOZE_COLUMNS = ['slack_user_id', 'kind', 'until', 'created_at'];

function snoozeRow(s: Prisma.NotificationSnoozeGetPayload<{ select: typeof snoozeSelect }>): ExportRow {
  // A null kind snoozes every kind.
  return {
    slack_user_id: s.person.slackUserId,
    kind: s.kind ?? '*',
    until: iso(s.until),
    created_at: iso(s.createdAt),
  };
}

/** Notifications held until a time: the person's own snoozes, or everyone's. */
export function notificationSnoozesExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['NotificationSnooze'],
    person: {
      table: 'notification_snoozes',
      columns: SNOOZE_COLUMNS,
      async rows(person, limits) {
        const snoozes = await prisma.notificationSnooze.findMany({
          where: { personId: person.id, person: { workspaceId: person.workspaceId } },
          select: snoozeSelect,
          orderBy: { createdAt: 'asc' },
          take: rowsToRead(limits),
        });
        return { rows: snoozes.map(snoozeRow), ownRecordIds: snoozes.map((s) => s.id) };
      },
    },
    workspace: {
      table: 'notification_snoozes',
      columns: SNOOZE_COLUMNS,
      async rows(workspaceId, limits) {
        const snoozes = await prisma.notificationSnooze.findMany({
          where: { person: { workspaceId } },
          select: snoozeSelect,
          orderBy: { createdAt: 'asc' },
          take: rowsToRead(limits),
        });
        return { rows: snoozes.map(snoozeRow) };
      },
    },
  };
}
