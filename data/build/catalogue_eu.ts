/**
 * Catalogue entries of the figures that exist only for Europe's NUTS2 regions (data/build/eu.ts). The three
 * that Italy's regions already show (foreign-born employment rate, employment gap, foreign-born unemployment)
 * keep their entries in catalogue.ts and gain the level 'nuts2' from their rows.
 */
import type { buildCatalogue } from './catalogue.ts';
import { EU_MEASURES } from './eu.ts';

type Meta = Parameters<typeof buildCatalogue>[0][number];

const LFS_NOTE = {
  it: 'Indagine sulle forze di lavoro (LFS): stime campionarie, con incertezza maggiore per le regioni piccole (Eurostat non la pubblica per regione). Trascritto da Eurostat via CrispStrobe/bw-datenatlas. Cella vuota nella fonte = dato assente.',
  en: 'Labour Force Survey (LFS): sample estimates, with larger uncertainty for small regions (Eurostat does not publish it per region). Transcribed from Eurostat via CrispStrobe/bw-datenatlas. Blank source cell = no data.',
};

const TEXT: Record<string, [it: string, en: string, itDesc: string, enDesc: string, polarity: 1 | -1 | 0]> = {
  fb_share_15_64: [
    'Nati all’estero (15–64)',
    'Foreign-born (15–64)',
    'Nati all’estero in % della popolazione di 15–64 anni in famiglia (conta il luogo di nascita, non la cittadinanza).',
    'Foreign-born as % of the population aged 15–64 in private households (place of birth, not citizenship).',
    0,
  ],
  non_eu_born_share_15_64: [
    'Nati fuori dall’UE (15–64)',
    'Born outside the EU (15–64)',
    'Nati fuori dall’UE-27 in % della stessa popolazione.',
    'Born outside the EU-27 as % of the same population.',
    0,
  ],
  foreign_citizen_share_15_64: [
    'Cittadini stranieri (15–64)',
    'Foreign citizens (15–64)',
    'Persone senza la cittadinanza del paese di residenza in % della popolazione di 15–64 anni in famiglia.',
    'People without the citizenship of their country of residence as % of the population aged 15–64 in private households.',
    0,
  ],
  native_employment_rate_20_64: [
    'Tasso di occupazione dei nati nel paese (20–64)',
    'Employment rate of the native-born (20–64)',
    'Occupati nati nel paese in % della popolazione nata nel paese di 20–64 anni.',
    'Employed native-born as % of the native-born population aged 20–64.',
    1,
  ],
  native_unemployment_rate: [
    'Tasso di disoccupazione dei nati nel paese (15–74)',
    'Unemployment rate of the native-born (15–74)',
    'Disoccupati nati nel paese in % della forza lavoro nata nel paese, 15–74 anni.',
    'Unemployed native-born as % of the native-born labour force aged 15–74.',
    -1,
  ],
  net_migration_per_1000: [
    'Saldo migratorio (per 1.000 abitanti)',
    'Net migration (per 1,000 inhabitants)',
    'Iscrizioni meno cancellazioni, compreso l’aggiustamento statistico, per 1.000 abitanti, 2024 (bilancio demografico, non un’indagine campionaria).',
    'Arrivals minus departures, including the statistical adjustment, per 1,000 inhabitants, 2024 (population accounts, not a sample survey).',
    0,
  ],
};

export const EU_META: Meta[] = EU_MEASURES.filter((m) => TEXT[m.id]).map((m) => {
  const [lit, len, dit, den, polarity] = TEXT[m.id];
  return {
    id: m.id,
    label: { it: lit, en: len },
    description: { it: dit, en: den },
    unit: m.unit === 'per_1000' ? { it: 'per 1.000 abitanti', en: 'per 1,000 inhabitants' } : { it: '%', en: '%' },
    polarity,
    pillar: m.survey ? 'labour' : 'context',
    source: {
      it: `Eurostat, ${m.survey ? 'Labour Force Survey per regione NUTS2' : 'bilancio demografico per regione NUTS2'} (${m.dataset})`,
      en: `Eurostat, ${m.survey ? 'Labour Force Survey by NUTS2 region' : 'population change by NUTS2 region'} (${m.dataset})`,
    },
    licence: 'Eurostat: riuso con attribuzione / re-use with attribution',
    reference_date: String(m.year),
    notes: m.survey
      ? LFS_NOTE
      : {
          it: 'Trascritto da Eurostat via CrispStrobe/bw-datenatlas.',
          en: 'Transcribed from Eurostat via CrispStrobe/bw-datenatlas.',
        },
    estimated: m.survey,
    decimals: 1,
    aggregation: 'none',
    kind: 'rate',
    // the convention of catalogue.ts: 100 for a percentage or points, 1,000 for per 1,000 (rows have no numerator)
    scale: m.unit === 'per_1000' ? 1000 : 100,
  } as Meta;
});
