// The Slack stand-in of `bench:fanout` in a process of its own (issue 16): the bench's
// process then runs only Liaison's side (outbox worker, pacing, PGlite), so the makespan
// measures our pacing, not one thread shared with the server enforcing Slack's limits.
// Started by bench/fanout.bench.ts with `fork`; answers its requests over the IPC channel.

import { startSlackStandIn } from '../src/console/slack-stand-in/index.js';
import type { RateLimitRule } from '../src/console/slack-stand-in/types.js';

export type StandInAsk =
  | { op: 'setRateLimit'; method: string; rule: RateLimitRule }
  | { op: 'rateLimited'; methods: string[] }
  | { op: 'messageCounts'; channelIds: (string | null)[] }
  | { op: 'close' };
export type StandInRequest = StandInAsk & { id: number };

export interface StandInReady {
  type: 'ready';
  url: string;
  botToken: string;
}

const people = Number(process.argv[2]);
const slack = await startSlackStandIn({
  users: Array.from({ length: people }, (_, i) => ({ id: `U${String(i).padStart(8, '0')}` })),
});
const send = (message: unknown) => process.send?.(message);
send({ type: 'ready', url: slack.url, botToken: slack.botToken } satisfies StandInReady);

process.on('message', async (request: StandInRequest) => {
  switch (request.op) {
    case 'setRateLimit':
      slack.setRateLimit(request.method, request.rule);
      send({ id: request.id, result: null });
      return;
    case 'rateLimited':
      send({
        id: request.id,
        result: request.methods.reduce((sum, method) => sum + slack.rateLimitedCount(method), 0),
      });
      return;
    case 'messageCounts':
      send({
        id: request.id,
        result: request.channelIds.map((id) => (id ? slack.messages(id).length : 0)),
      });
      return;
    case 'close':
      await slack.close();
      send({ id: request.id, result: null });
      process.disconnect();
      return;
  }
});
