/**
 * Pure helpers of the coverage view (no DOM, no map): which measures exist and which way is better, the
 * demand points, the service points of a layer (filtered by type), the comune measures at a map level,
 * and the points aggregated per comune for the zoomed-out map.
 */
import {
  aggregateCoverage,
  type CoverageMeasure,
  type DemandPoint,
  type ServicePoint,
} from '../analytics/coverage/index';
import { comuneIn, type Territory } from '../analytics/catalogue';
import type { ServiceRecord } from '../core/userData';
import type { Level } from '../state/url';

export type MeasureKey =
  'nearest_km' | 'per_10k' | 'per_10k_noneu' | 'access_2sfca' | 'access_e2sfca' | 'gap_population';
export const MEASURES: readonly MeasureKey[] = [
  'nearest_km',
  'per_10k',
  'per_10k_noneu',
  'access_2sfca',
  'access_e2sfca',
  'gap_population',
];

/** +1: higher = better coverage; −1: lower = better (distance, people left out). */
export const MEASURE_POLARITY: Record<MeasureKey, 1 | -1> = {
  nearest_km: -1,
  per_10k: 1,
  per_10k_noneu: 1,
  access_2sfca: 1,
  access_e2sfca: 1,
  gap_population: -1,
};

export const MEASURE_DECIMALS: Record<MeasureKey, number> = {
  nearest_km: 1,
  per_10k: 2,
  per_10k_noneu: 2,
  access_2sfca: 2,
  access_e2sfca: 2,
  gap_population: 0,
};

export type DecayChoice = 'gaussian' | 'stepped';

export interface CoverageSettings {
  d0: number;
  decay: DecayChoice;
  useCapacity: boolean;
  gapKm: number;
}

export const DEFAULT_SETTINGS: CoverageSettings = { d0: 50, decay: 'gaussian', useCapacity: true, gapKm: 30 };

/** Demand: every comune with a population and an inner point (population ≤ 0 or missing counts 0). */
export function demandPoints(territories: readonly Territory[]): DemandPoint[] {
  const out: DemandPoint[] = [];
  for (const t of territories)
    if (t.level === 'comune' && t.lon !== null && t.lat !== null)
      out.push({ code: t.code, lon: t.lon, lat: t.lat, population: t.population ?? 0 });
  return out;
}

/** The points of a layer whose type is in `types` (null = every type; a point without a type passes only then). */
export function filterByType(points: readonly ServiceRecord[], types: readonly string[] | null): ServiceRecord[] {
  if (types === null) return points.slice();
  const keep = new Set(types);
  return points.filter((p) => p.type !== null && keep.has(p.type));
}

