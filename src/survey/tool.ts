/** The training-needs survey view (lazy chunk). */
import type { ToolModule } from '../modes/types';
import SurveyTool from './SurveyTool.svelte';

export const Tool: ToolModule['Tool'] = SurveyTool;
