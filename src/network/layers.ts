/** The built-in service layers, downloaded once per page for the network tool (retried after a failure). */
import { loadBuiltInLayers, type LayerInfo } from '../coverage/services';

let pending: Promise<LayerInfo[]> | null = null;
export function builtInLayers(): Promise<LayerInfo[]> {
  pending ??= loadBuiltInLayers().catch((e: Error) => {
    pending = null;
    throw e;
  });
  return pending;
}
