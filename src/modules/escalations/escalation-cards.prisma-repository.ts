import type { PrismaClient } from '../../generated/prisma/client.js';
import type { EscalationCardsRepository } from './escalation-cards.repository.js';
import { createEscalationsPrismaRepository } from './escalations.prisma-repository.js';
import { peopleAtLevel } from './escalations.rules.js';
import type { EscalationOption } from './escalations.types.js';

/** An escalation's options as stored (JSON), read back defensively. */
export function optionsOf(json: unknown): EscalationOption[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((o) =>
    o && typeof o === 'object' && typeof (o as { label?: unknown }).label === 'string'
      ? [
          {
            label: (o as { label: string }).label,
            recommended: (o as { recommended?: unknown }).recommended === true,
          },
        ]
      : [],
  );
}

/** Card rows (EscalationDepartment.card*) and what a card shows, read in a few queries. */
export function createEscalationCardsPrismaRepository(prisma: PrismaClient): EscalationCardsRepository {
  const escalations = createEscalationsPrismaRepository(prisma);
  return {
    async load(escalationId) {
      const row = await prisma.escalation.findUnique({
        where: { id: escalationId },
        include: {
          workspace: { select: { defaultLocale: true } },
          raisedBy: { select: { id: true, slackUserId: true, locale: true } },
          assignee: { select: { slackUserId: true } },
          departments: {
            orderBy: { role: 'desc' },
            select: {
              id: true,
              departmentId: true,
              cardChannelId: true,
              cardTs: true,
              cardError: true,
              department: {
                select: { slackChannelId: true, nameEn: true, nameZh: true, archivedAt: true, locale: true },
              },
            },
          },
          decisions: {
            orderBy: { decidedAt: 'desc' },
            take: 1,
            select: { text: true, decidedByPersonId: true, decidedAt: true },
          },
        },
      });
      if (!row) return null;
      const departmentIds = row.departments.map((d) => d.departmentId);
      const ladder = await escalations.ladderOf(row.workspaceId, departmentIds);
      const mustAct = peopleAtLevel(row.level, departmentIds, ladder);
      const decision = row.decisions[0];
      const personIds = [...mustAct, row.proposedByPersonId, decision?.decidedByPersonId].filter(
        (id): id is string => typeof id === 'string',
      );
      const people = await prisma.person.findMany({
        where: { id: { in: personIds } },
        select: { id: true, slackUserId: true },
      });
      const slackIdOf = new Map(people.map((p) => [p.id, p.slackUserId]));
      const slackIds = (ids: string[]) => ids.flatMap((id) => slackIdOf.get(id) ?? []);
      return {
        escalationId: row.id,
        workspaceId: row.workspaceId,
        version: row.updatedAt,
        workspaceLocale: row.workspace.defaultLocale,
        raiser: {
          personId: row.raisedBy.id,
          slackUserId: row.raisedBy.slackUserId,
          locale: row.raisedBy.locale,
        },
        card: {
          number: row.number,
          title: row.title,
          blocked: row.blocked,
          impact: row.impact,
          decisionNeeded: row.decisionNeeded,
          options: optionsOf(row.options),
          severity: row.severity,
          status: row.status,
          level: row.level,
          slaDueAt: row.slaDueAt,
          wantedBy: row.wantedBy ? row.wantedBy.toISOString().slice(0, 10) : null,
          proposal: row.proposal,
          proposedBySlackId: row.proposedByPersonId ? (slackIdOf.get(row.proposedByPersonId) ?? null) : null,
          markedForMeeting: row.markedForMeetingAt !== null,
          markedForMeetingReason: row.markedForMeetingReason,
          sourcePermalink: row.sourcePermalink,
          sourceQuote: row.sourceQuote,
          raisedBySlackId: row.raisedBy.slackUserId,
          assigneeSlackId: row.assignee?.slackUserId ?? null,
          mustActSlackIds: slackIds(mustAct),
          departments: row.departments.map((d) => ({
            nameEn: d.department.nameEn,
            nameZh: d.department.nameZh,
          })),
          decision:
            decision && slackIdOf.has(decision.decidedByPersonId)
              ? {
                  text: decision.text,
                  decidedBySlackId: slackIdOf.get(decision.decidedByPersonId) as string,
                  decidedAt: decision.decidedAt,
                }
              : null,
        },
        rows: row.departments.map((d) => ({
          id: d.id,
          departmentId: d.departmentId,
          departmentChannelId: d.department.archivedAt ? null : d.department.slackChannelId,
          cardChannelId: d.cardChannelId,
          cardTs: d.cardTs,
          cardError: d.cardError,
          departmentLocale: d.department.locale,
        })),
      };
    },

    async claimPosting(rowId, now, staleBefore) {
      // One conditional UPDATE: PostgreSQL re-checks the condition under the row lock, so of
      // two replicas claiming at once exactly one changes the row.
      const { count } = await prisma.escalationDepartment.updateMany({
        where: {
          id: rowId,
          cardTs: null,
          OR: [{ cardPostingSince: null }, { cardPostingSince: { lt: staleBefore } }],
        },
        data: { cardPostingSince: now },
      });
      return count === 1;
    },

    async releasePosting(rowId, claimedAt) {
      await prisma.escalationDepartment.updateMany({
        where: { id: rowId, cardTs: null, cardPostingSince: claimedAt },
        data: { cardPostingSince: null },
      });
    },

    async recordPosted(rowId, at) {
      await prisma.escalationDepartment.update({
        where: { id: rowId },
        data: {
          cardChannelId: at.channelId,
          cardTs: at.ts,
          cardUpdatedAt: at.version,
          cardError: null,
          cardPostingSince: null,
        },
      });
    },

    async recordUpdated(rowId, version) {
      // Never move the shown version backwards (a slower refresh of an older state).
      await prisma.escalationDepartment.updateMany({
        where: { id: rowId, OR: [{ cardUpdatedAt: null }, { cardUpdatedAt: { lt: version } }] },
        data: { cardUpdatedAt: version, cardError: null },
      });
    },

    async recordError(rowId, error) {
      const { count } = await prisma.escalationDepartment.updateMany({
        where: { id: rowId, cardError: null },
        data: { cardError: error.slice(0, 200), cardPostingSince: null },
      });
      if (count === 0)
        await prisma.escalationDepartment.update({
          where: { id: rowId },
          data: { cardError: error.slice(0, 200), cardPostingSince: null },
        });
      return count === 1;
    },

    async markDepartmentCardsBehind(workspaceId, departmentIds) {
      if (departmentIds.length === 0) return [];
      const where = {
        departmentId: { in: [...departmentIds] },
        cardTs: { not: null },
        escalation: { workspaceId, status: { not: 'RESOLVED' as const } },
      };
      const rows = await prisma.escalationDepartment.findMany({ where, select: { escalationId: true } });
      await prisma.escalationDepartment.updateMany({ where, data: { cardUpdatedAt: null } });
      return [...new Set(rows.map((row) => row.escalationId))];
    },

    async staleEscalationIds(workspaceId, limit, staleBefore) {
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        SELECT e."id" FROM "Escalation" e
        WHERE e."workspaceId" = ${workspaceId}
          AND EXISTS (
            SELECT 1 FROM "EscalationDepartment" ed
            JOIN "Department" d ON d."id" = ed."departmentId"
            WHERE ed."escalationId" = e."id" AND ed."cardError" IS NULL
              AND (
                (ed."cardTs" IS NOT NULL AND (ed."cardUpdatedAt" IS NULL OR ed."cardUpdatedAt" < e."updatedAt"))
                OR (ed."cardTs" IS NULL AND d."slackChannelId" IS NOT NULL AND d."archivedAt" IS NULL
                    AND e."status" <> 'RESOLVED'
                    AND (ed."cardPostingSince" IS NULL OR ed."cardPostingSince" < ${staleBefore}))
              )
          )
        ORDER BY e."updatedAt" ASC
        LIMIT ${limit}`;
      return rows.map((r) => r.id);
    },
  };
}
