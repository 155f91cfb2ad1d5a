/**
 * Named weightings. Each preset is a function of the catalogue and level, so it only lists indicators
 * that exist; an indicator a preset does not mention keeps weight 1.
 *
 * - equal: every candidate indicator weight 1 within its pillar, the two pillars 50 % / 50 % (the
 *   default configuration differs at a level that inherits most indicators, see levelWeights).
 * - cnel: after the CNEL/IDOS "Indici di integrazione degli immigrati in Italia" (2003–2013), whose
 *   "potenziale di integrazione" put the labour-market index and the social-insertion/stability index
 *   side by side (50 % / 50 % here) and was built mainly from measures OF the immigrant population
 *   (their employment, unemployment, long-term permits, citizenship acquisitions) rather than general
 *   context. So the foreign-born-specific indicators weigh 2 and the general ones 1:
 *   labour: fb_employment_rate_20_64 2, employment_gap_native_fb 2, fb_unemployment_rate 2,
 *           avg_taxable_income 1, unemployment_rate 1, neet_18_29 1;
 *   stability: longterm_permit_share 2, citizenship_per_1000 2, foreign_per_100 1 (CNEL's
 *           "attrattività"), longterm_permit_share_change 1, reception_per_1000 1.
 * - labour: the labour-market pillar only (stability indicators disabled, pillar weight 0).
 */
import type { Bilingual, IndicatorMeta } from '../catalogue';
import { defaultConfig, type Config, type IndexLevel } from './config';

export type PresetId = 'equal' | 'cnel' | 'labour';

export interface Preset {
  id: PresetId;
  label: Bilingual;
  description: Bilingual;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'equal',
    label: { it: 'Pesi uguali', en: 'Equal weights' },
    description: {
      it: 'Indicatori con lo stesso peso nel proprio pilastro; mercato del lavoro e stabilità al 50 % ciascuno.',
      en: 'Indicators weigh the same within their pillar; labour market and stability 50 % each.',
    },
  },
  {
    id: 'cnel',
    label: { it: 'Come CNEL', en: 'CNEL-like' },
    description: {
      it: 'Come gli indici CNEL/IDOS: lavoro e stabilità al 50 %, peso doppio agli indicatori misurati sugli stranieri (occupazione, disoccupazione, permessi di lungo periodo, cittadinanze).',
      en: 'After the CNEL/IDOS indices: labour and stability 50 % each, double weight for indicators measured on the foreign population (employment, unemployment, long-term permits, citizenship).',
    },
  },
  {
    id: 'labour',
    label: { it: 'Solo lavoro', en: 'Labour market only' },
    description: {
      it: 'Solo il pilastro mercato del lavoro, indicatori a pesi uguali.',
      en: 'The labour-market pillar only, indicators equally weighted.',
    },
  },
];

export const CNEL_WEIGHTS: Readonly<Record<string, number>> = {
  fb_employment_rate_20_64: 2,
  employment_gap_native_fb: 2,
  fb_unemployment_rate: 2,
  avg_taxable_income: 1,
  unemployment_rate: 1,
  neet_18_29: 1,
  longterm_permit_share: 2,
  citizenship_per_1000: 2,
  foreign_per_100: 1,
  longterm_permit_share_change: 1,
  reception_per_1000: 1,
};

/** The configuration of a preset (other settings as defaultConfig). */
export function presetConfig(id: PresetId, catalogue: readonly IndicatorMeta[], level: IndexLevel): Config {
  const c = defaultConfig(catalogue, level);
  if (id === 'equal') {
    c.indicators = c.indicators.map((i) => ({ ...i, weight: 1 }));
  } else if (id === 'cnel') {
    c.indicators = c.indicators.map((i) => ({ ...i, weight: CNEL_WEIGHTS[i.id] ?? 1 }));
    c.pillarWeights = { labour: 1, stability: 1 };
  } else if (id === 'labour') {
    c.indicators = c.indicators.map((i) => ({ ...i, enabled: i.pillar === 'labour' }));
    c.pillarWeights = { labour: 1, stability: 0 };
  } else {
    throw new Error(`Unknown preset "${String(id)}" (known: ${PRESETS.map((p) => p.id).join(', ')})`);
  }
  return c;
}
