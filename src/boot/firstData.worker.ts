/// <reference lib="webworker" />
/**
 * The first picture's data, read off the main thread: the territory hierarchy and the rows of the
 * indicator on the map (the same range requests and columns as DataStore phase 1), sent back as plain
 * rows. Started by the boot script for the province and comune views (src/boot/firstData.ts). It then stays for
 * what DataStore reads next (src/state/tableParts.ts): the territories' names, then the indicators file's values
 * and numerators, read with the footers it already has (the indicators' handed over as buffers).
 */
import { openRemoteParquet, readRemote, rowRangesFor, type RemoteParquet } from '../db/remoteParquet';
import { MAP_INDICATOR_COLUMNS, MAP_TERRITORY_COLUMNS } from '../contract';
import { serve, withTransfer } from '../io/worker';
import type { FirstData } from '../io/firstData';
import { buffersOf, readIndicatorPart, readNames, type ReadPart, type TablePart } from '../state/tableParts';

export type FirstDataRequest =
  { territories: string; indicators: string; indicator: string } | { url: string; part: TablePart };

const files = new Map<string, Promise<RemoteParquet>>();
const open = (url: string) => {
  let f = files.get(url);
  if (!f) files.set(url, (f = openRemoteParquet(url)));
  return f;
};

serve<FirstDataRequest, FirstData | ReadPart>(async (req) => {
  if ('part' in req) {
    const file = await open(req.url);
    const out = req.part === 'names' ? await readNames(file) : await readIndicatorPart(file, req.part);
    return withTransfer(out, buffersOf(out));
  }
  const { territories, indicators, indicator } = req;
  const [terr, rows] = await Promise.all([
    open(territories).then((f) => readRemote(f, MAP_TERRITORY_COLUMNS)),
    open(indicators).then((f) =>
      readRemote(f, MAP_INDICATOR_COLUMNS, rowRangesFor(f.metadata, 'indicator', indicator)),
    ),
  ]);
  return { indicator, territories: terr, rows: rows.filter((r) => r.indicator === indicator) };
});
