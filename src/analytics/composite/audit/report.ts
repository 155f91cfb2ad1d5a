/**
 * The audit as plain JSON (the CLI's --audit-out, the panel's export) and as a short text summary.
 * NaN (undefined: too few values, no variance) becomes null, never 0.
 */
import type { Matrix } from '../matrix';
import type { Config } from '../config';
import type { Correlation } from './stats';
import { driversInOrder, type AuditStatistics, type SensitivityResult } from './audit';

const num = (x: number, digits = 6): number | null =>
  x === x && Number.isFinite(x) ? Number(x.toFixed(digits)) : null;
const corr = (c: Correlation) => ({ r: num(c.r), p: num(c.p, 8), n: c.n });

export function auditJson(
  matrix: Matrix,
  config: Config,
  stats: AuditStatistics,
  sens: SensitivityResult | null,
  chosenRank?: ArrayLike<number>,
) {
  return {
    level: config.level,
    territories: matrix.codes.length,
    configuration: {
      normalisation: config.normalisation,
      aggregation: config.aggregation,
      missing: config.missing,
      winsor: config.winsor,
      weightConcentration: config.uncertainty.weightConcentration,
    },
    conventions:
      'COINr: skew/kurtosis type 2; flag when |skew| >= 2 and kurtosis >= 3.5; winsorise up to 5 points; Sobol: Saltelli 2010 first order, Jansen total, bootstrap 5-95 %',
    indicators: stats.indicators.map((i) => ({
      id: i.id,
      pillar: i.pillar,
      skew: num(i.outliers.skew),
      kurtosis: num(i.outliers.kurt),
      outlier_flag: i.outliers.flagged,
      suggested_winsorising: i.outliers.suggestion
        ? {
            points: i.outliers.suggestion.points,
            side: i.outliers.suggestion.side,
            passes_after: i.outliers.suggestion.passes,
            skew_after: num(i.outliers.suggestion.skew),
            kurtosis_after: num(i.outliers.suggestion.kurt),
          }
        : null,
      with_pillar: { pearson: corr(i.withPillar.pearson), spearman: corr(i.withPillar.spearman) },
      with_index: { pearson: corr(i.withIndex.pearson), spearman: corr(i.withIndex.spearman) },
    })),
    correlations: {
      ids: stats.ids,
      pearson: stats.pearson.map((row) => row.map((c) => num(c.r))),
      pearson_p: stats.pearson.map((row) => row.map((c) => num(c.p, 8))),
      spearman: stats.spearman.map((row) => row.map((c) => num(c.r))),
      spearman_p: stats.spearman.map((row) => row.map((c) => num(c.p, 8))),
    },
    collinear: stats.collinear.map((c) => ({ ...c, r: num(c.r) })),
    negative_in_pillar: stats.negativeInPillar.map((c) => ({ ...c, r: num(c.r), p: num(c.p, 8) })),
    cronbach_alpha: Object.fromEntries(
      Object.entries(stats.alpha).map(([k, a]) => [k, { alpha: num(a!.alpha), indicators: a!.k, cases: a!.n }]),
    ),
    pca: stats.pca
      ? {
          cases: stats.pca.n,
          explained: stats.pca.explained.map((x) => num(x)),
          pc1_loadings: Object.fromEntries(stats.ids.map((id, j) => [id, num(stats.pca!.loadings[j])])),
        }
      : null,
    sensitivity: sens
      ? {
          seed: sens.seed,
          base_sample: sens.n,
          runs: sens.runs,
          factors: sens.factors,
          output: 'mean absolute rank shift from the chosen ranking',
          mean_abs_rank_shift: num(sens.summary.mean),
          ranking: driversInOrder(sens).map((d) => {
            const f = sens.factors.indexOf(d.factor);
            const iv = sens.summary.interval;
            return {
              factor: d.factor,
              first: num(d.first),
              first_p05: num(iv.firstLo[f]),
              first_p95: num(iv.firstHi[f]),
              total: num(d.total),
              total_p05: num(iv.totalLo[f]),
              total_p95: num(iv.totalHi[f]),
            };
          }),
          driver_counts: Object.fromEntries(sens.factors.map((f, k) => [f, sens.driverCounts[k]])),
          territories: Array.from(sens.members, (i, s) => {
            const d = sens.factors.length;
            return {
              code: matrix.codes[i],
              name: matrix.names[i],
              rank: chosenRank ? chosenRank[i] : null,
              rank_sd: num(Math.sqrt(sens.rankVariance[s]), 3),
              driver: sens.driver[s] >= 0 ? sens.factors[sens.driver[s]] : null,
              first: Object.fromEntries(sens.factors.map((f, k) => [f, num(sens.first[s * d + k], 4)])),
              total: Object.fromEntries(sens.factors.map((f, k) => [f, num(sens.total[s * d + k], 4)])),
            };
          }),
        }
      : null,
  };
}

