/**
 * For the province and comune views, the boot script (main.ts) reads the map's first data in a worker
 * while the app's JavaScript loads and mounts (the main thread has enough to do). DataStore takes the
 * result once (src/io/firstData.ts); if the worker fails, DataStore reads the files itself and reports any
 * error as usual. The same worker then reads the names and the indicators file's two parts for DataStore and stops
 * when DataStore says it is done. The region view does without: its data is small and read after its first picture.
 */
import FirstDataWorker from './firstData.worker.ts?worker';
import { decodeView } from '../state/url';
import { WorkerClient } from '../io/worker';
import { offerFirstData, type FirstData } from '../io/firstData';
import { INDICATORS_FILE, TERRITORIES_FILE } from '../contract/firstPicture';
import type { FirstDataRequest } from './firstData.worker';
import type { ReadPart, TablePart } from '../state/tableParts';

export function startFirstData(search: string, base: string): void {
  const v = decodeView(search);
  if (v.level === 'region') return;
  const abs = (f: string) => new URL(base + f, location.href).href;
  const client = new WorkerClient<FirstDataRequest, FirstData | ReadPart>(() => new FirstDataWorker(), 'first data');
  const data = client.request({
    territories: abs(TERRITORIES_FILE),
    indicators: abs(INDICATORS_FILE),
    indicator: v.indicator,
  }) as Promise<FirstData>;
  offerFirstData(v.indicator, data, {
    read: (part) =>
      client.request({ url: abs(part === 'names' ? TERRITORIES_FILE : INDICATORS_FILE), part: part as TablePart }),
    done: () => client.terminate(),
  });
}
