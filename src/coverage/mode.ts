/** Service coverage as a mode of the atlas (see src/modes/types.ts). */
import type { ModeModule } from '../modes/types';
import { CoverageModel } from './model.svelte';
import CoveragePanel from './CoveragePanel.svelte';
import CoverageTable from './CoverageTable.svelte';
import NearestList from './NearestList.svelte';

const mode: ModeModule = {
  create(hub) {
    void hub.data.loadFull();
    return new CoverageModel(hub.data, hub.view, () => hub.mapActions());
  },
  Panel: CoveragePanel,
  Table: CoverageTable,
  Detail: NearestList,
};

export const { create, Panel, Table, Detail } = mode;
export default mode;
