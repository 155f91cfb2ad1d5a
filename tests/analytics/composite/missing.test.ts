import { describe, expect, it } from 'vitest';
import { applyMissing } from '../../../src/analytics/composite/missing';
import { computeIndex } from '../../../src/analytics/composite/compute';
import { A, B, C, EXAMPLE, config } from '../../fixtures/composite/example';
import { expectAllClose, expectClose } from '../asserts';

// a (labour, +1) ½; b (stability, −1) ¼; c (stability, +1) ¼ — pillars equal, b and c equal in theirs.
// minmax a: 0, 25, 50, 100; b: 66.667, 100, 0, 33.333; c (1, —, 3, 5): 0, —, 50, 100
const ABC = config([A, B, C]);

describe('reweight (default)', () => {
  it('B lacks c: its ½ and ¼ are re-scaled over the ¾ observed', () => {
    // A: ½·0 + ¼·66.667 + ¼·0 = 16.667
    // B: (½·25 + ¼·100)/¾ = 37.5/0.75 = 50, observed share ¾
    // C: ½·50 + ¼·0 + ¼·50 = 37.5
    // D: ½·100 + ¼·33.333 + ¼·100 = 83.333
    const r = computeIndex(EXAMPLE, ABC);
    expectAllClose([...r.scores], [50 / 3, 50, 37.5, 250 / 3]);
    expectAllClose([...r.observedShare], [1, 0.75, 1, 1]);
    expect(r.status).toEqual(['ok', 'ok', 'ok', 'ok']);
    // re-scaled contributions of B: ½/¾·25 = 16.667 and ¼/¾·100 = 33.333; c missing
    expectAllClose([r.contributions[0][1], r.contributions[1][1]], [50 / 3, 100 / 3]);
    expect(r.contributions[2][1]).toBeNaN();
    // stability pillar of B: only b observed (share ½ ≥ 0.5) → 100
    expectClose(r.pillarScores.stability![1], 100);
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
    expectClose(computeIndex(noParent, { ...ABC, missing: 'impute_parent' }).scores[1], 50);
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
