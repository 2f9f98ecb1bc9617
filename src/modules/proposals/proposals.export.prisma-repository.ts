import type { PrismaClient } from '../../generated/prisma/client.js';
import type { ExportRow, ExportSection } from '../export/export.types.js';
import { iso, rowsToRead } from '../export/export-cells.rules.js';
import { slackIdsByPersonId } from '../people/people.export.prisma-repository.js';

const FIELDS = [
  'source_type',
  'title',
  'due_on',
  'refs',
  'drafted_by',
  'model',
  'status',
  'acted_at',
  'action_item_id',
  'created_at',
] as const;

const select = {
  id: true,
  sourceType: true,
  title: true,
  dueOn: true,
  refs: true,
  draftedBy: true,
  model: true,
  status: true,
  actedAt: true,
  actionItemId: true,
  createdAt: true,
  proposedOwnerPersonId: true,
  requestedByPersonId: true,
  offeredToPersonId: true,
  actedByPersonId: true,
} as const;

type Row = {
  sourceType: string;
  title: string;
  dueOn: Date;
  refs: unknown;
  draftedBy: string;
  model: string | null;
  status: string;
  actedAt: Date | null;
  actionItemId: string | null;
  createdAt: Date;
};

function row(p: Row, role: string | null): ExportRow {
  return {
    source_type: p.sourceType,
    title: p.title,
    due_on: p.dueOn.toISOString().slice(0, 10),
    refs: Array.isArray(p.refs) ? p.refs.join(' ') : '',
    drafted_by: p.draftedBy,
    model: p.model,
    status: p.status,
    acted_at: iso(p.actedAt),
    action_item_id: p.actionItemId,
    created_at: iso(p.createdAt),
    ...(role !== null ? { role } : {}),
  };
}

/** Drafted proposals a person was named in, offered, asked for or acted on; all of them for admins. */
export function proposalsExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['Proposal'],
    person: {
      table: 'proposals',
      columns: [...FIELDS, 'role'],
      async rows(person) {
        const rows = await prisma.proposal.findMany({
          where: {
            workspaceId: person.workspaceId,
            OR: [
              { proposedOwnerPersonId: person.id },
              { offeredToPersonId: person.id },
              { requestedByPersonId: person.id },
              { actedByPersonId: person.id },
            ],
          },
          select,
          orderBy: { createdAt: 'asc' },
        });
        const role = (p: (typeof rows)[number]) =>
          [
            p.proposedOwnerPersonId === person.id ? 'proposed_owner' : null,
            p.offeredToPersonId === person.id ? 'offered_to' : null,
            p.requestedByPersonId === person.id ? 'requested' : null,
            p.actedByPersonId === person.id ? 'acted' : null,
          ]
            .filter(Boolean)
            .join(',');
        return { rows: rows.map((p) => row(p, role(p))), ownRecordIds: rows.map((p) => p.id) };
      },
    },
    workspace: {
      table: 'proposals',
      columns: [
        ...FIELDS,
        'proposed_owner_slack_id',
        'offered_to_slack_id',
        'requested_by_slack_id',
        'acted_by_slack_id',
      ],
      async rows(workspaceId, limits) {
        const [rows, slackId] = await Promise.all([
          prisma.proposal.findMany({
            where: { workspaceId },
            select,
            orderBy: { createdAt: 'desc' },
            take: rowsToRead(limits),
          }),
          slackIdsByPersonId(prisma, workspaceId),
        ]);
        return {
          rows: rows.map((p) => ({
            ...row(p, null),
            proposed_owner_slack_id: slackId(p.proposedOwnerPersonId),
            offered_to_slack_id: slackId(p.offeredToPersonId),
            requested_by_slack_id: slackId(p.requestedByPersonId),
            acted_by_slack_id: slackId(p.actedByPersonId),
          })),
        };
      },
    },
  };
}
