import type { PrismaClient } from '../../generated/prisma/client.js';
import { optionsOf } from '../escalations/escalation-cards.prisma-repository.js';
import type { EscalationSummaryRepository } from './escalation-summary.repository.js';
import type { EscalationSummarySource } from './escalation-summary.types.js';

export function createEscalationSummaryPrismaRepository(prisma: PrismaClient): EscalationSummaryRepository {
  return {
    async sourceOf(workspaceId, number) {
      const row = await prisma.escalation.findUnique({
        where: { workspaceId_number: { workspaceId, number } },
        include: {
          workspace: { select: { defaultLocale: true } },
          raisedBy: { select: { displayName: true } },
          departments: { include: { department: { select: { nameEn: true, nameZh: true } } } },
          events: { orderBy: { at: 'asc' }, take: 60 },
          decisions: { orderBy: { decidedAt: 'asc' }, take: 10 },
        },
      });
      if (!row) return null;
      const personIds = [
        ...new Set(
          [
            row.proposedByPersonId,
            ...row.events.map((e) => e.actorPersonId),
            ...row.decisions.map((d) => d.decidedByPersonId),
          ].filter((id): id is string => id !== null),
        ),
      ];
      const people = new Map(
        (
          await prisma.person.findMany({
            where: { id: { in: personIds } },
            select: { id: true, displayName: true },
          })
        ).map((p) => [p.id, p.displayName]),
      );
      const name = (id: string | null) => (id ? (people.get(id) ?? null) : null);
      const source: EscalationSummarySource = {
        workspaceId,
        workspaceLocale: row.workspace.defaultLocale,
        escalation: {
          number: row.number,
          title: row.title,
          blocked: row.blocked,
          impact: row.impact,
          decisionNeeded: row.decisionNeeded,
          options: optionsOf(row.options),
          severity: row.severity,
          status: row.status,
          level: row.level,
          createdAt: row.createdAt,
          slaDueAt: row.slaDueAt,
          wantedBy: row.wantedBy ? row.wantedBy.toISOString().slice(0, 10) : null,
          proposal: row.proposal,
          proposedBy: name(row.proposedByPersonId),
          markedForMeetingReason: row.markedForMeetingReason,
          raisedBy: row.raisedBy.displayName,
        },
        departments: row.departments.map((d) => ({
          nameEn: d.department.nameEn,
          nameZh: d.department.nameZh,
          role: d.role === 'RAISER' ? 'RAISER' : 'COUNTERPART',
        })),
        events: row.events.map((e) => ({
          type: e.type,
          actor: name(e.actorPersonId),
          note: e.note,
          at: e.at,
        })),
        decisions: row.decisions.map((d) => ({
          text: d.text,
          decidedBy: name(d.decidedByPersonId) ?? '—',
          at: d.decidedAt,
        })),
        source: { quote: row.sourceQuote, permalink: row.sourcePermalink },
        cards: row.departments.flatMap((d) =>
          d.cardChannelId && d.cardTs ? [{ channelId: d.cardChannelId, ts: d.cardTs }] : [],
        ),
      };
      return source;
    },
  };
}
