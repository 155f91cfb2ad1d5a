import { describe, expect, it } from 'vitest';
import { PRESETS, presetConfig } from '../../../src/analytics/composite/presets';
import { effectiveWeights, weightsAsPercent } from '../../../src/analytics/composite/config';
import type { IndicatorMeta } from '../../../src/analytics/catalogue';

const ids: [string, IndicatorMeta['pillar'], 1 | -1][] = [
  ['fb_employment_rate_20_64', 'labour', 1],
  ['unemployment_rate', 'labour', -1],
  ['longterm_permit_share', 'stability', 1],
  ['foreign_per_100', 'stability', 1],
];
const CAT = ids.map(
  ([id, pillar, polarity]) => ({ id, pillar, polarity, levels: ['region'] }) as unknown as IndicatorMeta,
);

describe('presets', () => {
  it('have Italian and English labels', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['equal', 'cnel', 'labour']);
    for (const p of PRESETS) expect(p.label.it && p.label.en && p.description.it && p.description.en).toBeTruthy();
  });
  it('equal: 25 % each (2 per pillar, pillars 50 %)', () => {
    expect(weightsAsPercent(effectiveWeights(presetConfig('equal', CAT, 'region')))).toEqual([25, 25, 25, 25]);
  });
  it('cnel: foreign-born-specific indicators weigh 2 within their pillar: ⅔·50 % and ⅓·50 %', () => {
    expect(weightsAsPercent(effectiveWeights(presetConfig('cnel', CAT, 'region')))).toEqual([33, 17, 33, 17]);
  });
  it('labour: the stability pillar is off', () => {
    const c = presetConfig('labour', CAT, 'region');
    expect(weightsAsPercent(effectiveWeights(c))).toEqual([50, 50, 0, 0]);
  });
});
