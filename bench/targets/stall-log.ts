import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';

/** Per thread: name, the kernel's run time and run-queue wait (ns) and timeslices (/proc schedstat); Linux only. */
function schedStats(): string {
  try {
    return readdirSync('/proc/self/task')
      .map((tid) => {
        const name = readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim().replaceAll(' ', '_');
        const [run, wait, slices] = readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8')
          .trim()
          .split(' ');
        return `${tid}:${name}:${run}:${wait}:${slices}`;
      })
      .join(' ');
  } catch {
    return '';
  }
}

/**
 * A timeline of what held this process's event loop, for `BENCH_STALL_LOG=<file>`: every
 * gap of a 2 ms timer longer than `BENCH_STALL_MS` (8), every garbage collection longer than
 * `BENCH_STALL_GC_MS` (2), every SQL statement (first 80 characters), and at each of the
 * generator's `count` marks the kernel's CPU and run-queue wait per thread. Times are since
 * the process started, or since the epoch with `BENCH_STALL_EPOCH=1` (to line them up with the
 * generator's `BENCH_SAMPLES_FILE`); the first line maps the epoch to the monotonic clock that
 * `--cpu-prof` timestamps count. Written to the file when the process stops. A diagnostic: it
 * costs a timer firing every 2 ms.
 */
export function startStallLog(file: string) {
  const thresholdMs = Number(process.env.BENCH_STALL_MS ?? 8);
  const gcThresholdMs = Number(process.env.BENCH_STALL_GC_MS ?? 2);
  const t0 = process.env.BENCH_STALL_EPOCH === '1' ? -performance.timeOrigin : performance.now();
  const lines: string[] = [
    `clock epoch-ms ${performance.timeOrigin + performance.now()} monotonic-ns ${process.hrtime.bigint()}`,
  ];
  const at = () => (performance.now() - t0).toFixed(1).padStart(9);
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const gap = now - last - 2;
    if (gap > thresholdMs) lines.push(`${at()} stall ${gap.toFixed(1)} ms`);
    last = now;
  }, 2);
  timer.unref();
  const gcKinds: Record<number, string> = {
    1: 'scavenge',
    2: 'minor-ms',
    4: 'mark-compact',
    8: 'incremental',
    16: 'weak-cb',
  };
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.duration < gcThresholdMs) continue;
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
      lines.push(
        `${(entry.startTime - t0).toFixed(1).padStart(9)} gc ${gcKinds[kind] ?? kind} ${entry.duration.toFixed(1)} ms`,
      );
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  return {
    statement(sql: string) {
      lines.push(`${at()} sql ${sql.replace(/\s+/g, ' ').slice(0, 80)}`);
    },
    mark(text: string) {
      lines.push(`${at()} mark ${text} ${schedStats()}`);
    },
    flush() {
      writeFileSync(file, `${lines.join('\n')}\n`);
    },
  };
}
