import { describe, expect, it } from 'vitest';
import { applyMissing } from '../../../src/analytics/composite/missing';
import { computeIndex } from '../../../src/analytics/composite/compute';
import { matrixFromValues } from '../../../src/analytics/composite/matrix';
import { A, B, C, EXAMPLE, config } from '../../fixtures/composite/example';
import { expectAllClose, expectClose } from '../asserts';

// a (labour, +1) ½; b (stability, −1) ¼; c (stability, +1) ¼ — pillars equal, b and c equal in theirs.
// minmax a: 0, 25, 50, 100; b: 66.667, 100, 0, 33.333; c (1, —, 3, 5): 0, —, 50, 100
const ABC = config([A, B, C]);

describe('reweight (default): a missing weight is re-spread within its pillar', () => {
  it('B lacks c: c’s ¼ goes to b, the other stability indicator (OECD–JRC / COINr rule)', () => {
    // A: ½·0 + ¼·66.667 + ¼·0 = 16.667
    // B: ½·25 + (¼ + ¼)·100 = 12.5 + 50 = 62.5 — labour and stability stay 50/50; observed share ¾
    // C: ½·50 + ¼·0 + ¼·50 = 37.5
    // D: ½·100 + ¼·33.333 + ¼·100 = 83.333
    const r = computeIndex(EXAMPLE, ABC);
    expectAllClose([...r.scores], [50 / 3, 62.5, 37.5, 250 / 3]);
    expectAllClose([...r.observedShare], [1, 0.75, 1, 1]);
    expect(r.status).toEqual(['ok', 'ok', 'ok', 'ok']);
    // contributions of B: ½·25 = 12.5 and ½·100 = 50; c missing
    expectAllClose([r.contributions[0][1], r.contributions[1][1]], [12.5, 50]);
    expect(r.contributions[2][1]).toBeNaN();
    // stability pillar of B: only b observed (share ½ ≥ 0.5) → 100
    expectClose(r.pillarScores.stability![1], 100);
  });
  it('option respread "all": B’s ½ and ¼ are re-scaled over the ¾ observed (labour ⅔, stability ⅓)', () => {
    // B: (½·25 + ¼·100)/¾ = 37.5/0.75 = 50; contributions ½/¾·25 = 16.667 and ¼/¾·100 = 33.333
    const r = computeIndex(EXAMPLE, { ...ABC, respread: 'all' });
    expectAllClose([...r.scores], [50 / 3, 50, 37.5, 250 / 3]);
    expectAllClose([r.contributions[0][1], r.contributions[1][1]], [50 / 3, 100 / 3]);
  });
  it('observed share below minObservedShare → no score, status insufficient, rank 0', () => {
    const r = computeIndex(EXAMPLE, { ...ABC, minObservedShare: 0.8 });
    expect(r.scores[1]).toBeNaN();
    expect(r.status[1]).toBe('insufficient');
    expect([...r.rank]).toEqual([3, 0, 2, 1]);
    expectClose(r.observedShare[1], 0.75); // still reported
  });
  it('a share exactly at the threshold is enough (0.75 ≥ 0.75)', () => {
    expect(computeIndex(EXAMPLE, { ...ABC, minObservedShare: 0.75 }).status[1]).toBe('ok');
  });
});

describe('impute_parent', () => {
  it("B takes its parent's c = 4; imputed counts as not observed", () => {
    // c with B = 4: 1, 4, 3, 5 → minmax 0, 75, 50, 100
    // B: ½·25 + ¼·100 + ¼·75 = 12.5 + 25 + 18.75 = 56.25; A, C, D unchanged
    const r = computeIndex(EXAMPLE, { ...ABC, missing: 'impute_parent' });
    expectAllClose([...r.scores], [50 / 3, 56.25, 37.5, 250 / 3]);
    expectClose(r.observedShare[1], 0.75);
  });
  it('falls back to reweight where the parent has no value', () => {
    const noParent = { ...EXAMPLE, parentValues: EXAMPLE.parentValues.map((v) => v.map(() => NaN)) };
    expectClose(computeIndex(noParent, { ...ABC, missing: 'impute_parent' }).scores[1], 62.5);
    expectClose(computeIndex(noParent, { ...ABC, missing: 'impute_parent', respread: 'all' }).scores[1], 50);
  });
  it('applyMissing marks observed values only', () => {
    const r = applyMissing([1, NaN, NaN], [9, 4, NaN], 'impute_parent');
    expect([...r.observed]).toEqual([1, 0, 0]);
    expect(r.values[1]).toBe(4);
    expect(r.values[2]).toBeNaN();
    expect(r.imputed).toBe(1);
  });
});

