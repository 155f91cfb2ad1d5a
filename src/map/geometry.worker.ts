/// <reference lib="webworker" />
/** Decode a TopoJSON file and triangulate it off the main thread. */
import { topoToFeatures } from './geo';
import { toBinary, transferables } from './binary';
import type { Topology } from 'topojson-specification';

self.onmessage = (e: MessageEvent<{ url: string; bytes: ArrayBuffer }>) => {
  const { url, bytes } = e.data;
  try {
    const fc = topoToFeatures(JSON.parse(new TextDecoder().decode(bytes)) as Topology, url);
    const b = toBinary(fc.features);
    (self as unknown as Worker).postMessage({ ok: true, binary: b }, transferables(b));
  } catch (err) {
    (self as unknown as Worker).postMessage({ ok: false, error: (err as Error).message });
  }
};
