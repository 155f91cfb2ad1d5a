/**
 * The project's settings as the atlas's own link (pure): the saved view, the coefficient's configuration, the
 * coverage settings and the territories compared, each only if chosen, on top of the view on screen, with
 * the ids of datasets kept beside under new ids renamed. Opening that link is how every view reads them.
 */
import { decodeView, encodeView, toBase64Url, type View } from '../state/url';
import type { SettingKind } from './format';
import { remapJson, remapText } from './plan';

/** The atlas's link to the project's view: the settings chosen, on top of the view on screen. */
export function projectView(
  current: View,
  chosen: ReadonlyMap<SettingKind, unknown>,
  ids: ReadonlyMap<string, string>,
): string {
  let v: View = { ...current, tool: null };
  const saved = chosen.get('view') as { search?: unknown } | undefined;
  if (saved && typeof saved.search === 'string')
    v = { ...decodeView(remapText(saved.search, ids)), cfg: v.cfg, opts: v.opts, compare: v.compare, tool: null };
  if (chosen.has('coefficient')) v.cfg = toBase64Url(remapJson(chosen.get('coefficient'), ids));
  if (chosen.has('coverage')) v.opts = toBase64Url(remapJson(chosen.get('coverage'), ids));
  const cmp = chosen.get('compare') as { level: View['level']; codes: string[] } | undefined;
  if (cmp) v = { ...v, level: cmp.level, compare: cmp.codes.slice(0, 6) };
  return encodeView(v);
}