/** The types of a layer with their counts, most frequent first (ties by name). */
export function typeCounts(points: readonly ServiceRecord[]): { type: string; count: number }[] {
  const m = new Map<string, number>();
  for (const p of points) if (p.type) m.set(p.type, (m.get(p.type) ?? 0) + 1);
  return [...m.entries()]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

export function toServicePoints(points: readonly ServiceRecord[]): ServicePoint[] {
  return points.map((p) => ({
    id: p.id,
    lon: p.lon,
    lat: p.lat,
    capacity: p.capacity,
    ...(p.comune_code ? { comune_code: p.comune_code } : {}),
  }));
}

/** Comuni whose region has no data for the layer (null regions = all Italy has data). */
export function comuniWithoutData(territories: readonly Territory[], regions: readonly string[] | null): string[] {
  if (regions === null) return [];
  const has = new Set(regions);
  return territories.filter((t) => t.level === 'comune' && !has.has(t.region_code ?? '')).map((t) => t.code);
}

/**
 * Comune measures → the map level: comune as they are, province, region and SLL population-weighted
 * (aggregateCoverage). Territories of the level with no comune row get nothing (absent = no data).
 */
export function measuresAtLevel(
  comune: readonly CoverageMeasure[],
  level: Level,
  comuneIndex: ReadonlyMap<string, Territory>,
): CoverageMeasure[] {
  if (level === 'comune') return comune.slice();
  const parent = (code: string) => {
    const t = comuneIndex.get(code);
    return t ? comuneIn(t, level) : undefined;
  };
  return aggregateCoverage(comune, parent);
}

/** A group of service points drawn as one circle when the map is zoomed out. */
export interface PointCluster {
  /** the comune code, or `~lon,lat` (0.1° cell) for points without one */
  key: string;
  lon: number;
  lat: number;
  count: number;
  /** sum of the known capacities; null when none is known */
  capacity: number | null;
  /** how many points have a known capacity */
  withCapacity: number;
}

/**
 * Points aggregated per comune (by `comune_code`; points without one per 0.1° cell), placed at the mean
 * of their coordinates; sorted by key so that the layer data is stable.
 */
export function clusterByComune(points: readonly ServiceRecord[]): PointCluster[] {
  const m = new Map<string, { lon: number; lat: number; count: number; cap: number; withCap: number }>();
  for (const p of points) {
    const key = p.comune_code ?? `~${p.lon.toFixed(1)},${p.lat.toFixed(1)}`;
    let g = m.get(key);
    if (!g) m.set(key, (g = { lon: 0, lat: 0, count: 0, cap: 0, withCap: 0 }));
    g.lon += p.lon;
    g.lat += p.lat;
    g.count++;
    if (p.capacity !== null && Number.isFinite(p.capacity)) {
      g.cap += p.capacity;
      g.withCap++;
    }
  }
  return [...m.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([key, g]) => ({
      key,
      lon: g.lon / g.count,
      lat: g.lat / g.count,
      count: g.count,
      capacity: g.withCap ? g.cap : null,
      withCapacity: g.withCap,
    }));
}

/** Zoom from which individual points are drawn instead of per-comune circles. */
export const POINTS_ZOOM = 8;

/** Circle radius (px) of a cluster: area proportional to the count, 3.2 px for one point. */
export function clusterRadius(count: number): number {
  return 1 + 2.2 * Math.sqrt(Math.max(1, count));
}

/** A territory's measures on the map, plus services per 10,000 non-EU residents. */
export type LevelRow = CoverageMeasure & { per_10k_noneu: number | null };

export interface NonEu {
  /** non-EU residents (foreign residents × non-EU share, 1 Jan 2023) */
  value: number;
  /** true at comune level: the province's share of non-EU residents applied to the comune's population */
  estimated: boolean;
}

/**
 * Non-EU residents per territory of a level. Provinces and regions: foreign residents × non-EU share of the same
 * date (ISTAT, 1 Jan 2023). Comuni: not published — estimated as the comune population × the province's non-EU
 * residents / the province population (flagged). Missing inputs give no entry (no data), never 0.
 */
export function nonEuResidents(
  rowsByIndicator: ReadonlyMap<string, readonly { level: string; code: string; year: number; value: number | null }[]>,
  territories: readonly Territory[],
  level: Level,
): Map<string, NonEu> {
  const at = (id: string, lvl: string) => {
    const rows = rowsByIndicator.get(id) ?? [];
    const year = Math.max(...rows.filter((r) => r.level === lvl && r.value !== null).map((r) => r.year));
    return new Map(
      rows
        .filter((r) => r.level === lvl && r.year === year && r.value !== null)
        .map((r) => [r.code, r.value as number]),
    );
  };
  const direct = (lvl: string) => {
    const foreign = at('foreign_residents', lvl);
    const share = at('non_eu_share', lvl);
    const out = new Map<string, number>();
    for (const [code, f] of foreign) {
      const sh = share.get(code);
      if (sh !== undefined) out.set(code, (f * sh) / 100);
    }
    return out;
  };
  const out = new Map<string, NonEu>();
  if (level !== 'comune') {
    for (const [code, v] of direct(level)) out.set(code, { value: v, estimated: false });
    return out;
  }
  const prov = direct('province');
  const provPop = new Map(territories.filter((t) => t.level === 'province').map((t) => [t.code, t.population]));
  for (const t of territories) {
    if (t.level !== 'comune' || !t.province_code || t.population === null) continue;
    const n = prov.get(t.province_code);
    const pp = provPop.get(t.province_code);
    if (n === undefined || !pp) continue;
    out.set(t.code, { value: (n * t.population) / pp, estimated: true });
  }
  return out;
}

/** Services per 10,000 non-EU residents beside the other measures (null where either is unknown). */
export function withNonEu(rows: readonly CoverageMeasure[], nonEu: ReadonlyMap<string, NonEu>): LevelRow[] {
  return rows.map((r) => {
    const n = nonEu.get(r.code);
    return { ...r, per_10k_noneu: r.services === null || !n || n.value <= 0 ? null : (r.services / n.value) * 10000 };
  });
}
