/** Save and open a project file (lazy chunk). */
import type { ToolModule } from '../modes/types';
import ProjectTool from './ProjectTool.svelte';

export const Tool: ToolModule['Tool'] = ProjectTool;
