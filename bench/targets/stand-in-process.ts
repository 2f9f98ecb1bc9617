// The Slack stand-in of one `bench:ack` target in a process of its own (issue 16), forked
// by the target child (bench/targets/child.ts) and answering it over the IPC channel. The
// target's process then runs only the app under test: parsing, storing and counting the
// replies it posts to its response_urls is this process's CPU, not the target's, as it is
// Slack's in production. Same for both targets.

import { startSlackStandIn } from '../../src/console/slack-stand-in/index.js';
import { createSlots, DEMO_SLACK_USERS } from './directory.js';
import type { StandInAnswer, StandInQuestion, StandInReady } from './stand-in-link.js';

const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count < 1 || count > 100_000) {
  throw new Error(`stand-in: slot count must be an integer in 1..100000, got ${String(process.argv[2])}`);
}
const standIn = await startSlackStandIn({ users: DEMO_SLACK_USERS });
const send = (message: StandInReady | StandInAnswer) => process.send?.(message);

const firstReplyAt: Record<string, number> = {};
let delivered = 0;
let emptyReplies = 0;
standIn.on('ephemeral', ({ kind, message }) => {
  if (kind !== 'posted' || message.source !== 'response_url') return;
  const at = performance.timeOrigin + performance.now();
  delivered += 1;
  if (!message.text && !(message.blocks && message.blocks.length > 0)) emptyReplies += 1;
  firstReplyAt[message.channel] ??= at;
});

// Counted and forgotten at every question: the stand-in keeps every call and reply it saw.
const calls: Record<string, number> = {};
const tallyAndForget = () => {
  for (const call of standIn.calls()) {
    const key = `${call.method} ${call.status}`;
    calls[key] = (calls[key] ?? 0) + 1;
  }
  standIn.clearCalls();
  standIn.clearMessages();
};

process.on('message', async (question: StandInQuestion) => {
  switch (question.op) {
    case 'count': {
      tallyAndForget();
      const cpu = process.cpuUsage();
      send({ id: question.id, op: 'count', delivered, cpuMs: (cpu.user + cpu.system) / 1000 });
      return;
    }
    case 'report':
      tallyAndForget();
      send({ id: question.id, op: 'report', firstReplyAt, emptyReplies, calls });
      return;
    case 'close':
      await standIn.close();
      send({ id: question.id, op: 'closed' });
      process.disconnect();
      return;
  }
});
// The target went away without closing: do not outlive it.
process.on('disconnect', () => process.exit(0));

send({
  type: 'ready',
  url: standIn.url,
  botToken: standIn.botToken,
  botUserId: standIn.botUserId,
  botId: standIn.botId,
  teamId: standIn.teamId,
  teamDomain: standIn.teamDomain,
  appId: standIn.appId,
  slots: createSlots(
    standIn,
    count,
    DEMO_SLACK_USERS.map((user) => user.id),
  ),
});
