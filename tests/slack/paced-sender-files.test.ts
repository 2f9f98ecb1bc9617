import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandIn, startSlackStandIn } from '../../src/console/slack-stand-in/index.js';
import { createPacedSlackSender } from '../../src/slack/delivery/paced-slack-sender.js';
import { SLACK_FLOOR_RATES, scaleRates } from '../../src/slack/delivery/rate-floors.js';
import { createBulkClient } from '../../src/slack/delivery/slack-clients.js';

// A message's files (a digest's charts) follow it into its thread; when they cannot, the
// message stays delivered (posting it again would double it) and the loss is reported.
let slack: SlackStandIn;
beforeAll(async () => {
  slack = await startSlackStandIn({ users: [{ id: 'U0READER' }] });
});
afterAll(() => slack?.close());

const png = Buffer.from('\x89PNG\r\n\x1a\nchart').toString('base64');

function sender(lost: unknown[]) {
  return createPacedSlackSender({
    client: createBulkClient({ token: slack.botToken, apiUrl: slack.url }),
    rates: scaleRates(SLACK_FLOOR_RATES, 20),
    onFilesLost: (detail) => lost.push(detail),
  });
}

describe('a delivered message’s files', () => {
  it('are uploaded into its thread', async () => {
    const lost: unknown[] = [];
    const paced = sender(lost);
    const opened = await paced.openDm('U0READER');
    if (opened.kind !== 'ok') throw new Error('no DM');
    const posted = await paced.post({
      channelId: opened.value.channelId,
      message: { text: 'Digest', files: [{ filename: 'kpi.png', title: 'Stock-out rate', base64: png }] },
      deliveryKey: 'files:1',
    });
    expect(posted.kind).toBe('ok');
    expect(slack.uploadedFiles(opened.value.channelId).map((f) => f.title)).toEqual(['Stock-out rate']);
    expect(lost).toEqual([]);
  });

  it('that cannot be uploaded leave the message delivered and are reported, not retried', async () => {
    const lost: { files: number; error: string }[] = [];
    const paced = sender(lost);
    const opened = await paced.openDm('U0READER');
    if (opened.kind !== 'ok') throw new Error('no DM');
    slack.failNext('files.getUploadURLExternal', { error: 'not_allowed_token_type' });
    const posted = await paced.post({
      channelId: opened.value.channelId,
      message: { text: 'Digest 2', files: [{ filename: 'kpi.png', title: 'Lost chart', base64: png }] },
      deliveryKey: 'files:2',
    });
    expect(posted.kind).toBe('ok');
    expect(slack.messages(opened.value.channelId).map((m) => m.text)).toContain('Digest 2');
    expect(slack.uploadedFiles(opened.value.channelId).map((f) => f.title)).not.toContain('Lost chart');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ files: 1 });
    expect(lost[0]?.error).toContain('not_allowed_token_type');
  });
});
