/** Service coverage as a mode of the atlas (see src/modes/types.ts). */
import type { ModeModule } from '../modes/types';
import { CoverageModel } from './model.svelte';
import CoveragePanel from './CoveragePanel.svelte';
import CoverageTable from './CoverageTable.svelte';
import NearestList from './NearestList.svelte';

const mode: ModeModule = {
  create(hub) {
    void hub.data.loadFull();
    const model = new CoverageModel(hub.data, hub.view, () => hub.mapActions());
    // the benchmark's hook (bench/figures/coverage.mjs): only present once this lazy module is loaded
    (globalThis as { __coverageBench?: CoverageModel['bench'] }).__coverageBench = (opts) => model.bench(opts);
    return model;
  },
  Panel: CoveragePanel,
  Table: CoverageTable,
  Detail: NearestList,
};

export const { create, Panel, Table, Detail } = mode;
export default mode;
