/**
 * The features of the atlas: where each mode and tool lives, loaded the first time it is used (not in the
 * first bundle). A new mode or tool is one line here (entry floor); src/modes/ holds only the interface and hub.
 */
import type { ModeKey, ModeModule, ToolKey, ToolModule } from './modes/types';
import { registerUrl } from './state/url';
import { MODE_PARAMS } from './modes/params';
import { CFG, FADE } from './coefficient/params';
import { COMPARE } from './compare/params';
import { SLIDE } from './story/params';

export const MODE_LOADERS: Record<ModeKey, () => Promise<ModeModule>> = {
  coefficient: () => import('./coefficient/mode'),
  coverage: () => import('./coverage/mode'),
  priority: () => import('./priority/mode'),
  spatial: () => import('./spatial/mode'),
};

export const TOOL_LOADERS: Record<ToolKey, () => Promise<ToolModule>> = {
  compare: () => import('./compare/tool'),
  profile: () => import('./profile/tool'),
  network: () => import('./network/tool'),
  survey: () => import('./survey/tool'),
  story: () => import('./story/tool'),
  export: () => import('./export/tool'),
  import: () => import('./import/tool'),
  sql: () => import('./sql/tool'),
  project: () => import('./project/tool'),
};

/** The view names and the modes' and tools' URL parameters (the order they are written in a link). */
registerUrl({
  modes: Object.keys(MODE_LOADERS) as ModeKey[],
  tools: Object.keys(TOOL_LOADERS) as ToolKey[],
  params: [FADE, COMPARE, SLIDE, ...MODE_PARAMS, CFG],
});
