/** The boundaries of a grouping as a map level: comuni merged per group in a worker, in the binary format of src/core/geometry/binary.ts. */
import type { Grouping } from '../core/userData';
import type { BinaryBoundaries } from '../core/geometry/binary';
import BoundariesWorker from './boundaries.worker.ts?worker';
import { GEO_FILES } from './geo';

export async function groupingBoundaries(grouping: Grouping, base = './'): Promise<BinaryBoundaries> {
  const url = base + GEO_FILES.comune;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: could not be downloaded (HTTP ${res.status})`);
  const bytes = await res.arrayBuffer();
  return new Promise((resolve, reject) => {
    const w = new BoundariesWorker();
    w.onmessage = (e: MessageEvent<{ ok: boolean; binary?: BinaryBoundaries; error?: string }>) => {
      w.terminate();
      if (e.data.ok && e.data.binary) resolve(e.data.binary);
      else reject(new Error(e.data.error ?? 'group boundaries could not be built'));
    };
    w.onerror = (e) => {
      w.terminate();
      reject(new Error(e.message));
    };
    w.postMessage({ bytes, members: [...grouping.members], names: [...grouping.names] }, [bytes]);
  });
}
