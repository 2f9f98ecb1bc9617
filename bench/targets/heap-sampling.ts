import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * V8's sampling heap profiler from now until the process stops, written as a `.heapprofile`
 * (Chrome DevTools). `promoted` (`BENCH_PROMOTION_PROFILE=<file>`) counts only objects that
 * outlived the young generation (kept, or collected by a full GC): objects that die young
 * cost a scavenge, these grow the old generation and so bring the full GCs that stall the
 * event loop. `all` (`BENCH_ALLOCATION_PROFILE=<file>`) counts every allocation.
 */
export function startHeapSampling(file: string, objects: 'promoted' | 'all') {
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: objects === 'all',
  } as object);
  return {
    flush(): Promise<void> {
      return new Promise((resolve) => {
        session.post('HeapProfiler.stopSampling', (error, result) => {
          if (!error) writeFileSync(file, JSON.stringify(result.profile));
          session.disconnect();
          resolve();
        });
      });
    },
  };
}
