import type { MessageKey, MessageParams } from '../../i18n/catalog.js';
import type { AccessSubject } from '../access/access.types.js';
import { parseCsv } from '../shared/csv.parser.js';
import { DomainError } from '../shared/domain-error.types.js';
import { KPI_NOTE_MAX, parseKpiValue, parsePeriodLabel } from './kpi.rules.js';
import type { KpiDto, SampleWrite, WriteOutcome } from './kpi.types.js';
import type { KpisRepository } from './kpis.repository.js';

export const KPI_IMPORT_COLUMNS = ['kpi', 'period', 'value', 'note'] as const;
export const KPI_IMPORT_MAX_ROWS = 5_000;

export interface RejectedRow {
  line: number;
  reason: { key: MessageKey; params?: MessageParams };
}

export interface ImportOutcome {
  written: number;
  unchanged: number;
  rejected: RejectedRow[];
}

/**
 * CSV of `kpi,period,value[,note]` (a header row is skipped): every row is checked; the good
 * ones are written together (the latest value of a period wins, the same value changes
 * nothing, so importing a file again changes nothing), the others come back with a reason.
 */
export function createKpiImportService(deps: {
  repo: KpisRepository;
  mayRecord(subject: AccessSubject, kpi: KpiDto): boolean;
  write(samples: readonly SampleWrite[], source: { source: 'csv'; personId: string }): Promise<WriteOutcome>;
}) {
  return {
    async importCsv(actor: AccessSubject, text: string): Promise<ImportOutcome> {
      const parsed = parseCsv(text);
      if (!parsed.ok)
        throw new DomainError(
          'kpi.import_unclosed_quote',
          { key: 'kpis.import.unclosedQuote', params: { line: parsed.line } },
          { field: 'csv' },
        );
      const rows = parsed.rows.filter(
        (row, index) => !(index === 0 && row.fields[0]?.trim().toLowerCase() === KPI_IMPORT_COLUMNS[0]),
      );
      if (rows.length === 0)
        throw new DomainError('kpi.import_empty', { key: 'kpis.import.empty' }, { field: 'csv' });
      if (rows.length > KPI_IMPORT_MAX_ROWS)
        throw new DomainError(
          'kpi.import_too_many',
          { key: 'kpis.import.tooManyRows', params: { max: KPI_IMPORT_MAX_ROWS } },
          { field: 'csv' },
        );
      const keys = [...new Set(rows.map((row) => (row.fields[0] ?? '').trim().toLowerCase()))];
      const kpis = new Map((await deps.repo.findByKeys(actor.workspaceId, keys)).map((k) => [k.key, k]));
      const rejected: RejectedRow[] = [];
      const samples: SampleWrite[] = [];
      for (const { line, fields } of rows) {
        const reject = (key: MessageKey, params?: MessageParams) =>
          rejected.push({ line, reason: { key, params } });
        const [keyText = '', periodText = '', valueText = '', note, ...extra] = fields.map((f) => f.trim());
        if (fields.length < 3 || extra.some((field) => field !== '')) {
          reject('kpis.import.reasons.columns');
          continue;
        }
        const kpi = kpis.get(keyText.toLowerCase());
        if (!kpi) {
          reject('kpis.import.reasons.unknownKpi', { key: keyText });
          continue;
        }
        if (!deps.mayRecord(actor, kpi)) {
          reject('kpis.import.reasons.notAllowed', { key: kpi.key });
          continue;
        }
        const period = parsePeriodLabel(periodText, kpi.period);
        if (!period) {
          reject('kpis.import.reasons.badPeriod', {
            period: periodText,
            kind: kpi.period === 'DAILY' ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:00',
          });
          continue;
        }
        const value = parseKpiValue(valueText);
        if (value === null) {
          reject('kpis.import.reasons.badValue', { value: valueText });
          continue;
        }
        if (note && note.length > KPI_NOTE_MAX) {
          reject('kpis.import.reasons.noteTooLong', { max: KPI_NOTE_MAX });
          continue;
        }
        samples.push({ kpiId: kpi.id, period, value, ...(note ? { note } : {}) });
      }
      const outcome =
        samples.length > 0
          ? await deps.write(samples, { source: 'csv', personId: actor.personId })
          : { written: 0, unchanged: 0 };
      return { written: outcome.written, unchanged: outcome.unchanged, rejected };
    },
  };
}

export type KpiImportService = ReturnType<typeof createKpiImportService>;
