/// <reference lib="webworker" />
/**
 * The first picture's data, read off the main thread: the territory hierarchy and the rows of the
 * indicator on the map (the same range requests and columns as DataStore phase 1), sent back as plain
 * rows. Started by the boot script for the province and comune views (src/boot/firstData.ts).
 */
import { openRemoteParquet, readRemote, rowRangesFor } from '../db/remoteParquet';
import { MAP_INDICATOR_COLUMNS, MAP_TERRITORY_COLUMNS } from '../contract';
import { serve } from '../io/worker';
import type { FirstData } from '../io/firstData';

export type FirstDataRequest = { territories: string; indicators: string; indicator: string };

serve<FirstDataRequest, FirstData>(async ({ territories, indicators, indicator }) => {
  const [terr, rows] = await Promise.all([
    openRemoteParquet(territories).then((f) => readRemote(f, MAP_TERRITORY_COLUMNS)),
    openRemoteParquet(indicators).then((f) =>
      readRemote(f, MAP_INDICATOR_COLUMNS, rowRangesFor(f.metadata, 'indicator', indicator)),
    ),
  ]);
  return { indicator, territories: terr, rows: rows.filter((r) => r.indicator === indicator) };
});
