/** The presentation mode (lazy chunk). */
import type { ToolModule } from '../modes/types';
import StoryTool from './StoryTool.svelte';

export const Tool: ToolModule['Tool'] = StoryTool;
