// The baseline: a bare Bolt app on Bolt's own HTTPReceiver answering `/liaison`, with no
// database and no services. As the issue defines it, it acknowledges with an inline reply
// (`ack({ text })`: Slack shows an ack's body as the ephemeral answer); BENCH_BARE_REPLY=same
// acknowledges with the very message Liaison answers (BENCH_BARE_MESSAGE, JSON), so that the
// two differ only in what runs, not in the bytes sent; BENCH_BARE_REPLY=response_url gives the
// pattern this bench used before (ack, then one ephemeral reply through the response_url).
// Same protocol, and its stand-in in a process of its own.
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { BENCH_SIGNING_SECRET } from '../lib/protocol.js';
import { DEMO_SLACK_USERS, requestedSlots, send, serveProtocol } from './child.js';
import { startHeapSampling } from './heap-sampling.js';
import { startStallLog } from './stall-log.js';
import { startStandInProcess } from './stand-in-link.js';

const count = requestedSlots(process.argv);
const replyMode = process.env.BENCH_BARE_REPLY ?? 'inline';
if (replyMode !== 'inline' && replyMode !== 'same' && replyMode !== 'response_url') {
  throw new Error(`BENCH_BARE_REPLY must be inline, same or response_url, got "${replyMode}"`);
}
// `same`: Liaison's own answer (JSON, from the bench), acknowledged as an object as a bare
// Bolt app would build and send it.
const sameMessage =
  replyMode === 'same' ? (JSON.parse(process.env.BENCH_BARE_MESSAGE ?? 'null') as object | null) : null;
if (replyMode === 'same' && !sameMessage) throw new Error('BENCH_BARE_REPLY=same needs BENCH_BARE_MESSAGE');
const standIn = await startStandInProcess(count);
const slack = standIn.ready;
const receiver = new HTTPReceiver({ signingSecret: BENCH_SIGNING_SECRET, logLevel: LogLevel.ERROR });
const app = new App({
  signingSecret: BENCH_SIGNING_SECRET,
  token: slack.botToken,
  receiver,
  botId: slack.botId,
  botUserId: slack.botUserId,
  tokenVerificationEnabled: false,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: slack.url },
});
if (replyMode === 'inline') {
  app.command('/liaison', async ({ ack }) => {
    await ack({ response_type: 'ephemeral', text: 'help' });
  });
} else if (sameMessage) {
  app.command('/liaison', async ({ ack }) => {
    await ack(sameMessage);
  });
} else {
  app.command('/liaison', async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: 'help' });
  });
}
// Liaison's receiver listens on every interface with `listen(port)`; the generator only
// ever connects to 127.0.0.1, so binding the baseline to loopback changes nothing measured.
const server = await receiver.start({ port: 0, host: '127.0.0.1' });
const address = server.address();
if (address === null || typeof address === 'string') throw new Error('the receiver has no TCP port');

// The same diagnostic timeline as Liaison's target (BENCH_STALL_LOG) and allocation profile
// (BENCH_ALLOCATION_PROFILE), with `.bare` appended to the file name.
const heapSampling = process.env.BENCH_ALLOCATION_PROFILE
  ? startHeapSampling(`${process.env.BENCH_ALLOCATION_PROFILE}.bare`, 'all')
  : undefined;
const stallLog = process.env.BENCH_STALL_LOG
  ? startStallLog(`${process.env.BENCH_STALL_LOG}.bare`)
  : undefined;
serveProtocol(
  standIn,
  async () => {
    stallLog?.flush();
    await heapSampling?.flush();
    await app.stop();
    await standIn.close();
  },
  { onCount: () => stallLog?.mark('count') },
);
send({
  type: 'ready',
  target: `bare (${replyMode === 'inline' ? 'inline reply in the ack' : replyMode === 'same' ? "Liaison's answer in the ack" : 'ack, then response_url'})`,
  port: address.port,
  teamId: slack.teamId,
  teamDomain: slack.teamDomain,
  appId: slack.appId,
  slots: slack.slots,
  userIds: DEMO_SLACK_USERS.map((user) => user.id),
  node: process.version,
  pid: process.pid,
});
