/** The SQL console (see src/modes/types.ts ToolModule). */
import type { ToolModule } from '../modes/types';
import SqlTool from './SqlTool.svelte';

const tool: ToolModule = { Tool: SqlTool };
export const { Tool } = tool;
export default tool;
