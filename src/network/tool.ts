/** The network of offices of a territory ("Rete dei servizi", lazy chunk). */
import type { ToolModule } from '../modes/types';
import NetworkTool from './NetworkTool.svelte';

export const Tool: ToolModule['Tool'] = NetworkTool;
