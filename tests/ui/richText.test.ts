import { describe, it, expect } from 'vitest';
import { richParts } from '../../src/ui/richText';

/** The parts written back with a tag around each marked one (a test's view only: the page renders text). */
const tagged = (s: string) =>
  richParts(s)
    .map((p) => (p.kind === 'text' ? p.text : `<${p.kind}>${p.text}</${p.kind}>`))
    .join('|');

describe('words with inline marks', () => {
  it('splits bold, italic, code and subscript from the text around them', () => {
    expect(tagged('**Pesi.** peso n~own~ con *Handbook* e [[y = p·(x − m)/sd]].')).toBe(
      '<b>Pesi.</b>| peso n|<sub>own</sub>| con |<i>Handbook</i>| e |<code>y = p·(x − m)/sd</code>|.',
    );
  });

  it('keeps markup-looking text as text and underscores inside code', () => {
    expect(richParts('<b>x</b> & [[own_level_weight]]')).toEqual([
      { kind: 'text', text: '<b>x</b> & ' },
      { kind: 'code', text: 'own_level_weight' },
    ]);
    expect(richParts('')).toEqual([]);
  });
});
