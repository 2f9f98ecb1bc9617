import { describe, expect, it } from 'vitest';
import {
  API_BURST,
  API_RATE_PER_SECOND,
  KPI_SAMPLES_PATH,
  rateLimiter,
} from '../../../src/features/kpis/kpi-samples.route.js';
import { hashKpiToken } from '../../../src/modules/kpis/kpi-tokens.service.js';
import { liaisonForThisFile } from '../../harness/liaison-under-test.js';
import { allText, kpiAs } from './kpi-test-helpers.js';

const file = liaisonForThisFile({ seedDemo: true });

async function createToken(name: string): Promise<string> {
  const reply = await kpiAs(file.liaison, 'U0DEMOLIN', `token create ${name}`);
  const token = /```(lkpi_[A-Za-z0-9_-]+)```/.exec(reply.text ?? '')?.[1];
  if (!token) throw new Error(`no token in ${reply.text}`);
  return token;
}

const post = (token: string | undefined, body: unknown, raw?: string) =>
  fetch(`${file.liaison.baseUrl}${KPI_SAMPLES_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ?? JSON.stringify(body),
  });

describe('POST /api/v1/kpis/samples', () => {
  it('writes samples for an admin’s token, idempotently per KPI and period, keeping every change', async () => {
    const token = await createToken('warehouse');
    const stored = await file.db.prisma.kpiApiToken.findFirstOrThrow({ where: { name: 'warehouse' } });
    expect(stored.tokenHash).toBe(hashKpiToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(
      await file.db.prisma.auditEvent.count({ where: { action: 'kpi_token.created', objectId: stored.id } }),
    ).toBe(1);

    const body = {
      samples: [
        { kpi: 'stockout_rate', period: '2025-02-01', value: 0.9 },
        { kpi: 'GMV', period: '2025-02-01', value: 1_200_000, note: 'from the ERP' },
      ],
    };
    const first = await post(token, body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ written: 2, unchanged: 0 });
    const again = await post(token, body);
    expect(await again.json()).toEqual({ written: 0, unchanged: 2 });
    const single = await post(token, { kpi: 'stockout_rate', period: '2025-02-01', value: 1.1 });
    expect(await single.json()).toEqual({ written: 1, unchanged: 0 });
    const sample = await file.db.prisma.kpiSample.findFirstOrThrow({
      where: { period: '2025-02-01', kpi: { key: 'stockout_rate' } },
      include: { changes: { orderBy: { at: 'asc' } } },
    });
    expect(sample.value).toBe(1.1);
    expect(sample.changes.map((c) => [c.previousValue, c.value, c.source, c.apiTokenId])).toEqual([
      [null, 0.9, 'api', stored.id],
      [0.9, 1.1, 'api', stored.id],
    ]);
  });

  it('answers 400 naming each bad sample, writing none of the request', async () => {
    const token = await createToken('bad-input');
    const response = await post(token, {
      samples: [
        { kpi: 'gmv', period: '2025-03-01', value: 5 },
        { kpi: 'nope', period: '2025-03-01', value: 1 },
        { kpi: 'gmv', period: '2025-03-01 10:00', value: 1 },
        { kpi: 'gmv', period: '2025-03-02', value: '12' },
      ],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { problems: { index: number; path: string; message: string }[] };
    expect(body.problems).toEqual([{ index: 3, path: 'value', message: expect.stringContaining('number') }]);
    const second = await post(token, {
      samples: [
        { kpi: 'gmv', period: '2025-03-01', value: 5 },
        { kpi: 'nope', period: '2025-03-01', value: 1 },
        { kpi: 'gmv', period: '2025-03-01 10:00', value: 1 },
      ],
    });
    expect(((await second.json()) as { problems: unknown[] }).problems).toEqual([
      { index: 1, path: 'kpi', message: 'no KPI "nope" in this workspace' },
      { index: 2, path: 'period', message: '"2025-03-01 10:00" is not a day (YYYY-MM-DD)' },
    ]);
    expect((await post(token, undefined, '{not json')).status).toBe(400);
    expect(await file.db.prisma.kpiSample.count({ where: { period: '2025-03-01' } })).toBe(0);
  });

  it('answers 401 without a valid token, after revocation too; 413 over the size; admins only manage tokens', async () => {
    expect((await post(undefined, { kpi: 'gmv', period: '2025-04-01', value: 1 })).status).toBe(401);
    expect((await post('lkpi_made-up', { kpi: 'gmv', period: '2025-04-01', value: 1 })).status).toBe(401);
    const token = await createToken('short-lived');
    const big = JSON.stringify({
      samples: [{ kpi: 'gmv', period: '2025-04-01', value: 1, note: 'x'.repeat(400) }],
    }).padEnd(1_100_000, ' ');
    expect((await post(token, undefined, big)).status).toBe(413);

    const member = await kpiAs(file.liaison, 'U0DEMOSAM', 'token create mine');
    expect(allText(member)).toContain('Only Liaison admins');
    const revoked = await kpiAs(file.liaison, 'U0DEMOLIN', 'token revoke short-lived');
    expect(revoked.text).toContain('已撤销令牌 *short-lived*');
    expect((await post(token, { kpi: 'gmv', period: '2025-04-01', value: 1 })).status).toBe(401);
    const list = await kpiAs(file.liaison, 'U0DEMOLIN', 'token list');
    expect(list.text).toMatch(/\*short-lived\* `lkpi_[\w-]{4}…` — 创建于 .* · 已于 .* 撤销/);
  });
});

describe('the per-token rate', () => {
  it('lets a burst through, then answers with the seconds to wait until the bucket refills', () => {
    let now = 0;
    const limited = rateLimiter({ now: () => new Date(now) });
    const answers = Array.from({ length: API_BURST + 1 }, () => limited('a'));
    expect(answers.slice(0, API_BURST).every((a) => a === null)).toBe(true);
    expect(answers[API_BURST]).toBe(1);
    expect(limited('b')).toBeNull();
    now += 1000 / API_RATE_PER_SECOND;
    expect(limited('a')).toBeNull();
    expect(limited('a')).toBe(1);
  });
});
