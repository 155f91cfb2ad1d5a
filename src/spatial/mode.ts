/** Spatial clusters (Moran's I, LISA) as a mode of the atlas (see src/modes/types.ts, docs/spatial.md). */
import type { ModeModule } from '../modes/types';
import { SpatialModel } from './model.svelte';
import SpatialPanel from './SpatialPanel.svelte';
import SpatialTable from './SpatialTable.svelte';
import MoranScatter from './MoranScatter.svelte';
import SpatialDetail from './SpatialDetail.svelte';

const mode: ModeModule = {
  create(hub) {
    return new SpatialModel(hub);
  },
  Panel: SpatialPanel,
  Table: SpatialTable,
  Overlay: MoranScatter,
  Detail: SpatialDetail,
};

export const { create, Panel, Table, Overlay, Detail } = mode;
export default mode;
