import { describe, expect, it } from 'vitest';
import { matrixFromValues, prepare, scoreWith, type Config } from '../../../../src/analytics/composite';
import { auditJson, auditStatistics, auditSummary, runSensitivity } from '../../../../src/analytics/composite/audit';
import { DEFAULT_UNCERTAINTY } from '../../../../src/analytics/composite/config';
import { config as fixtureConfig, XYZ } from '../../../fixtures/composite/example';

// fixture (synthetic): x has an outlier (COINr's c(1:10, 100)); y is constant (its correlations are undefined)
const matrix = matrixFromValues({
  codes: 'ABCDEFGHIJK'.split(''),
  ids: ['x', 'y', 'z'],
  values: [
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100],
    [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
    [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5],
  ],
});
// the composite tests' configuration with z-scores and 100 draws (fixture: x, y labour; z stability)
const config: Config = fixtureConfig(XYZ, {
  normalisation: 'zscore',
  uncertainty: { ...DEFAULT_UNCERTAINTY, draws: 100 },
});

describe('the audit as JSON and as text', () => {
  it('undefined statistics are null (never 0 or NaN); the outlier and its suggestion are reported', () => {
    const p = prepare(matrix, config);
    const res = scoreWith(p);
    const j = auditJson(
      matrix,
      config,
      auditStatistics(p, res),
      runSensitivity(matrix, config, { n: 32, seed: 1, bootstrap: 20 }),
      res.rank,
    );
    const text = JSON.stringify(j);
    expect(text).not.toContain('NaN');
    // y is constant: its correlation with x is undefined
    expect(j.correlations.pearson[0][1]).toBeNull();
    expect(j.correlations.pearson[1][1]).toBeNull();
    const x = j.indicators.find((i) => i.id === 'x')!;
    expect(x.skew).toBeCloseTo(3.255638, 5);
    expect(x.outlier_flag).toBe(true);
    expect(x.suggested_winsorising).toMatchObject({ points: 1, side: 'high', passes_after: true });
    expect(j.sensitivity!.runs).toBe(32 * 7);
    expect(j.sensitivity!.territories).toHaveLength(11);
    const lines = auditSummary(j);
    expect(lines[0]).toBe('audit: province, 3 indicators, 11 territories; zscore + arithmetic');
    expect(lines.join('\n')).toContain(
      'outliers (|skew| >= 2 and kurtosis >= 3.5): x (skew 3.26, kurtosis 10.71; winsorise 1 point(s))',
    );
    expect(lines.join('\n')).toMatch(/what drives this ranking most: \w+/);
  });
});
