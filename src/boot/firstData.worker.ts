/// <reference lib="webworker" />
/**
 * The first picture's data, read off the main thread: the territory hierarchy and the rows of the
 * indicator on the map (the same range requests and columns as DataStore phase 1), sent back as plain
 * rows. Started by the boot script for the province and comune views (src/boot/firstData.ts). It then
 * stays for DataStore's phase 2: the indicators file's values, then its numerators (src/state/indicatorParts.ts),
 * read with the footer it already has and handed over as buffers.
 */
import { openRemoteParquet, readRemote, rowRangesFor, type RemoteParquet } from '../db/remoteParquet';
import { MAP_INDICATOR_COLUMNS, MAP_TERRITORY_COLUMNS } from '../contract';
import { serve, withTransfer } from '../io/worker';
import type { FirstData } from '../io/firstData';
import { buffersOf, readIndicatorPart, type IndicatorPart, type PackedPart } from '../state/indicatorParts';

export type FirstDataRequest =
  { territories: string; indicators: string; indicator: string } | { indicators: string; part: IndicatorPart };

const files = new Map<string, Promise<RemoteParquet>>();
const open = (url: string) => {
  let f = files.get(url);
  if (!f) files.set(url, (f = openRemoteParquet(url)));
  return f;
};

serve<FirstDataRequest, FirstData | PackedPart>(async (req) => {
  if ('part' in req) {
    const packed = await readIndicatorPart(await open(req.indicators), req.part);
    return withTransfer(packed, buffersOf(packed));
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
