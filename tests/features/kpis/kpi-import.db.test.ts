import { describe, expect, it } from 'vitest';
import { KPI_BLOCKS, KPI_FIELDS } from '../../../src/features/kpis/kpis.ids.js';
import { COMMANDS } from '../../../src/slack/ids.js';
import { liaisonForThisFile } from '../../harness/liaison-under-test.js';
import { plainText } from './kpi-test-helpers.js';

const file = liaisonForThisFile({ seedDemo: true });

/** Opens `/kpi import` and submits the CSV: the modal's error, or the DM's blocks. */
async function importAs(userId: string, csv: string) {
  const { liaison } = file;
  liaison.slack.clearCalls();
  await liaison.driver.slashCommand({
    command: COMMANDS.kpi,
    text: 'import',
    userId,
    channelId: 'C0GENERAL',
  });
  await liaison.slack.waitForCall('views.open');
  const modal = liaison.slack.currentModal(userId);
  if (!modal) throw new Error('no modal');
  liaison.slack.clearCalls();
  const response = await liaison.driver.viewSubmission({
    userId,
    view: modal,
    values: { [KPI_FIELDS.csv]: plainText(csv) },
  });
  const ack = response.json as { response_action?: string; errors?: Record<string, string> } | undefined;
  if (ack?.response_action === 'errors') return { error: ack.errors?.[KPI_FIELDS.csv], dm: undefined };
  const dm = await liaison.slack.waitForCall('chat.postMessage', (call) => call.args.channel === userId);
  const blocks = dm.args.blocks as { block_id: string; text: { text: string } }[];
  const text = (id: string) => blocks.find((b) => b.block_id === id)?.text.text ?? '';
  return {
    error: undefined,
    dm: { summary: text(KPI_BLOCKS.importSummary), rejected: text(KPI_BLOCKS.importRejected) },
  };
}

const CSV = [
  'kpi,period,value,note',
  'stockout_rate,2025-01-01,0.7,',
  'stockout_rate,2025-01-02,"1,2",quoted comma in value',
  'nope,2025-01-02,1',
  'stockout_rate,2025-01-32,1',
  'stockout_rate,2025-01-03,lots',
  'complaint_rate,2025-01-03,0.4',
  'stockout_rate,2025-01-04',
].join('\n');

describe('/kpi import', () => {
  it('writes the good rows, lists each rejected row with its reason, and changes nothing when run again', async () => {
    const first = await importAs('U0DEMOZHANG', CSV);
    expect(first.dm?.summary).toBe('*KPI 导入* — 写入 2 条，0 条数值未变，拒绝 5 条。');
    expect(first.dm?.rejected.split('\n')).toEqual([
      '• 第 4 行：没有 KPI“nope”',
      '• 第 5 行：周期“2025-01-32”应写成 YYYY-MM-DD',
      '• 第 6 行：数值“lots”不是数字',
      '• 第 7 行：你无权录入 complaint_rate 的数值',
      '• 第 8 行：应为 kpi,period,value[,note]',
    ]);
    const stored = await file.db.prisma.kpiSample.findMany({
      where: { kpi: { key: 'stockout_rate' }, period: { startsWith: '2025-01-0' } },
      orderBy: { period: 'asc' },
      select: { period: true, value: true, note: true },
    });
    expect(stored).toEqual([
      { period: '2025-01-01', value: 0.7, note: null },
      { period: '2025-01-02', value: 12, note: 'quoted comma in value' },
    ]);
    const changes = await file.db.prisma.kpiSampleChange.count({ where: { source: 'csv' } });

    const again = await importAs('U0DEMOZHANG', CSV);
    expect(again.dm?.summary).toBe('*KPI 导入* — 写入 0 条，2 条数值未变，拒绝 5 条。');
    expect(await file.db.prisma.kpiSampleChange.count({ where: { source: 'csv' } })).toBe(changes);
  });

  it('keeps the modal open with the reason when the text cannot be read at all', async () => {
    expect((await importAs('U0DEMOALEX', 'kpi,period,value\n')).error).toBe(
      'Paste at least one line. Nothing was imported.',
    );
    expect((await importAs('U0DEMOALEX', 'gmv,2026-10-01,"12\n')).error).toBe(
      'Line 1: a quote is opened and never closed. Nothing was imported.',
    );
  });
});
