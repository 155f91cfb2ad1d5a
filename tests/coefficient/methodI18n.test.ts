import { describe, it, expect } from 'vitest';
import { methodWords } from '../../src/coefficient/methodI18n';
import { richParts } from '../../src/ui/richText';

describe('the method page words', () => {
  const it_ = methodWords.it({ respread: 'all', u: 40 });
  const en = methodWords.en({ respread: 'pillar', u: 25 });

  it('has the same steps in both languages, the references after the "Italy" step', () => {
    expect(it_.steps).toHaveLength(10);
    expect(en.steps).toHaveLength(it_.steps.length);
    expect(it_.references.step).toBe(en.references.step);
    expect(it_.steps[it_.references.step]).toMatch(/^\*\*Riferimento «Italia»\*\*/);
    expect(en.steps[en.references.step]).toMatch(/^\*\*“Italy” reference\*\*/);
  });

  it('says the rule and the threshold in force', () => {
    expect(it_.steps.join(' ')).toMatch(/In uso ora: ridistribuzione su tutti gli indicatori/);
    expect(en.steps.join(' ')).toMatch(/In use now: re-spread within the pillar/);
    expect(it_.steps.join(' ')).toMatch(/più ampio del 40 %/);
    expect(en.steps.join(' ')).toMatch(/wider than 25 %/);
  });

  it('every mark is closed: no word is left with a stray mark or an HTML tag', () => {
    for (const w of [it_, en])
      for (const s of [w.intro, ...w.steps, w.audit, w.cli]) {
        const text = richParts(s)
          .filter((p) => p.kind === 'text')
          .map((p) => p.text)
          .join('');
        expect(text).not.toMatch(/\*|\[\[|\]\]|~|<|&/);
      }
  });
});
