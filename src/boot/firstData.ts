/**
 * For the province and comune views, the boot script (main.ts) reads the map's first data in a worker
 * while the app's JavaScript loads and mounts (the main thread has enough to do). DataStore takes the
 * result once (`takeFirstData`); if the worker fails, DataStore reads the files itself and reports any
 * error as usual. The region view does without: its data is small and read after its first picture.
 */
import FirstDataWorker from './firstData.worker.ts?worker';
import { decodeView } from '../state/url';

export interface FirstData {
  indicator: string;
  territories: Record<string, unknown>[];
  rows: Record<string, unknown>[];
}

let pending: { indicator: string; data: Promise<FirstData> } | null = null;

export function startFirstData(search: string, base: string): void {
  const v = decodeView(search);
  if (v.level === 'region') return;
  const abs = (f: string) => new URL(base + f, location.href).href;
  const w = new FirstDataWorker();
  const data = new Promise<FirstData>((resolve, reject) => {
    w.onmessage = (e: MessageEvent<{ ok: boolean; error?: string } & FirstData>) => {
      w.terminate();
      if (e.data.ok) resolve(e.data);
      else reject(new Error(e.data.error ?? 'first data: could not be read'));
    };
    w.onerror = (e) => {
      w.terminate();
      reject(new Error(e.message || 'first data: the worker failed'));
    };
  });
  // handled by whoever takes it; never an unhandled rejection meanwhile
  data.catch(() => {});
  w.postMessage({
    territories: abs('data/territories.parquet'),
    indicators: abs('data/indicators.parquet'),
    indicator: v.indicator,
  });
  pending = { indicator: v.indicator, data };
}

/** The data read at boot for this indicator, if any (once). */
export function takeFirstData(indicator: string): Promise<FirstData> | null {
  const p = pending;
  pending = null;
  return p && p.indicator === indicator ? p.data : null;
}
