// The baseline: a bare Bolt app on Bolt's own HTTPReceiver answering `/liaison` with the
// same work pattern as Liaison's help (ack, then one ephemeral reply through the
// response_url), with no database and no services. Same stand-in, same protocol.
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { startSlackStandIn } from '../../src/console/slack-stand-in/index.js';
import { BENCH_SIGNING_SECRET } from '../lib/protocol.js';
import { createSlots, DEMO_SLACK_USERS, requestedSlots, send, serveProtocol } from './child.js';

const count = requestedSlots(process.argv);
const standIn = await startSlackStandIn({ users: DEMO_SLACK_USERS });
const receiver = new HTTPReceiver({ signingSecret: BENCH_SIGNING_SECRET, logLevel: LogLevel.ERROR });
const app = new App({
  signingSecret: BENCH_SIGNING_SECRET,
  token: standIn.botToken,
  receiver,
  botId: standIn.botId,
  botUserId: standIn.botUserId,
  tokenVerificationEnabled: false,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: standIn.url },
});
app.command('/liaison', async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: 'ephemeral', text: 'help' });
});
// Liaison's receiver listens on every interface with `listen(port)`; the generator only
// ever connects to 127.0.0.1, so binding the baseline to loopback changes nothing measured.
const server = await receiver.start({ port: 0, host: '127.0.0.1' });
const address = server.address();
if (address === null || typeof address === 'string') throw new Error('the receiver has no TCP port');

const userIds = DEMO_SLACK_USERS.map((user) => user.id);
serveProtocol(standIn, async () => {
  await app.stop();
  await standIn.close();
});
send({
  type: 'ready',
  target: 'bare',
  port: address.port,
  teamId: standIn.teamId,
  teamDomain: standIn.teamDomain,
  appId: standIn.appId,
  slots: createSlots(standIn, count, userIds),
  userIds,
  node: process.version,
  pid: process.pid,
});
