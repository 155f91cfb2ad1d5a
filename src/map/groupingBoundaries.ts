/** The boundaries of a grouping as a map level: comuni merged per group in a worker, in the binary format of src/core/geometry/binary.ts. */
import type { Grouping } from '../core/userData';
import type { BinaryBoundaries } from '../core/geometry/binary';
import BoundariesWorker from './boundaries.worker.ts?worker';
import type { BoundariesRequest } from './boundaries.worker';
import { WorkerClient } from '../io/worker';
import { GEO_FILES } from './geo';

export async function groupingBoundaries(grouping: Grouping, base = './'): Promise<BinaryBoundaries> {
  const url = base + GEO_FILES.comune;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: could not be downloaded (HTTP ${res.status})`);
  const bytes = await res.arrayBuffer();
  const client = new WorkerClient<BoundariesRequest, BinaryBoundaries>(
    () => new BoundariesWorker(),
    'group boundaries',
  );
  try {
    return await client.request(
      { bytes, members: [...grouping.members], names: [...grouping.names] },
      { transfer: [bytes] },
    );
  } finally {
    client.terminate();
  }
}
