/** The territory profile ("scheda territoriale", lazy chunk). */
import type { ToolModule } from '../modes/types';
import ProfileTool from './ProfileTool.svelte';

export const Tool: ToolModule['Tool'] = ProfileTool;
