/** The import tool (see src/modes/types.ts ToolModule). */
import type { ToolModule } from '../modes/types';
import ImportTool from './ImportTool.svelte';

const tool: ToolModule = { Tool: ImportTool };
export const { Tool } = tool;
export default tool;
