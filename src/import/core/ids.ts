/**
 * Ids that stay unique: within a file (two columns whose slugs coincide, `occupati (%)` / `occupati %`,
 * or share their first 24 characters) and across the workspace (built-in catalogue ids, every imported
 * dataset's indicators, service layers, groupings and the DuckDB tables they create: a layer's table is
 * its id, a grouping `g` creates `g_members`). A wanted id that is taken gets the first free numeric
 * suffix (`_2`, `_3`…): never a silent replacement, never a duplicate key.
 */

/** A URL- and SQL-safe slug of at most `max` characters (two headers may give the same one: see uniqueIds). */
export function slugify(s: string, max = 24): string {
  const out = s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, max)
    .replace(/_+$/, '');
  return out || 'x';
}

/** The DuckDB table of a grouping's members (the same rule as datasets.svelte.ts `membersTable`). */
export const membersTableOf = (groupingId: string) => `${groupingId}_members`;

export interface IdPlan {
  /** what the id would be without collisions */
  wanted: string;
  /** the id it gets */
  id: string;
}

/** One free id per wanted id, in order: taken ids and the ones given earlier in the list are skipped. */
export function uniqueIds(wanted: readonly string[], taken: Iterable<string>): IdPlan[] {
  const used = new Set(taken);
  return wanted.map((w) => {
    let id = w;
    for (let k = 2; used.has(id); k++) id = `${w}_${k}`;
    used.add(id);
    return { wanted: w, id };
  });
}

/** The ids an indicator import wants, in the order buildIndicators makes them: columns, then ratios. */
export function wantedIndicatorIds(
  slug: string,
  columns: readonly string[],
  ratios: readonly { numerator: string; denominator: string }[],
): string[] {
  return [
    ...columns.map((c) => `user_${slug}_${slugify(c)}`),
    ...ratios.map((r) => `user_${slug}_${slugify(`${r.numerator}_per_${r.denominator}`)}`),
  ];
}

/** The indicator ids of an import: unique within the file and against `taken`. */
export function indicatorIds(
  slug: string,
  columns: readonly string[],
  ratios: readonly { numerator: string; denominator: string }[],
  taken: Iterable<string>,
): IdPlan[] {
  return uniqueIds(wantedIndicatorIds(slug, columns, ratios), taken);
}

/**
 * A dataset's id (`user_<slug>`, the id of its service layer or grouping): free when neither it nor, for a
 * grouping, its members table is taken; and a layer may not take the members table of a grouping.
 */
export function datasetId(slug: string, kind: 'indicators' | 'services' | 'grouping', taken: Iterable<string>): IdPlan {
  const used = new Set(taken);
  const wanted = `user_${slug}`;
  const free = (id: string) => !used.has(id) && (kind !== 'grouping' || !used.has(membersTableOf(id)));
  let id = wanted;
  for (let k = 2; !free(id); k++) id = `${wanted}_${k}`;
  return { wanted, id };
}

/** Whether a dataset id is still free (the worker checks the id the page chose). */
export function datasetIdFree(
  id: string,
  kind: 'indicators' | 'services' | 'grouping',
  taken: Iterable<string>,
): boolean {
  const used = new Set(taken);
  return !used.has(id) && (kind !== 'grouping' || !used.has(membersTableOf(id)));
}

/**
 * Every id in use in the workspace: catalogue indicators, service layers (their tables), groupings and
 * their members tables, stored datasets. `except`: ids of a dataset being replaced (they will go).
 */
export function takenIds(w: {
  indicators: readonly string[];
  layers: readonly string[];
  groupings: readonly string[];
  datasets: readonly string[];
  except?: readonly string[];
}): string[] {
  const out = new Set<string>([...w.indicators, ...w.layers, ...w.datasets]);
  for (const g of w.groupings) {
    out.add(g);
    out.add(membersTableOf(g));
  }
  for (const x of w.except ?? []) out.delete(x);
  return [...out].sort();
}

/** The ids a stored dataset holds (what a replacement frees): its own id, indicators, layer, grouping and members table. */
export function ownIds(d: {
  id: string;
  indicators?: { metas: readonly { id: string }[] };
  layer?: { id: string };
  grouping?: { id: string };
}): string[] {
  const out = [d.id, ...(d.indicators?.metas.map((m) => m.id) ?? [])];
  if (d.layer) out.push(d.layer.id);
  if (d.grouping) out.push(d.grouping.id, membersTableOf(d.grouping.id));
  return out;
}

/**
 * A dataset stored before ids were made unique may hold two indicators with one id (and two values per
 * territory): keep the first of each (its rows come first, as buildIndicators made them), so the page
 * never meets a duplicate key. Used when datasets.svelte.ts restores a record of that old (plain-rows) form.
 */
export function dropDuplicateIds<
  M extends { id: string },
  R extends { indicator: string; level: string; code: string; year: number },
>(metas: readonly M[], rows: readonly R[]): { metas: M[]; rows: R[]; dropped: string[] } {
  const seen = new Set<string>();
  const dropped: string[] = [];
  const outMetas = metas.filter((m) => (seen.has(m.id) ? (dropped.push(m.id), false) : (seen.add(m.id), true)));
  const keys = new Set<string>();
  const outRows = rows.filter((r) => {
    const k = `${r.indicator}\u0001${r.level}\u0001${r.code}\u0001${r.year}`;
    if (keys.has(k)) return false;
    keys.add(k);
    return true;
  });
  return { metas: outMetas, rows: outRows, dropped };
}
