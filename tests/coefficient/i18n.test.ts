import { describe, expect, it } from 'vitest';
import { coefDict } from '../../src/coefficient/i18n';

describe('the coefficient notes, Italian and English', () => {
  it('how local the coefficient is, per level', () => {
    expect(coefDict('it').ownLevelNote('comune', 0.1234)).toBe(
      'A livello comunale in media il 12 % del peso viene da dati comunali; il resto da dati di livello superiore (⚑).',
    );
    expect(coefDict('en').ownLevelNote('province', 0.486)).toBe(
      'At provincial level, on average 49 % of the weight comes from provincial data; the rest from coarser levels (⚑).',
    );
    expect(coefDict('it').ownLevelNote('region', 1)).toBe(
      'A livello regionale il 100 % del peso viene da dati regionali.',
    );
  });
  it('how many territories are faded and why', () => {
    expect(coefDict('it').fadeNote(28, 107, 0.4)).toBe(
      'Sfumati 28 territori su 107: il loro intervallo 5–95% della posizione copre più del 40% della classifica.',
    );
    expect(coefDict('en').fadeNote(4, 20, 0.3)).toBe(
      '4 of 20 territories faded: their 5–95% rank interval covers more than 30% of the ranking.',
    );
  });
});
