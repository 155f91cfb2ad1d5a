/**
 * The view as a URL: pure encode/decode so a copied link reopens exactly the same view.
 * Unknown or malformed parameters fall back to defaults instead of throwing.
 */
import type { Lang } from '../i18n';
import type { Camera } from '../map/mercator';
import { MAP_LEVELS, type MapLevel as Level } from '../contract';

export { MAP_LEVELS, type Level };

export type ClassMethod = 'quantile' | 'equal' | 'ckmeans' | 'stddev' | 'manual';
export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'ckmeans', 'stddev', 'manual'];

/** The views (modes) and tools, by name; what each one is lives in src/features.ts (checked against these). */
export type ModeKey = 'coefficient' | 'coverage' | 'priority' | 'spatial';
export type Mode = 'indicator' | ModeKey;
export type ToolKey = 'compare' | 'profile' | 'network' | 'survey' | 'story' | 'export' | 'import' | 'sql' | 'project';

export type { Camera };

/** The core view: what every view shares. */
export interface CoreView {
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
  /** place names on the map (on unless the link says labels=0) */
  labels: boolean;
  /** an open tool (compare, profile, story, import, sql), or null */
  tool: ToolKey | null;
  /** an imported grouping of comuni (ATS, job-centre catchments…) shown as the map level instead of `level` */
  group: string | null;
}

/**
 * The fields modes and tools keep in the URL, each declared by its owner next to its `UrlParam`
 * (`declare module '…/state/url' { interface ViewParams { … } }`); empty here on purpose.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface ViewParams {}

export type View = CoreView & ViewParams;

/**
 * One URL parameter of a mode or tool, registered at the entry floor (src/features.ts): its field on the
 * view, its name in the URL, how it is read (malformed → the default) and written (null → left out).
 */
export interface UrlParam<K extends keyof ViewParams = keyof ViewParams> {
  field: K;
  key: string;
  /** who owns it (a mode or tool name, or 'modes' for what the hub shares) */
  owner: string;
  default: ViewParams[K];
  parse(raw: string | null): ViewParams[K];
  format(value: ViewParams[K], view: View): string | null;
  /** a change deserves its own history entry (the back button undoes it) */
  navigation?: boolean;
}

/** What the entry floor registers: the names of the views and tools, and their parameters (in URL order). */
export interface UrlPlugins {
  modes: readonly ModeKey[];
  tools: readonly ToolKey[];
  params: readonly UrlParam[];
}

const plugins: UrlPlugins = { modes: [], tools: [], params: [] };
/** the core view's own names in the URL */
const CORE_KEYS = [
  'mode',
  'level',
  'grp',
  'ind',
  'year',
  'sel',
  'class',
  'k',
  'scheme',
  'breaks',
  'lang',
  'at',
  'table',
  'labels',
  'tool',
];

/** Register the modes, tools and their URL parameters (src/features.ts, once, before the first decode). */
export function registerUrl(p: UrlPlugins): void {
  for (const x of p.params)
    if (plugins.params.some((q) => q.key === x.key || q.field === x.field) || CORE_KEYS.includes(x.key))
      throw new Error(`URL parameter "${x.key}" (${x.field}) is registered twice`);
  plugins.modes = [...new Set([...plugins.modes, ...p.modes])];
  plugins.tools = [...new Set([...plugins.tools, ...p.tools])];
  plugins.params = [...plugins.params, ...p.params];
}

export function registeredUrl(): Readonly<UrlPlugins> {
  return plugins;
}

export const DEFAULT_VIEW: CoreView = {
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
  labels: true,
  tool: null,
  group: null,
};

/** The indicator a level opens with when the link names none (Europe's regions have their own figures). */
export const LEVEL_INDICATOR: Partial<Record<Level, string>> = { nuts2: 'employment_gap_native_fb' };

/** The default view: the core defaults and every registered parameter's default. */
export function defaultView(): View {
  return withParams(DEFAULT_VIEW, (p) => p.default);
}

/** The core view with a value for every registered parameter. */
function withParams(core: CoreView, value: (p: UrlParam) => unknown): View {
  const v: Record<string, unknown> = { ...core };
  for (const p of plugins.params) v[p.field] = value(p);
  return v as unknown as View;
}

const num = (s: string | null): number | null => {
  if (s === null || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

export function decodeView(search: string, defaults: CoreView = DEFAULT_VIEW): View {
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
  const core: CoreView = {
    mode: mode === 'indicator' || plugins.modes.includes(mode as ModeKey) ? (mode as Mode) : defaults.mode,
    level: MAP_LEVELS.includes(level as Level) ? (level as Level) : defaults.level,
    indicator: p.get('ind')?.match(/^[a-z0-9_]+$/)
      ? (p.get('ind') as string)
      : (LEVEL_INDICATOR[level as Level] ?? defaults.indicator),
    year: num(p.get('year')),
    // a territory's code, or a group's (any short code of a grouping: 'A', 'alpago_zoldo', 'ATS-3')
    selected: sel && (/^[0-9A-Z]{2,6}$/.test(sel) || (p.has('grp') && /^[0-9A-Za-z_-]{1,64}$/.test(sel))) ? sel : null,
    method: CLASS_METHODS.includes(method as ClassMethod) ? (method as ClassMethod) : defaults.method,
    k: k !== null && k >= 3 && k <= 9 ? Math.round(k) : defaults.k,
    scheme: p.get('scheme')?.match(/^[A-Za-z]+$/) ? (p.get('scheme') as string) : defaults.scheme,
    breaks,
    lang: lang === 'en' || lang === 'it' ? lang : defaults.lang,
    camera,
    table: p.get('table') === '1',
    labels: p.get('labels') !== '0',
    tool: plugins.tools.includes(p.get('tool') as ToolKey)
      ? (p.get('tool') as ToolKey)
      : // a link to a project file (?project=…) opens the project tool, which reads it
        p.get('project') && plugins.tools.includes('project')
        ? 'project'
        : null,
    group: /^[a-z0-9_]+$/.test(p.get('grp') ?? '') ? (p.get('grp') as string) : null,
  };
  return withParams(core, (x) => x.parse(p.get(x.key)));
}

const round = (v: number, d: number) => Number(v.toFixed(d));

export function encodeView(v: View, defaults: CoreView = DEFAULT_VIEW): string {
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
  if (!v.labels) p.set('labels', '0');
  if (v.tool) p.set('tool', v.tool);
  for (const x of plugins.params) {
    const s = x.format(v[x.field] ?? x.default, v);
    if (s !== null) p.set(x.key, s);
  }
  return '?' + p.toString().replace(/%2C/g, ',');
}

/** Changes that deserve their own history entry (the back button undoes them); camera moves do not. */
export function isNavigation(a: View, b: View): boolean {
  const same = (x: UrlParam) => x.format(a[x.field] ?? x.default, a) === x.format(b[x.field] ?? x.default, b);
  return (
    a.mode !== b.mode ||
    a.tool !== b.tool ||
    plugins.params.some((x) => x.navigation && !same(x)) ||
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
