// What was happening in a target while its slow requests were in flight: lines up the
// generator's samples (`BENCH_SAMPLES_FILE`) with each target's timeline (`BENCH_STALL_LOG`
// with `BENCH_STALL_EPOCH=1`; bare Bolt's is the same file name with `.bare`). Per target and
// round: how many requests were slower than the threshold, and for each whether a GC of the
// main isolate, an event-loop stall without a GC, or nothing seen in the process overlapped
// it; the round's GCs; and the main thread's CPU and run-queue wait (schedstat).
// Usage: npx tsx bench/slow-requests.ts <samples.jsonl> <stall-log> [thresholdMs=5]
import { readFileSync } from 'node:fs';

interface Sample {
  target: string;
  condition: string;
  round: number;
  sent: number;
  latency: number;
}
interface Span {
  from: number;
  to: number;
  what: string;
}

const [samplesFile, stallLog, thresholdArg] = process.argv.slice(2);
if (!samplesFile || !stallLog)
  throw new Error('usage: slow-requests.ts <samples.jsonl> <stall-log> [thresholdMs]');
const threshold = Number(thresholdArg ?? 5);

const samples = readFileSync(samplesFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Sample);

/** GCs and stalls as spans of time, and the schedstat of the main thread at each mark. */
function readTimeline(file: string): {
  spans: Span[];
  marks: { at: number; runMs: number; waitMs: number }[];
} {
  const spans: Span[] = [];
  const marks: { at: number; runMs: number; waitMs: number }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [atText, kind, ...rest] = line.trim().split(/\s+/);
    const at = Number(atText);
    if (!Number.isFinite(at)) continue;
    if (kind === 'gc') spans.push({ from: at, to: at + Number(rest[1]), what: `gc ${rest[0]}` });
    else if (kind === 'stall') spans.push({ from: at - Number(rest[0]) - 2, to: at, what: 'stall' });
    else if (kind === 'mark') {
      // The first thread listed is the main thread: tid:name:runNs:waitNs:slices.
      const [, , run, wait] = (rest[1] ?? '').split(':');
      marks.push({ at, runMs: Number(run) / 1e6, waitMs: Number(wait) / 1e6 });
    }
  }
  return { spans, marks };
}

const timelines = new Map([
  ['liaison', readTimeline(stallLog)],
  ['bare', readTimeline(`${stallLog}.bare`)],
]);

const rounds = [...new Set(samples.map((sample) => `${sample.target}|${sample.condition}|${sample.round}`))];
for (const key of rounds) {
  const [target, condition, round] = key.split('|');
  const timeline = timelines.get(target ?? '');
  if (!timeline || condition === 'prime') continue;
  const mine = samples.filter((sample) => `${sample.target}|${sample.condition}|${sample.round}` === key);
  const from = Math.min(...mine.map((sample) => sample.sent));
  const to = Math.max(...mine.map((sample) => sample.sent + sample.latency));
  const causes = new Map<string, number>();
  for (const sample of mine.filter((candidate) => candidate.latency > threshold)) {
    const end = sample.sent + sample.latency;
    const overlapping = timeline.spans.filter((span) => span.from < end && span.to > sample.sent);
    const gcs = [...new Set(overlapping.filter((span) => span.what !== 'stall').map((span) => span.what))];
    const cause =
      gcs.length > 0 ? gcs.sort().join(' + ') : overlapping.length > 0 ? 'stall, no GC' : 'nothing seen';
    causes.set(cause, (causes.get(cause) ?? 0) + 1);
  }
  const gcs = timeline.spans.filter((span) => span.what !== 'stall' && span.from >= from && span.from <= to);
  const gcSummary = [...new Set(gcs.map((gc) => gc.what))].map((what) => {
    const durations = gcs.filter((gc) => gc.what === what).map((gc) => gc.to - gc.from);
    return `${what} ×${durations.length} (${(durations.reduce((sum, ms) => sum + ms, 0) / durations.length).toFixed(1)} ms mean)`;
  });
  const before = timeline.marks.filter((mark) => mark.at <= from).at(-1);
  const after = timeline.marks.find((mark) => mark.at >= to);
  const sched =
    before && after
      ? `main thread ran ${(after.runMs - before.runMs).toFixed(0)} ms, waited ${(after.waitMs - before.waitMs).toFixed(0)} ms for a CPU`
      : 'no schedstat';
  const slow = [...causes.values()].reduce((sum, count) => sum + count, 0);
  console.log(
    `${target} ${condition} round ${round}: ${slow} of ${mine.length} over ${threshold} ms {${[...causes]
      .map(([cause, count]) => `${cause}: ${count}`)
      .join(', ')}}; ${gcSummary.join(', ') || 'no GC logged'}; ${sched}`,
  );
}
