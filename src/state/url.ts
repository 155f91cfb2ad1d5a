/**
 * The view as a URL: pure encode/decode so a copied link reopens exactly the same view.
 * Unknown or malformed parameters fall back to defaults instead of throwing.
 */
import type { Lang } from '../i18n';
import { MAP_LEVELS, type MapLevel as Level } from '../contract';

export { MAP_LEVELS, type Level };

export type ClassMethod = 'quantile' | 'equal' | 'ckmeans' | 'stddev' | 'manual';
export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'ckmeans', 'stddev', 'manual'];

export type Mode = 'indicator' | 'coefficient' | 'coverage' | 'priority' | 'spatial';
export type ToolKey = 'compare' | 'profile' | 'network' | 'survey' | 'story' | 'export' | 'import' | 'sql';
export const TOOLS: readonly ToolKey[] = [
  'compare',
  'profile',
  'network',
  'survey',
  'story',
  'export',
  'import',
  'sql',
];
export const MODES: readonly Mode[] = ['indicator', 'coefficient', 'coverage', 'priority', 'spatial'];

export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface View {
  mode: Mode;
  level: Level;
  indicator: string;
  /** null = latest year of the indicator */
  year: number | null;
  selected: string | null;
  method: ClassMethod;
  k: number;
  scheme: string;
  breaks: number[];
  lang: Lang;
  camera: Camera | null;
  table: boolean;
  /** the coefficient's configuration, as base64url JSON (validated where it is used) */
  cfg: string | null;
  /** fade territories whose rank is uncertain */
  fade: boolean;
  /** place names on the map (on unless the link says labels=0) */
  labels: boolean;
  /** an open tool (compare, profile, story, import, sql), or null */
  tool: ToolKey | null;
  /** territories picked for comparison (codes at the current level) */
  compare: string[];
  /** the slide of the open story, 0-based */
  slide: number;
  /** an imported grouping of comuni (ATS, job-centre catchments…) shown as the map level instead of `level` */
  group: string | null;
  /** settings of the active view other than the coefficient's (e.g. coverage layer, measure, d0), base64url JSON */
  opts: string | null;
}

export const DEFAULT_VIEW: View = {
  mode: 'indicator',
  level: 'region',
  indicator: 'foreign_per_100',
  year: null,
  selected: null,
  method: 'quantile',
  k: 5,
  scheme: 'YlGnBu',
  breaks: [],
  lang: 'it',
  camera: null,
  table: false,
  cfg: null,
  fade: false,
  labels: true,
  tool: null,
  compare: [],
  slide: 0,
  group: null,
  opts: null,
};

const num = (s: string | null): number | null => {
  if (s === null || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

export function decodeView(search: string, defaults: View = DEFAULT_VIEW): View {
  const p = new URLSearchParams(search);
  const level = p.get('level');
  const method = p.get('class');
  const k = num(p.get('k'));
  const lang = p.get('lang');
  const cam = (p.get('at') ?? '').split(',').map((s) => num(s));
  const camera =
    cam.length === 3 && cam.every((v) => v !== null)
      ? { lon: cam[0] as number, lat: cam[1] as number, zoom: cam[2] as number }
      : null;
  const breaks = (p.get('breaks') ?? '')
    .split(',')
    .map((s) => num(s))
    .filter((v): v is number => v !== null);
  const sel = p.get('sel');
  const mode = p.get('mode');
  const cfg = p.get('cfg');
  return {
    mode: MODES.includes(mode as Mode) ? (mode as Mode) : defaults.mode,
    level: MAP_LEVELS.includes(level as Level) ? (level as Level) : defaults.level,
    indicator: p.get('ind')?.match(/^[a-z0-9_]+$/) ? (p.get('ind') as string) : defaults.indicator,
    year: num(p.get('year')),
    selected: sel && /^[0-9A-Z]{2,6}$/.test(sel) ? sel : null,
    method: CLASS_METHODS.includes(method as ClassMethod) ? (method as ClassMethod) : defaults.method,
    k: k !== null && k >= 3 && k <= 9 ? Math.round(k) : defaults.k,
    scheme: p.get('scheme')?.match(/^[A-Za-z]+$/) ? (p.get('scheme') as string) : defaults.scheme,
    breaks,
    lang: lang === 'en' || lang === 'it' ? lang : defaults.lang,
    camera,
    table: p.get('table') === '1',
    cfg: cfg && /^[A-Za-z0-9_-]+$/.test(cfg) ? cfg : null,
    fade: p.get('fade') === '1',
    labels: p.get('labels') !== '0',
    tool: TOOLS.includes(p.get('tool') as ToolKey) ? (p.get('tool') as ToolKey) : null,
    compare: (p.get('cmp') ?? '')
      .split(',')
      .filter((c) => /^[0-9A-Z]{2,6}$/.test(c))
      .slice(0, 6),
    slide: Math.max(0, Math.round(num(p.get('slide')) ?? 0)),
    group: /^[a-z0-9_]+$/.test(p.get('grp') ?? '') ? (p.get('grp') as string) : null,
    opts: /^[A-Za-z0-9_-]+$/.test(p.get('opt') ?? '') ? (p.get('opt') as string) : null,
  };
}

const round = (v: number, d: number) => Number(v.toFixed(d));

export function encodeView(v: View, defaults: View = DEFAULT_VIEW): string {
  const p = new URLSearchParams();
  if (v.mode !== defaults.mode) p.set('mode', v.mode);
  p.set('level', v.level);
  if (v.group) p.set('grp', v.group);
  p.set('ind', v.indicator);
  if (v.year !== null) p.set('year', String(v.year));
  if (v.selected) p.set('sel', v.selected);
  if (v.method !== defaults.method) p.set('class', v.method);
  if (v.k !== defaults.k) p.set('k', String(v.k));
  if (v.scheme !== defaults.scheme) p.set('scheme', v.scheme);
  if (v.method === 'manual' && v.breaks.length) p.set('breaks', v.breaks.join(','));
  if (v.lang !== defaults.lang) p.set('lang', v.lang);
  if (v.camera) p.set('at', [round(v.camera.lon, 4), round(v.camera.lat, 4), round(v.camera.zoom, 2)].join(','));
  if (v.table) p.set('table', '1');
  if (v.fade) p.set('fade', '1');
  if (!v.labels) p.set('labels', '0');
  if (v.tool) p.set('tool', v.tool);
  if (v.compare.length) p.set('cmp', v.compare.join(','));
  if (v.tool === 'story') p.set('slide', String(v.slide));
  if (v.opts) p.set('opt', v.opts);
  if (v.cfg) p.set('cfg', v.cfg);
  return '?' + p.toString().replace(/%2C/g, ',');
}

/** Changes that deserve their own history entry (the back button undoes them); camera moves do not. */
export function isNavigation(a: View, b: View): boolean {
  return (
    a.mode !== b.mode ||
    a.tool !== b.tool ||
    a.slide !== b.slide ||
    a.compare.join() !== b.compare.join() ||
    a.level !== b.level ||
    a.group !== b.group ||
    a.indicator !== b.indicator ||
    a.year !== b.year ||
    a.selected !== b.selected ||
    a.lang !== b.lang
  );
}

/** JSON ↔ base64url (UTF-8), for the configuration in the URL. */
export function toBase64Url(json: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(json));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): unknown {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  const bin = atob(b64);
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}
