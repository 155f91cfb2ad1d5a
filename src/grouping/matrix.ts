/**
 * The coefficient's indicator matrix over the groups of a grouping (ATS, Aree Interne classes, SNAI areas…).
 *
 * Each group's own value of an indicator is the one the map shows for it (src/db/queries/groupingIndicators.ts:
 * aggregated from its comuni by the catalogue's aggregation and scale; a value only when every comune has one).
 * The groups then stand where the comuni stand in the comune matrix (buildMatrix at level 'comune'), so the same
 * rules apply unchanged:
 *   - a group value aggregated from the comuni's own values counts as the group's own (own_level_weight);
 *   - an indicator not measured at comune level (fewer than half of the groups have a value) is inherited (⚑) —
 *     a rate only, never a count or a class: a group inside one province takes the province's value; a group
 *     spread over several provinces (an Aree Interne class, an area across a border) takes the population-weighted
 *     mean of the values its comuni show on the comune map (their provinces' or regions'), flagged with the
 *     coarsest level among them, and missing when one comune has none or no population;
 *   - the province holding the group gives the parent value of impute_parent (none for a group spread over several);
 *     the "Italy" reference is the national one.
 * Pure.
 */
import { buildMatrix, SOURCE_LEVELS, type Matrix, type MatrixTerritory } from '../analytics/composite';
import type { IndicatorRow, Territory } from '../analytics/levels';
import type { IndicatorKind } from '../analytics/catalogue';
import type { GroupValue } from '../db/queries/groupingIndicators';

export interface GroupingShape {
  /** comune code → group code */
  members: ReadonlyMap<string, string>;
  /** group code → group name */
  names: ReadonlyMap<string, string>;
}

/** Per group: the province and the region that hold all its comuni (null where the comuni span several). */
export function groupParents(
  g: GroupingShape,
  comuni: ReadonlyMap<string, Territory>,
): Map<string, { province: string | null; region: string | null }> {
  const seen = new Map<string, { province: Set<string | null>; region: Set<string | null> }>();
  for (const [comune, group] of g.members) {
    const t = comuni.get(comune);
    let s = seen.get(group);
    if (!s) seen.set(group, (s = { province: new Set(), region: new Set() }));
    s.province.add(t?.province_code ?? null);
    s.region.add(t?.region_code ?? null);
  }
  const one = (x: Set<string | null>) => (x.size === 1 ? [...x][0] : null);
  return new Map([...seen].map(([code, s]) => [code, { province: one(s.province), region: one(s.region) }]));
}

export function groupMatrix(
  g: GroupingShape,
  own: readonly GroupValue[],
  rows: ReadonlyMap<string, readonly IndicatorRow[]>,
  territories: readonly (MatrixTerritory & { population?: number | null })[],
  ids: readonly string[],
  kinds: Readonly<Record<string, IndicatorKind>>,
): Matrix {
  const comuni = new Map<string, Territory>();
  for (const t of territories) if (t.level === 'comune') comuni.set(t.code, t);
  const parents = groupParents(g, comuni);
  // the groups take the comuni's place; provinces, regions (and Italy's rows) stay as they are
  const groups: MatrixTerritory[] = [...parents.keys()].sort().map((code) => ({
    level: 'comune',
    code,
    name: g.names.get(code) ?? code,
    province_code: parents.get(code)?.province ?? null,
    region_code: parents.get(code)?.region ?? null,
  }));
  const others = territories.filter((t) => t.level !== 'comune');
  const byId = new Map<string, IndicatorRow[]>();
  for (const id of ids)
    byId.set(
      id,
      (rows.get(id) ?? []).filter((r) => r.level !== 'comune' && r.level !== 'sll'),
    );
  for (const v of own) {
    const list = byId.get(v.indicator);
    if (list && parents.has(v.group))
      list.push({ level: 'comune', code: v.group, year: v.year, value: v.value, numerator: null, denominator: null });
  }
  const m = buildMatrix(byId, [...groups, ...others], 'comune', ids, { kinds });
  spreadInheritance(m, g, groups, { rows, territories, ids, kinds });
  return m;
}

const OWN = SOURCE_LEVELS.indexOf('comune');

interface Inputs {
  rows: ReadonlyMap<string, readonly IndicatorRow[]>;
  territories: readonly (MatrixTerritory & { population?: number | null })[];
  ids: readonly string[];
  kinds: Readonly<Record<string, IndicatorKind>>;
}

/**
 * For the groups spread over several provinces, in place: an inherited (or missing) value becomes the
 * population-weighted mean of what the group's comuni show in the comune matrix, when every one of them shows one.
 */
function spreadInheritance(m: Matrix, g: GroupingShape, groups: readonly MatrixTerritory[], data: Inputs): void {
  const { rows, territories, ids, kinds } = data;
  const spread = groups.flatMap((t, i) => (t.province_code === null ? [i] : []));
  if (!spread.length) return;
  const comune = buildMatrix(rows, territories, 'comune', ids, { kinds });
  const at = new Map(comune.codes.map((c, i) => [c, i]));
  const pop = new Map(territories.filter((t) => t.level === 'comune').map((t) => [t.code, t.population ?? null]));
  const membersOf = new Map<string, string[]>();
  for (const [c, group] of g.members) {
    const list = membersOf.get(group);
    if (list) list.push(c);
    else membersOf.set(group, [c]);
  }
  for (let j = 0; j < ids.length; j++)
    for (const i of spread) {
      if (m.sourceLevel[j][i] === OWN) continue;
      let sum = 0;
      let weight = 0;
      let coarsest = Infinity;
      for (const c of membersOf.get(m.codes[i]) ?? []) {
        const k = at.get(c);
        const p = pop.get(c);
        const v = k === undefined ? NaN : comune.values[j][k];
        if (v !== v || !(typeof p === 'number' && p > 0)) {
          coarsest = NaN;
          break;
        }
        sum += v * p;
        weight += p;
        coarsest = Math.min(coarsest, comune.sourceLevel[j][k as number]);
      }
      // all comuni own: the group's own value is the catalogue's aggregation (missing stays missing)
      const ok = weight > 0 && coarsest === coarsest && coarsest < OWN;
      m.values[j][i] = ok ? sum / weight : NaN;
      m.sourceLevel[j][i] = ok ? coarsest : 0;
    }
}
