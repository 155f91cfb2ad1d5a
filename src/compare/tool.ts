/** The comparison tool (lazy chunk, see src/features.ts). */
import type { ToolModule } from '../modes/types';
import CompareTool from './CompareTool.svelte';

export const Tool: ToolModule['Tool'] = CompareTool;
