import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeSlackClient, type SlackStandIn, startFakeSlack } from '../harness/fake-slack.js';

let slack: SlackStandIn;

beforeAll(async () => {
  slack = await startFakeSlack({ users: [{ id: 'U1ALICE' }] });
});
afterAll(() => slack.close());
beforeEach(() => slack.reset());

async function rawCall(method: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`${slack.url}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${slack.botToken}` },
    body: JSON.stringify(args),
  });
  return (await response.json()) as Record<string, unknown>;
}

describe('files.uploadV2 against a real WebClient', () => {
  it('uploads several files and shares them as one message with the comment in a DM', async () => {
    const client = fakeSlackClient(slack);
    const dm = (await client.conversations.open({ users: 'U1ALICE' })).channel?.id ?? '';
    const result = await client.filesUploadV2({
      channel_id: dm,
      initial_comment: 'Your export',
      file_uploads: [
        { content: 'a,b\r\n1,2\r\n', filename: 'one.csv', title: 'One' },
        { content: '{"中文":"名字"}', filename: 'two.json' },
      ],
    });
    expect(result.ok).toBe(true);
    expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(2);
    expect(slack.callsTo('upload_url').map((call) => call.status)).toEqual([200, 200]);
    const complete = slack.callsTo('files.completeUploadExternal');
    expect(complete).toHaveLength(1);
    expect(complete[0]?.args).toMatchObject({ channel_id: dm, initial_comment: 'Your export' });

    const [message, ...others] = slack.messages(dm);
    expect(others).toEqual([]);
    expect(message?.text).toBe('Your export');
    expect(((message?.files ?? []) as { name: string }[]).map((file) => file.name)).toEqual([
      'one.csv',
      'two.json',
    ]);
    const files = slack.uploadedFiles(dm);
    expect(files.map((file) => [file.name, file.title, file.content])).toEqual([
      ['one.csv', 'One', 'a,b\r\n1,2\r\n'],
      ['two.json', 'two.json', '{"中文":"名字"}'],
    ]);
    expect(files[1]?.size).toBe(Buffer.byteLength('{"中文":"名字"}'));
  });

  it('answers like Slack when arguments are missing or wrong', async () => {
    expect(await rawCall('files.getUploadURLExternal', { length: 3 })).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
    });
    expect(await rawCall('files.getUploadURLExternal', { filename: 'x.txt', length: 0 })).toMatchObject({
      ok: false,
      error: 'missing_argument',
    });
    expect(await rawCall('files.completeUploadExternal', {})).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
    });
    // Reserved but never uploaded: nothing to share.
    const reserved = await rawCall('files.getUploadURLExternal', { filename: 'x.txt', length: 3 });
    expect(
      await rawCall('files.completeUploadExternal', { files: [{ id: reserved.file_id }] }),
    ).toMatchObject({
      ok: false,
      error: 'file_not_found',
    });
    const upload = await fetch(String(reserved.upload_url), { method: 'POST', body: 'abc' });
    expect(await upload.text()).toBe('OK - 3');
    expect(
      await rawCall('files.completeUploadExternal', {
        files: [{ id: reserved.file_id }],
        channel_id: 'C0NOPE',
      }),
    ).toMatchObject({ ok: false, error: 'channel_not_found' });
    // Without a channel the file is uploaded but private: no message anywhere.
    expect(
      await rawCall('files.completeUploadExternal', { files: [{ id: reserved.file_id }] }),
    ).toMatchObject({
      ok: true,
      files: [{ id: reserved.file_id, title: 'x.txt' }],
    });
    expect(slack.messages('C0GENERAL')).toEqual([]);
    expect(slack.uploadedFiles().map((file) => file.content)).toEqual(['abc']);
    expect((await fetch(`${slack.origin}/upload/v1/unknown`, { method: 'POST', body: 'x' })).status).toBe(
      404,
    );
  });
});
