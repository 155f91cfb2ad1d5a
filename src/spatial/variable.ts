/**
 * What the spatial view analyses (pure): an indicator of the catalogue or an imported one (the map's
 * `ind=`), the employability coefficient of the current configuration (the coefficient mode's scores), or
 * a coverage measure (the coverage mode's engine with its current layer and settings). Written in the
 * spatial settings (`opt=`, field `sv`) as `indicator`, `coefficient` or `coverage:<measure>`.
 */
import { MEASURES, type MeasureKey } from '../coverage/measures';
import type { Level, LevelValue } from '../analytics/levels';
import { aggregateCoverage, type CoverageMeasure } from '../analytics/coverage/index';

export type SpatialVariable =
  { kind: 'indicator' } | { kind: 'coefficient' } | { kind: 'coverage'; measure: MeasureKey };

export const INDICATOR_VARIABLE: SpatialVariable = { kind: 'indicator' };

/** "indicator", "coefficient", "coverage:<measure>" → the variable; anything else → null. */
export function parseVariable(s: unknown): SpatialVariable | null {
  if (s === 'indicator') return { kind: 'indicator' };
  if (s === 'coefficient') return { kind: 'coefficient' };
  if (typeof s === 'string' && s.startsWith('coverage:')) {
    const m = s.slice('coverage:'.length);
    if ((MEASURES as readonly string[]).includes(m)) return { kind: 'coverage', measure: m as MeasureKey };
  }
  return null;
}

export function formatVariable(v: SpatialVariable): string {
  return v.kind === 'coverage' ? `coverage:${v.measure}` : v.kind;
}

/**
 * Which variables a level offers: indicators everywhere; the coefficient and coverage not on NUTS2 (Italian
 * territories only); on an imported grouping the coverage measures but the non-EU rate (no non-EU residents per
 * group), and not the coefficient.
 */
export function variableOffered(v: SpatialVariable, level: string, grouping: boolean): boolean {
  if (v.kind === 'indicator') return true;
  if (level === 'nuts2' && !grouping) return false;
  // a grouping: the coefficient ranks its groups (src/grouping/matrix.ts); coverage from the comune measures
  if (grouping) return v.kind === 'coefficient' || v.measure !== 'per_10k_noneu';
  return true;
}

/**
 * A coverage measure on the groups of a grouping: the comune measures aggregated as the coverage view does above
 * comune level (aggregateCoverage: population-weighted means of distance and access, sums of services and of the
 * people beyond the distance, per 10,000 as a ratio of sums).
 */
export function coverageOnGroups(
  comune: readonly CoverageMeasure[],
  members: ReadonlyMap<string, string>,
  measure: Exclude<MeasureKey, 'per_10k_noneu'>,
): LevelValue[] {
  return aggregateCoverage(comune, (c) => members.get(c)).map((r) => ({
    code: r.code,
    value: r[measure],
    sourceLevel: r[measure] === null ? null : 'comune',
    inherited: false,
  }));
}

/**
 * The values of a provider (coefficient or coverage) on the level's territories, in the level's order:
 * a territory the provider has no value for is missing (null), never 0.
 */
export function valuesOn(codes: readonly string[], provided: readonly LevelValue[], level: Level): LevelValue[] {
  const by = new Map<string, number>();
  for (const v of provided) if (v.value !== null && Number.isFinite(v.value)) by.set(v.code, v.value);
  return codes.map((code) => {
    const x = by.get(code);
    return x === undefined
      ? { code, value: null, sourceLevel: null, inherited: false }
      : { code, value: x, sourceLevel: level, inherited: false };
  });
}
