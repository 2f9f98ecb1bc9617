import { writeFileSync } from 'node:fs';
import { type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';

/**
 * A timeline of what held this process's event loop, for `BENCH_STALL_LOG=<file>`: every
 * gap of a 2 ms timer longer than `thresholdMs`, every garbage collection longer than 2 ms,
 * and every SQL statement (first 80 characters), each with its time since start. Written
 * to the file when the process stops. A diagnostic: it costs a timer firing every 2 ms.
 */
export function startStallLog(file: string, thresholdMs = 8) {
  const t0 = performance.now();
  const lines: string[] = [];
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
      if (entry.duration < 2) continue;
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
      lines.push(`${at()} mark ${text}`);
    },
    flush() {
      writeFileSync(file, `${lines.join('\n')}\n`);
    },
  };
}
