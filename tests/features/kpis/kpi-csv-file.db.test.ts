import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { KPI_BLOCKS } from '../../../src/features/kpis/kpis.ids.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { liaisonForThisFile } from '../../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });

/** The DM between a person and Liaison, as conversations.open gives it. */
async function dmWith(userId: string): Promise<string> {
  const { slack } = file.liaison;
  const client = new WebClient(slack.botToken, { slackApiUrl: slack.url });
  const opened = await client.conversations.open({ users: userId });
  if (!opened.channel?.id) throw new Error('no DM');
  return opened.channel.id;
}

/**
 * The person shares a CSV file in their DM with Liaison: the message.im event Slack sends
 * (subtype file_share, the file object with its url_private_download), then Liaison's answer.
 */
async function shareCsv(userId: string, content: string, filename = 'kpis.csv') {
  const { slack, driver } = file.liaison;
  const channel = await dmWith(userId);
  const shared = slack.shareFileAsUser({ userId, channelId: channel, filename, content });
  const before = slack.messages(channel).length;
  await driver.event({
    event: {
      type: 'message',
      subtype: 'file_share',
      channel,
      channel_type: 'im',
      user: userId,
      text: '',
      ts: `${Date.now() / 1000}`,
      upload: false,
      files: [shared],
    },
  });
  await slack.waitForCall('chat.postMessage', () => slack.messages(channel).length > before, 15_000);
  const reply = slack.messages(channel).at(-1);
  if (!reply) throw new Error('no reply');
  return reply as { text: string; blocks?: unknown[] };
}

const CSV = [
  'kpi,period,value,note',
  'stockout_rate,2024-03-01,0.8,from the warehouse file',
  'stockout_rate,2024-03-02,0.9',
  'nope,2024-03-02,1',
  'stockout_rate,2024-03-33,1',
].join('\r\n');

describe('a KPI CSV shared as a file in a DM with Liaison', () => {
  it('imports it with the bot token, lists each rejected row with its reason, and changes nothing the second time', async () => {
    const first = await shareCsv('U0DEMOZHANG', `\uFEFF${CSV}`);
    expect(textOf(blockById(first.blocks, KPI_BLOCKS.importSummary))).toBe(
      '*KPI 导入* — 写入 2 条，0 条数值未变，拒绝 2 条。',
    );
    expect(textOf(blockById(first.blocks, KPI_BLOCKS.importRejected)).split('\n')).toEqual([
      '• 第 4 行：没有 KPI“nope”',
      '• 第 5 行：周期“2024-03-33”应写成 YYYY-MM-DD',
    ]);
    const stored = await file.db.prisma.kpiSample.findMany({
      where: { kpi: { key: 'stockout_rate' }, period: { startsWith: '2024-03' } },
      orderBy: { period: 'asc' },
      select: { period: true, value: true, note: true },
    });
    expect(stored).toEqual([
      { period: '2024-03-01', value: 0.8, note: 'from the warehouse file' },
      { period: '2024-03-02', value: 0.9, note: null },
    ]);
    // Downloaded with the bot token, as Slack requires for url_private.
    const download = file.liaison.slack.calls().find((call) => call.method === 'files_pri');
    expect(download?.token).toBe(file.liaison.slack.botToken);
    const changes = await file.db.prisma.kpiSampleChange.count({ where: { source: 'csv' } });

    const again = await shareCsv('U0DEMOZHANG', CSV);
    expect(textOf(blockById(again.blocks, KPI_BLOCKS.importSummary))).toBe(
      '*KPI 导入* — 写入 0 条，2 条数值未变，拒绝 2 条。',
    );
    expect(await file.db.prisma.kpiSampleChange.count({ where: { source: 'csv' } })).toBe(changes);
  });

  it('says so, in the person’s language, when the file is too large or holds nothing', async () => {
    const big = `kpi,period,value\n${'gmv,2024-01-01,1\n'.repeat(40_000)}`;
    expect((await shareCsv('U0DEMOALEX', big)).text).toBe(
      'That file is larger than 512 KB. Nothing was imported.',
    );
    expect((await shareCsv('U0DEMOALEX', 'kpi,period,value\n')).text).toBe(
      'Paste at least one line. Nothing was imported.',
    );
  });

  it('ignores files that are not CSV', async () => {
    const { slack, driver } = file.liaison;
    const channel = await dmWith('U0DEMOALEX');
    const before = slack.messages(channel).length;
    const shared = slack.shareFileAsUser({
      userId: 'U0DEMOALEX',
      channelId: channel,
      filename: 'notes.txt',
      content: 'hi',
    });
    const response = await driver.event({
      event: {
        type: 'message',
        subtype: 'file_share',
        channel,
        channel_type: 'im',
        user: 'U0DEMOALEX',
        text: '',
        ts: '1.2',
        files: [shared],
      },
    });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(slack.messages(channel).length).toBe(before);
  });
});
