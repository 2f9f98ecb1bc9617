import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * For `BENCH_PROMOTION_PROFILE=<file>`: V8's sampling heap profiler, counting only objects
 * that outlived the young generation (kept, or collected by a full GC). Objects that die
 * young cost a scavenge; these cost the old generation's growth and so the full GCs that
 * stall the event loop. Written as a `.heapprofile` (Chrome DevTools) when the process stops.
 */
export function startPromotionProfile(file: string) {
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: false,
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