describe('winsor in the pipeline', () => {
  it('winsor 0.05/0.95 on a (10, 20, 30, 50) → 11.5 … 47 before min–max', () => {
    // n = 4: h = 3·0.05 = 0.15 → 10 + 0.15·10 = 11.5; h = 3·0.95 = 2.85 → 30 + 0.85·20 = 47
    // minmax over 11.5..47 (35.5): 0, 8.5/35.5 = 23.9437 %, 18.5/35.5 = 52.1127 %, 100
    const r = computeIndex(EXAMPLE, { ...config([A]), winsor: { lower: 0.05, upper: 0.95 } });
    expectAllClose([...r.scores], [0, 23.943662, 52.112676, 100], 1e-6);
  });
});

// Synthetic (not real data): l (labour) and s1, s2, s3 (stability), all polarity +1, equal weights:
// l ½, s1 s2 s3 ⅙ each. minmax: l 0, 50, 100, 50; s1 —, 0, 100, —; s2 —, 100, 0, —; s3 50, 0, 100, —.
// X lacks s1 and s2; W lacks the whole stability pillar.
const L = { id: 'l', pillar: 'labour', polarity: 1, weight: 1, enabled: true } as const;
const S = (id: string) => ({ id, pillar: 'stability', polarity: 1, weight: 1, enabled: true }) as const;
const XYZW = matrixFromValues({
  codes: ['X', 'Y', 'Z', 'W'],
  ids: ['l', 's1', 's2', 's3'],
  values: [
    [0, 50, 100, 50],
    [null, 0, 10, null],
    [null, 10, 0, null],
    [4, 0, 8, null],
  ],
});
const LS = config([L, S('s1'), S('s2'), S('s3')]);

describe('within-pillar vs global re-spreading (hand-worked)', () => {
  it('X lacking two of three stability indicators: 50/50 within pillar, 75/25 globally', () => {
    // pillar: X = ½·0 + ½·50 = 25 (s3 carries the whole stability half)
    // all:    X = (½·0 + ⅙·50)/(½ + ⅙) = 8.333/0.667 = 12.5 (labour ¾, stability ¼)
    // Y, Z have everything: ½·50 + ⅙·(0 + 100 + 0) = 41.667; ½·100 + ⅙·(100 + 0 + 100) = 83.333
    // W has no stability value: in both rules its score is l alone, 50 (observed share ½ ≥ 0.5)
    const p = computeIndex(XYZW, LS);
    const g = computeIndex(XYZW, { ...LS, respread: 'all' });
    expectAllClose([...p.scores], [25, 125 / 3, 250 / 3, 50]);
    expectAllClose([...g.scores], [12.5, 125 / 3, 250 / 3, 50]);
    // effective weight of s3 for X (its contribution / its normalised value 50): ½ within pillar, ¼ globally
    expectAllClose([p.contributions[3][0] / 50, g.contributions[3][0] / 50], [0.5, 0.25]);
  });
  it('own_level_weight: the share of the re-spread weight measured at the level itself', () => {
    // l inherited from the region for every province (source code 2 = region), s* own (3 = province)
    // pillar: X 0 + ½ = 0.5; Y, Z ⅙·3 = 0.5; W 0 (only l). all: X ¼.
    const m = {
      ...XYZW,
      sourceLevel: XYZW.sourceLevel.map((s, j) => (j === 0 ? Uint8Array.from(s, (v) => (v ? 2 : 0)) : s)),
    };
    expectAllClose([...computeIndex(m, LS).ownLevelShare], [0.5, 0.5, 0.5, 0]);
    expectClose(computeIndex(m, { ...LS, respread: 'all' }).ownLevelShare[0], 0.25);
    // not scored → NaN
    expect(computeIndex(m, { ...LS, minObservedShare: 0.9 }).ownLevelShare[0]).toBeNaN();
  });
  it('AMPI and the geometric mean use the same re-spread weights', () => {
    // geometric, X: g_l = 1 (min), g_s3 = 50.5 → pillar: 1^½·50.5^½ = 7.106335; all: 50.5^¼ = 2.665771
    expectClose(computeIndex(XYZW, { ...LS, aggregation: 'geometric' }).scores[0], Math.sqrt(50.5), 1e-9);
    expectClose(
      computeIndex(XYZW, { ...LS, aggregation: 'geometric', respread: 'all' }).scores[0],
      Math.pow(50.5, 0.25),
      1e-9,
    );
  });
});