export type AuditJson = ReturnType<typeof auditJson>;

/**
 * The shares said in words: the total index clipped to 0..1, and the first-order one to 0..total (the
 * estimators can stray outside with a small sample; the table and the JSON keep the raw estimates).
 */
export function plainShares(first: number | null, total: number | null): { alone: number; total: number } {
  const t = Math.min(1, Math.max(0, total ?? 0));
  return { alone: Math.min(t, Math.max(0, first ?? 0)), total: t };
}

const f2 = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));

/** A few lines of plain English for the terminal. */
export function auditSummary(j: AuditJson): string[] {
  const out: string[] = [];
  out.push(
    `audit: ${j.level}, ${j.indicators.length} indicators, ${j.territories} territories; ${j.configuration.normalisation} + ${j.configuration.aggregation}`,
  );
  for (const [p, a] of Object.entries(j.cronbach_alpha))
    out.push(`  Cronbach's alpha ${p}: ${f2(a.alpha)} (${a.indicators} indicators, ${a.cases} complete cases)`);
  if (j.pca)
    out.push(`  PCA: the first component explains ${(100 * (j.pca.explained[0] ?? 0)).toFixed(1)} % of the variance`);
  for (const c of j.collinear) out.push(`  collinear: ${c.a} and ${c.b}, r = ${f2(c.r)} (above 0.9)`);
  for (const c of j.negative_in_pillar) out.push(`  negative in the same pillar: ${c.a} and ${c.b}, r = ${f2(c.r)}`);
  const flagged = j.indicators.filter((i) => i.outlier_flag);
  out.push(
    flagged.length
      ? `  outliers (|skew| >= 2 and kurtosis >= 3.5): ${flagged.map((i) => `${i.id} (skew ${f2(i.skew)}, kurtosis ${f2(i.kurtosis)}; winsorise ${i.suggested_winsorising?.points} point(s)${i.suggested_winsorising?.passes_after ? '' : ', still failing: log'})`).join('; ')}`
      : '  outliers: none flagged (|skew| >= 2 and kurtosis >= 3.5)',
  );
  const s = j.sensitivity;
  if (s) {
    out.push(
      `  sensitivity (Sobol, ${s.runs} runs, seed ${s.seed}) of the mean absolute rank shift (mean ${f2(s.mean_abs_rank_shift)} places):`,
    );
    for (const r of s.ranking)
      out.push(
        `    ${r.factor.padEnd(13)} first ${f2(r.first)} [${f2(r.first_p05)}, ${f2(r.first_p95)}]  total ${f2(r.total)} [${f2(r.total_p05)}, ${f2(r.total_p95)}]`,
      );
    const top = s.ranking[0];
    if (top && top.total !== null) {
      const sh = plainShares(top.first, top.total);
      out.push(
        `  what drives this ranking most: ${top.factor} (alone about ${Math.round(100 * sh.alone)} % of the variance, with its interactions ${Math.round(100 * sh.total)} %; total index 5-95 %: ${f2(top.total_p05)}-${f2(top.total_p95)})`,
      );
    }
    out.push(
      `  main driver per territory: ${Object.entries(s.driver_counts)
        .map(([f, n]) => `${f} ${n}`)
        .join(', ')}`,
    );
  }
  return out;
}
