/** The coefficient's inputs as the app builds them (default configuration, one level), for the bench's Node scripts. */
import path from 'node:path';
import { kindsOf } from '../../src/analytics/catalogue';
import { buildMatrix, defaultConfig } from '../../src/analytics/composite';
import { loadData } from '../../src/cli/coefficient';

export async function defaultInputs(dataDir: string, level: 'province' | 'comune') {
  const data = await loadData(path.resolve(dataDir));
  const config = defaultConfig(data.catalogue, level);
  const ids = config.indicators.map((i) => i.id);
  const matrix = buildMatrix(data.rows, data.territories, level, ids, { kinds: kindsOf(data.catalogue) });
  return { data, config, matrix };
}
