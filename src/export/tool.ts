/** Export and share (lazy chunk). */
import type { ToolModule } from '../modes/types';
import ExportTool from './ExportTool.svelte';

export const Tool: ToolModule['Tool'] = ExportTool;
