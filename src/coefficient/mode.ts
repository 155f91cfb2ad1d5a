/** The coefficient as a mode of the atlas (see src/modes/types.ts). */
import type { ModeModule } from '../modes/types';
import { CoefficientModel } from './model.svelte';
import CoefficientPanel from './CoefficientPanel.svelte';
import RankingTable from './RankingTable.svelte';
import Breakdown from './Breakdown.svelte';

const mode: ModeModule = {
  create(hub) {
    void hub.data.loadFull();
    return new CoefficientModel(hub.data, hub.view);
  },
  Panel: CoefficientPanel,
  Table: RankingTable,
  Detail: Breakdown,
};

export const { create, Panel, Table, Detail } = mode;
export default mode;
