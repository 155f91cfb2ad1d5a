import { describe, expect, it } from 'vitest';
import { auditDict } from '../../../src/coefficient/audit/i18n';
import { FACTORS } from '../../../src/analytics/composite/audit';
import { plainShares } from '../../../src/analytics/composite/audit';

describe('the audit’s words', () => {
  it('Italian and English have the same entries, and every factor has its words', () => {
    const it_ = auditDict('it');
    const en = auditDict('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(it_).sort());
    for (const d of [it_, en])
      for (const f of FACTORS) for (const m of [d.factors, d.factorsFrom, d.factorNames]) expect(m[f]).toBeTruthy();
  });
  it('the lead sentence, with the shares clipped as plainShares says', () => {
    // a first-order estimate above the total (small-sample noise) is said as the total
    const s = plainShares(1.04, 0.81);
    expect(s).toEqual({ alone: 0.81, total: 0.81 });
    expect(plainShares(-0.09, 0.06)).toEqual({ alone: 0, total: 0.06 });
    expect(auditDict('it').plainTop(auditDict('it').factorsFrom.weights, 0.33, 0.72, 9.67)).toBe(
      'Più di tutto, la classifica dipende dai pesi: questa scelta, da sola, spiega circa il 33 % della variazione delle posizioni, con le sue interazioni il 72 %. In media, cambiando le scelte aperte, un territorio si sposta di 9,7 posizioni.',
    );
    expect(auditDict('en').plainTop(auditDict('en').factorsFrom.aggregation, 0.14, 0.29, 3)).toBe(
      'Above all, the ranking depends on the aggregation: alone it explains about 14 % of the variation in ranks, with its interactions 29 %. On average, changing the open choices moves a territory by 3.0 places.',
    );
  });
});
