// The Slack stand-in for bench/directory-sync.bench.ts, in a process of its own so that
// building users.list answers (and remembering every call) neither shares the sync's event
// loop nor counts in its memory. Prints one ready line; answers `report` on stdin; exits
// when stdin closes.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { startSlackStandIn } from '../../src/console/slack-stand-in/index.js';

const MARKER = '@@bench ';
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Melbourne', 'UTC'];

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '10000' },
    'per-minute': { type: 'string', default: '200' },
    burst: { type: 'string', default: '3' },
  },
});
const people = Number(values.people);

const standIn = await startSlackStandIn({
  users: Array.from({ length: people }, (_, i) => {
    const id = `U${String(i).padStart(8, '0')}`;
    return {
      id,
      name: `person${i}`,
      displayName: `person ${i}`,
      realName: `Person ${i}`,
      email: `person.${i}@bench.example`,
      tz: ZONES[i % ZONES.length],
      locale: i % 2 === 0 ? 'zh-CN' : 'en-US',
    };
  }),
  rateLimits: { 'users.list': { perMinute: Number(values['per-minute']), burst: Number(values.burst) } },
});

const send = (message: Record<string, unknown>) =>
  process.stdout.write(`${MARKER}${JSON.stringify(message)}\n`);
send({ type: 'ready', url: standIn.url, botToken: standIn.botToken, rss: process.memoryUsage().rss });

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const command = JSON.parse(line) as { op: string };
  if (command.op === 'report') {
    const calls = standIn.callsTo('users.list');
    send({
      type: 'report',
      calls: calls.length,
      limited: standIn.rateLimitedCount('users.list'),
      limits: calls.filter((call) => call.args.limit !== undefined).map((call) => call.args.limit)[0],
    });
  }
});
lines.on('close', () => {
  void standIn.close().finally(() => process.exit(0));
});
