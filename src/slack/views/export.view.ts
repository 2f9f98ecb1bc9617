import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../i18n/catalog.js';
import type { ExportFormat, ExportResult, ExportScope } from '../../modules/export/export.types.js';

/** Block ids of the `/liaison export` replies. */
export const EXPORT_BLOCKS = {
  preparing: 'export.preparing',
  failed: 'export.failed',
} as const;

function scopeText(t: Translate, scope: ExportScope): string {
  return scope === 'workspace' ? t('export.scopeWorkspace') : t('export.scopeMe');
}

function formatText(t: Translate, format: ExportFormat): string {
  return format === 'json' ? t('export.formatJson') : t('export.formatCsv');
}

function textMessage(blockId: string, text: string): { text: string; blocks: KnownBlock[] } {
  return { text, blocks: [{ type: 'section', block_id: blockId, text: { type: 'mrkdwn', text } }] };
}

/** The private answer right after the command: the files follow in a DM. */
export function exportPreparingMessage(t: Translate, request: { scope: ExportScope; format: ExportFormat }) {
  return textMessage(
    EXPORT_BLOCKS.preparing,
    t('export.preparing', { scope: scopeText(t, request.scope), format: formatText(t, request.format) }),
  );
}

export function exportFailedMessage(t: Translate, referenceId: string) {
  return textMessage(EXPORT_BLOCKS.failed, t('export.failed', { referenceId }));
}

/** The comment on the DM that carries the files (one per message when split into parts). */
export function exportComment(
  t: Translate,
  result: Pick<
    ExportResult,
    'scope' | 'format' | 'rowCounts' | 'truncatedTables' | 'auditSince' | 'generatedAt'
  >,
  part: { index: number; count: number; historyDays: number; rowLimit: number },
): string {
  const counts = Object.values(result.rowCounts);
  const lines = [
    t('export.delivered', {
      scope: scopeText(t, result.scope),
      format: formatText(t, result.format),
      rows: counts.reduce((sum, count) => sum + count, 0),
      tables: counts.length,
      when: result.generatedAt.toISOString().slice(0, 16).replace('T', ' '),
    }),
  ];
  if (result.auditSince) lines.push(t('export.historyWindow', { days: part.historyDays }));
  if (result.truncatedTables.length > 0)
    lines.push(t('export.truncated', { limit: part.rowLimit, tables: result.truncatedTables.join(', ') }));
  if (part.count > 1) lines.push(t('export.part', { part: part.index, parts: part.count }));
  return lines.join('\n');
}
