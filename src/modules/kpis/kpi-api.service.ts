import { z } from 'zod';
import { KPI_NOTE_MAX, parsePeriodLabel } from './kpi.rules.js';
import type { SampleWrite, WriteOutcome } from './kpi.types.js';
import type { KpisRepository } from './kpis.repository.js';

/** Samples per request; a body over API_MAX_BODY_BYTES is refused before it is read whole. */
export const API_MAX_SAMPLES = 5_000;
export const API_MAX_BODY_BYTES = 1_048_576;

const sample = z.strictObject({
  kpi: z.string().min(1).max(32),
  period: z.string().min(1).max(40),
  value: z.number().finite(),
  note: z.string().max(KPI_NOTE_MAX).optional(),
});

const batch = z.strictObject({ samples: z.array(sample).min(1).max(API_MAX_SAMPLES) });

/** One sample, or `{ samples: [...] }` (told apart by the key, so errors name the sample's field). */
export function parseSamplesBody(json: unknown) {
  if (json && typeof json === 'object' && 'samples' in json) return batch.safeParse(json);
  return sample.transform((one) => ({ samples: [one] })).safeParse(json);
}

export type ApiResult =
  | { status: 200; body: { written: number; unchanged: number } }
  | {
      status: 400;
      body: { error: 'invalid_samples'; problems: { index?: number; path: string; message: string }[] };
    };

/**
 * POST /api/v1/kpis/samples for a workspace's token: every sample checked (shape by zod, then
 * KPI and period); any problem refuses the whole request, each named with its index.
 */
export function createKpiApiService(deps: {
  repo: KpisRepository;
  write(
    samples: readonly SampleWrite[],
    source: { source: 'api'; apiTokenId: string },
  ): Promise<WriteOutcome>;
}) {
  return {
    async ingest(token: { id: string; workspaceId: string }, json: unknown): Promise<ApiResult> {
      const parsed = parseSamplesBody(json);
      if (!parsed.success)
        return {
          status: 400,
          body: {
            error: 'invalid_samples',
            problems: parsed.error.issues.slice(0, 50).map((issue) => {
              const [first, index, ...rest] = issue.path;
              const isSample = first === 'samples' && typeof index === 'number';
              return {
                ...(isSample ? { index } : {}),
                path: (isSample ? rest : issue.path).join('.'),
                message: issue.message,
              };
            }),
          },
        };
      const { samples } = parsed.data;
      const keys = [...new Set(samples.map((s) => s.kpi.toLowerCase()))];
      const kpis = new Map((await deps.repo.findByKeys(token.workspaceId, keys)).map((k) => [k.key, k]));
      const problems: { index: number; path: string; message: string }[] = [];
      const writes: SampleWrite[] = [];
      for (const [index, s] of samples.entries()) {
        const kpi = kpis.get(s.kpi.toLowerCase());
        if (!kpi) {
          problems.push({ index, path: 'kpi', message: `no KPI "${s.kpi}" in this workspace` });
          continue;
        }
        const period = parsePeriodLabel(s.period, kpi.period);
        if (!period) {
          const kind = kpi.period === 'DAILY' ? 'day (YYYY-MM-DD)' : 'hour (YYYY-MM-DD HH:00)';
          problems.push({ index, path: 'period', message: `"${s.period}" is not a ${kind}` });
          continue;
        }
        writes.push({
          kpiId: kpi.id,
          period,
          value: s.value,
          ...(s.note !== undefined ? { note: s.note } : {}),
        });
      }
      if (problems.length > 0)
        return { status: 400, body: { error: 'invalid_samples', problems: problems.slice(0, 50) } };
      const outcome = await deps.write(writes, { source: 'api', apiTokenId: token.id });
      return { status: 200, body: { written: outcome.written, unchanged: outcome.unchanged } };
    },
  };
}

export type KpiApiService = ReturnType<typeof createKpiApiService>;
