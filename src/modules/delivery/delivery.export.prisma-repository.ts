import type { PrismaClient } from '../../generated/prisma/client.js';
import type { ExportSection } from '../export/export.types.js';
import { iso, rowsToRead } from '../export/export-cells.rules.js';

/**
 * The notifications addressed to the person, newest first: when, what kind, whether
 * delivered — not their text (the payload), which may quote other people.
 */
export function deliveriesExportSection(prisma: PrismaClient): ExportSection {
  return {
    models: ['Delivery'],
    person: {
      table: 'deliveries',
      columns: ['id', 'kind', 'priority', 'status', 'channel_id', 'created_at', 'not_before', 'sent_at'],
      async rows(person, limits) {
        const since = limits.since ?? undefined;
        const deliveries = await prisma.delivery.findMany({
          where: {
            recipientPersonId: person.id,
            workspaceId: person.workspaceId,
            ...(since ? { createdAt: { gte: since } } : {}),
          },
          select: {
            id: true,
            kind: true,
            priority: true,
            status: true,
            channelId: true,
            createdAt: true,
            notBefore: true,
            sentAt: true,
          },
          orderBy: { createdAt: 'desc' },
          take: rowsToRead(limits),
        });
        return {
          rows: deliveries.map((d) => ({
            id: d.id,
            kind: d.kind,
            priority: d.priority,
            status: d.status,
            channel_id: d.channelId,
            created_at: iso(d.createdAt),
            not_before: iso(d.notBefore),
            sent_at: iso(d.sentAt),
          })),
        };
      },
    },
  };
}
