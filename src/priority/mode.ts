/** Priority for policy as a mode of the atlas: coefficient × coverage (see src/modes/types.ts). */
import type { ModeModule } from '../modes/types';
import type { CoefficientModel } from '../coefficient/model.svelte';
import type { CoverageModel } from '../coverage/model.svelte';
import { PriorityModel } from './model.svelte';
import PriorityPanel from './PriorityPanel.svelte';
import PriorityTable from './PriorityTable.svelte';
import PriorityScatter from './PriorityScatter.svelte';

const mode: ModeModule = {
  async create(hub) {
    void hub.data.loadFull();
    const [coef, coverage] = await Promise.all([
      hub.model<CoefficientModel>('coefficient'),
      hub.model<CoverageModel>('coverage'),
    ]);
    return new PriorityModel(hub, coef, coverage);
  },
  Panel: PriorityPanel,
  Table: PriorityTable,
  Overlay: PriorityScatter,
};

export const { create, Panel, Table, Overlay } = mode;
export default mode;
