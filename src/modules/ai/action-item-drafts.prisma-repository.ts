import type { PrismaClient } from '../../generated/prisma/client.js';
import { optionsOf } from '../escalations/escalation-cards.prisma-repository.js';
import type { ActionItemDraftsRepository } from './action-item-drafts.repository.js';
import type { DecisionDraftSource } from './action-item-drafts.types.js';

const LEAD_ROLES = ['HEAD', 'LEAD'] as const;

export function createActionItemDraftsPrismaRepository(prisma: PrismaClient): ActionItemDraftsRepository {
  return {
    async decisionSourceOf(workspaceId, number) {
      const row = await prisma.escalation.findUnique({
        where: { workspaceId_number: { workspaceId, number } },
        include: {
          departments: {
            include: {
              department: {
                select: {
                  nameEn: true,
                  nameZh: true,
                  memberships: {
                    where: { role: { in: [...LEAD_ROLES] }, person: { deactivatedAt: null } },
                    select: { role: true, person: { select: { id: true, displayName: true } } },
                    orderBy: { createdAt: 'asc' },
                  },
                },
              },
            },
          },
          events: { orderBy: { at: 'asc' }, take: 40 },
          decisions: { orderBy: { decidedAt: 'desc' }, take: 1 },
        },
      });
      if (!row) return null;
      const decision = row.decisions[0];
      const actorIds = [
        ...new Set(
          [...row.events.map((e) => e.actorPersonId), decision?.decidedByPersonId].filter(
            (id): id is string => typeof id === 'string',
          ),
        ),
      ];
      const names = new Map(
        (
          await prisma.person.findMany({
            where: { id: { in: actorIds } },
            select: { id: true, displayName: true },
          })
        ).map((p) => [p.id, p.displayName]),
      );
      const name = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
      const departments = [...row.departments]
        .sort((a, b) => (a.role === b.role ? 0 : a.role === 'RAISER' ? -1 : 1))
        .map((d) => ({
          id: d.departmentId,
          nameEn: d.department.nameEn,
          nameZh: d.department.nameZh,
          role: d.role === 'RAISER' ? ('RAISER' as const) : ('COUNTERPART' as const),
          // Leads before heads: the lead is who a department's proposals are offered to.
          leads: [...d.department.memberships]
            .sort((a, b) => (a.role === b.role ? 0 : a.role === 'LEAD' ? -1 : 1))
            .map((m) => ({
              personId: m.person.id,
              name: m.person.displayName,
              role: m.role as 'LEAD' | 'HEAD',
            })),
          card: d.cardChannelId && d.cardTs ? { channelId: d.cardChannelId, ts: d.cardTs } : null,
        }));
      const source: DecisionDraftSource = {
        workspaceId,
        escalation: {
          id: row.id,
          number: row.number,
          title: row.title,
          status: row.status,
          decisionNeeded: row.decisionNeeded,
          options: optionsOf(row.options).map((o) => o.label),
        },
        decision: decision
          ? {
              id: decision.id,
              text: decision.text,
              decidedBy: name(decision.decidedByPersonId) ?? '—',
              at: decision.decidedAt,
              optionsConsidered: Array.isArray(decision.optionsConsidered)
                ? decision.optionsConsidered.filter((o): o is string => typeof o === 'string')
                : [],
            }
          : null,
        departments,
        events: row.events.map((e) => ({
          type: e.type,
          actor: name(e.actorPersonId),
          note: e.note,
          at: e.at,
        })),
      };
      return source;
    },
    async recipients(workspaceId, personIds) {
      const rows = await prisma.person.findMany({
        where: { workspaceId, id: { in: [...new Set(personIds)] } },
        select: { id: true, slackUserId: true, displayName: true, locale: true },
      });
      return new Map(
        rows.map((p) => [
          p.id,
          { personId: p.id, slackUserId: p.slackUserId, name: p.displayName, locale: p.locale },
        ]),
      );
    },
    async describe(workspaceId, proposal) {
      const department = proposal.ownerDepartmentId
        ? await prisma.department.findFirst({
            where: { id: proposal.ownerDepartmentId, workspaceId },
            select: { nameEn: true, nameZh: true },
          })
        : null;
      let source = proposal.sourceType;
      if (proposal.sourceType === 'escalation') {
        const esc = await prisma.escalation.findFirst({
          where: { id: proposal.sourceId, workspaceId },
          select: { number: true, title: true },
        });
        if (esc) source = `ESC-${esc.number} — ${esc.title}`;
      } else if (proposal.sourceType === 'meeting') {
        const meeting = await prisma.meeting.findFirst({
          where: { id: proposal.sourceId, workspaceId },
          select: { plannedOn: true, series: { select: { number: true, title: true } } },
        });
        if (meeting) source = `MTG-${meeting.series.number} — ${meeting.series.title}, ${meeting.plannedOn}`;
      }
      return { source, department };
    },
    async meetingSourceOf(workspaceId, seriesNumber) {
      const meeting = await prisma.meeting.findFirst({
        where: {
          workspaceId,
          agendaPostedAt: { not: null },
          ...(seriesNumber !== undefined ? { series: { number: seriesNumber } } : {}),
        },
        orderBy: { startsAt: 'desc' },
        select: {
          id: true,
          plannedOn: true,
          series: {
            select: {
              number: true,
              title: true,
              facilitatorPersonId: true,
              delegates: { select: { personId: true } },
              departments: {
                select: {
                  department: {
                    select: {
                      id: true,
                      nameEn: true,
                      memberships: {
                        where: { role: { in: [...LEAD_ROLES] }, person: { deactivatedAt: null } },
                        select: { role: true, person: { select: { id: true, displayName: true } } },
                        orderBy: { createdAt: 'asc' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      });
      if (!meeting) return null;
      return {
        meetingId: meeting.id,
        seriesNumber: meeting.series.number,
        title: meeting.series.title,
        plannedOn: meeting.plannedOn,
        facilitatorPersonId: meeting.series.facilitatorPersonId,
        delegatePersonIds: meeting.series.delegates.map((d) => d.personId),
        departments: meeting.series.departments.map(({ department }) => ({
          id: department.id,
          nameEn: department.nameEn,
          leads: [...department.memberships]
            .sort((a, b) => (a.role === b.role ? 0 : a.role === 'LEAD' ? -1 : 1))
            .map((m) => ({
              personId: m.person.id,
              name: m.person.displayName,
              role: m.role as 'LEAD' | 'HEAD',
            })),
        })),
      };
    },
  };
}
