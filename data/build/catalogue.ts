/** Indicator catalogue (metadata). levels/years are derived from the rows actually written. Pure. */
import type { IndicatorRow, Level } from './types.ts';
import { LEVEL_ORDER } from './types.ts';

type I18n = { it: string; en: string };
export interface CatalogueEntry {
  id: string;
  label: I18n;
  description: I18n;
  unit: I18n;
  polarity: 1 | -1 | 0;
  pillar: 'labour' | 'stability' | 'context';
  levels: Level[];
  years: number[];
  source: I18n;
  licence: string;
  reference_date: string;
  notes: I18n | null;
  estimated: boolean;
  decimals: number;
  aggregation: 'ratio_of_sums' | 'sum' | 'none';
  /** numerator and denominator refer to different dates (said in the notes and the tooltip) */
  dates_differ: boolean;
}
type Meta = Omit<CatalogueEntry, 'levels' | 'years' | 'dates_differ'>;

/** foreign residents (1 Jan 2023) and reception presences (each year) over the ANPR population of January 2026 */
export const DATES_DIFFER: ReadonlySet<string> = new Set(['foreign_per_100', 'reception_per_1000']);

const ISTAT_LIC = 'CC BY 4.0 (ISTAT)';
const src = (it: string, en: string): I18n => ({ it, en });
const ANPR = 'ANPR (Ministero dell’Interno), popolazione residente per comune, gennaio 2026 — github.com/italia/anpr-opendata';
const ANPR_EN = 'ANPR (Ministry of the Interior), resident population by comune, January 2026 — github.com/italia/anpr-opendata';

export const META: Meta[] = [
  {
    id: 'population',
    label: { it: 'Popolazione residente', en: 'Resident population' },
    description: { it: 'Residenti iscritti in anagrafe (ANPR), somma dei comuni.', en: 'Residents registered in ANPR, sum of comuni.' },
    unit: { it: 'abitanti', en: 'inhabitants' },
    polarity: 0, pillar: 'context',
    source: src(ANPR, ANPR_EN), licence: 'CC0 1.0', reference_date: 'gennaio 2026 / January 2026',
    notes: null, estimated: false, decimals: 0, aggregation: 'sum',
  },
  {
    id: 'density',
    label: { it: 'Densità di popolazione', en: 'Population density' },
    description: { it: 'Residenti per km² (somma residenti / somma superfici).', en: 'Residents per km² (sum of residents / sum of areas).' },
    unit: { it: 'ab./km²', en: 'inh./km²' },
    polarity: 0, pillar: 'context',
    source: src(ANPR + '; superfici ISTAT (database comuni Garda Informatica, 2025)', ANPR_EN + '; ISTAT areas (Garda Informatica comuni database, 2025)'),
    licence: 'CC0 1.0 / MIT', reference_date: 'gennaio 2026 / January 2026',
    notes: null, estimated: false, decimals: 1, aggregation: 'ratio_of_sums',
  },
  {
    id: 'foreign_per_100',
    label: { it: 'Stranieri residenti ogni 100 abitanti', en: 'Foreign residents per 100 inhabitants' },
    description: {
      it: 'Cittadini stranieri residenti al 1° gennaio 2023 ogni 100 residenti (ANPR gennaio 2026).',
      en: 'Foreign citizens resident on 1 January 2023 per 100 residents (ANPR January 2026).',
    },
    unit: { it: 'per 100 abitanti', en: 'per 100 inhabitants' },
    polarity: 1, pillar: 'stability',
    source: src('ISTAT, DCIS_POPSTRCIT1 (stranieri residenti per cittadinanza, totale WORLD); ANPR 2026', 'ISTAT, DCIS_POPSTRCIT1 (foreign residents by citizenship, WORLD total); ANPR 2026'),
    licence: ISTAT_LIC + '; CC0 1.0', reference_date: '1 gennaio 2023 (numeratore), gennaio 2026 (denominatore)',
    notes: {
      it: 'Numeratore al 1° gennaio 2023, denominatore a gennaio 2026: date diverse, il valore è un’approssimazione. Polarità +1 come proposto dal metodo CNEL (presenza radicata); è un indicatore di contesto da leggere con cautela.',
      en: 'Numerator 1 January 2023, denominator January 2026: different dates, so the value is an approximation. Polarity +1 as in the CNEL method (settled presence); read it as context, with care.',
    },
    estimated: false, decimals: 1, aggregation: 'ratio_of_sums',
  },
  {
    id: 'foreign_residents',
    label: { it: 'Stranieri residenti', en: 'Foreign residents' },
    description: { it: 'Cittadini stranieri residenti al 1° gennaio (bilancio demografico).', en: 'Foreign citizens resident on 1 January (demographic balance).' },
    unit: { it: 'persone', en: 'people' },
    polarity: 0, pillar: 'context',
    source: src('ISTAT, DCIS_POPSTRBIL1 (bilancio demografico della popolazione straniera)', 'ISTAT, DCIS_POPSTRBIL1 (demographic balance of the foreign population)'),
    licence: ISTAT_LIC, reference_date: '1 gennaio di ogni anno / 1 January of each year',
    notes: null, estimated: false, decimals: 0, aggregation: 'sum',
  },
  {
    id: 'non_eu_share',
    label: { it: 'Quota di stranieri non UE', en: 'Non-EU share of foreign residents' },
    description: {
      it: 'Stranieri residenti non UE (totale meno UE28) in % degli stranieri residenti, 1° gennaio 2023.',
      en: 'Non-EU foreign residents (total minus EU28) as % of foreign residents, 1 January 2023.',
    },
    unit: { it: '%', en: '%' },
    polarity: 0, pillar: 'context',
    source: src('ISTAT, DCIS_POPSTRCIT1 (WORLD − EU28)', 'ISTAT, DCIS_POPSTRCIT1 (WORLD − EU28)'),
    licence: ISTAT_LIC, reference_date: '1 gennaio 2023 / 1 January 2023',
    notes: {
      it: 'ISTAT usa l’aggregato UE28, che include il Regno Unito: i britannici sono contati come UE.',
      en: 'ISTAT uses the EU28 aggregate, which includes the United Kingdom: British citizens are counted as EU.',
    },
    estimated: false, decimals: 1, aggregation: 'ratio_of_sums',
  },
  {
    id: 'longterm_permit_share',
    label: { it: 'Permessi di lungo periodo', en: 'Long-term permits' },
    description: {
      it: 'Permessi di soggiorno UE per soggiornanti di lungo periodo in % dei permessi validi di cittadini non UE (dati annuali ISTAT).',
      en: 'EU long-term residence permits as % of valid residence permits of non-EU citizens (ISTAT annual data).',
    },
    unit: { it: '%', en: '%' },
    polarity: 1, pillar: 'stability',
    source: src('ISTAT, DCIS_PERMSOGG1 (permessi di soggiorno validi per tipo)', 'ISTAT, DCIS_PERMSOGG1 (valid residence permits by type)'),
    licence: ISTAT_LIC, reference_date: '2015–2024 (annuale / annual)',
    notes: {
      it: 'Dati per 103 aree: Monza e della Brianza (incluso in Milano), Fermo (in Ascoli Piceno), Barletta-Andria-Trani (in Bari, in parte Foggia) e Sud Sardegna (nella vecchia provincia di Cagliari, in parte Oristano/Nuoro) non sono disponibili separatamente; i valori di Milano, Ascoli Piceno, Bari, Foggia, Cagliari, Oristano e Nuoro si riferiscono alle aree ampliate. Regioni e Italia sono complete.',
      en: 'Data for 103 areas: Monza e della Brianza (included in Milano), Fermo (in Ascoli Piceno), Barletta-Andria-Trani (in Bari, partly Foggia) and Sud Sardegna (in the older province of Cagliari, partly Oristano/Nuoro) are not available separately; values for Milano, Ascoli Piceno, Bari, Foggia, Cagliari, Oristano and Nuoro refer to the enlarged areas. Regions and Italy are complete.',
    },
    estimated: false, decimals: 1, aggregation: 'ratio_of_sums',
  },
  {
    id: 'longterm_permit_share_change',
    label: { it: 'Variazione quota permessi di lungo periodo 2019–2024', en: 'Change in long-term permit share 2019–2024' },
    description: { it: 'Differenza in punti percentuali tra la quota 2024 e la quota 2019.', en: 'Difference in percentage points between the 2024 and the 2019 share.' },
    unit: { it: 'punti percentuali', en: 'percentage points' },
    polarity: 1, pillar: 'stability',
    source: src('ISTAT, DCIS_PERMSOGG1', 'ISTAT, DCIS_PERMSOGG1'),
    licence: ISTAT_LIC, reference_date: '2019 → 2024',
    notes: {
      it: 'Calcolata dalle quote di ciascun livello (rapporti di somme), non aggregabile come media. Stesse aree mancanti di «Permessi di lungo periodo».',
      en: 'Computed from each level’s shares (ratios of sums); not to be averaged. Same missing areas as “Long-term permits”.',
    },
    estimated: false, decimals: 1, aggregation: 'none',
  },
  {
    id: 'citizenship_per_1000',
    label: { it: 'Acquisizioni di cittadinanza ogni 1.000 stranieri', en: 'Citizenship acquisitions per 1,000 foreign residents' },
    description: {
      it: 'Acquisizioni di cittadinanza italiana nell’anno ogni 1.000 stranieri residenti al 1° gennaio dello stesso anno.',
      en: 'Acquisitions of Italian citizenship during the year per 1,000 foreign residents on 1 January of that year.',
    },
    unit: { it: 'per 1.000 stranieri', en: 'per 1,000 foreign residents' },
    polarity: 1, pillar: 'stability',
    source: src('ISTAT, DCIS_POPSTRBIL1 (ACQCITIZ, FJAN)', 'ISTAT, DCIS_POPSTRBIL1 (ACQCITIZ, FJAN)'),
    licence: ISTAT_LIC, reference_date: '2019–2023',
    notes: null, estimated: false, decimals: 1, aggregation: 'ratio_of_sums',
  },
  {
    id: 'avg_taxable_income',
    label: { it: 'Reddito imponibile medio', en: 'Average taxable income' },
    description: {
      it: 'Ammontare del reddito imponibile IRPEF diviso per il numero di contribuenti con reddito imponibile, anno d’imposta 2019.',
      en: 'IRPEF taxable income amount divided by the number of taxpayers with taxable income, tax year 2019.',
    },
    unit: { it: '€ per contribuente', en: '€ per taxpayer' },
    polarity: 1, pillar: 'labour',
    source: src('MEF – Dipartimento delle Finanze, dichiarazioni IRPEF su base comunale, anno d’imposta 2019', 'MEF – Department of Finance, IRPEF returns by comune, tax year 2019'),
    licence: 'CC BY 3.0 IT (MEF open data)', reference_date: 'anno d’imposta 2019 / tax year 2019',
    notes: {
      it: 'Codici comunali 2019 ricondotti ai codici attuali: i comuni fusi dopo il 2019 sommano numeratori e denominatori. Euro correnti 2019.',
      en: '2019 comune codes mapped to current codes: comuni merged after 2019 sum numerators and denominators. Current 2019 euros.',
    },
    estimated: false, decimals: 0, aggregation: 'ratio_of_sums',
  },
  {
    id: 'unemployment_rate',
    label: { it: 'Tasso di disoccupazione (15–74)', en: 'Unemployment rate (15–74)' },
    description: { it: 'Disoccupati in % della forza lavoro 15–74 anni, media annua 2023.', en: 'Unemployed as % of the labour force aged 15–74, 2023 annual average.' },
    unit: { it: '%', en: '%' },
    polarity: -1, pillar: 'labour',
    source: src('ISTAT, Rilevazione sulle forze di lavoro (tasso di disoccupazione per regione)', 'ISTAT, Labour Force Survey (unemployment rate by region)'),
    licence: ISTAT_LIC, reference_date: '2023',
    notes: {
      it: 'Il file ISTAT usa i vecchi codici ITTER107 delle regioni: abbinati con una tabella esplicita e verificati sul nome. Trentino-Alto Adige è fornito come regione.',
      en: 'The ISTAT file uses older ITTER107 region codes: matched through an explicit table and checked on the name. Trentino-Alto Adige is given as a region.',
    },
    estimated: false, decimals: 1, aggregation: 'none',
  },
  {
    id: 'neet_18_29',
    label: { it: 'NEET 18–29 anni', en: 'NEET aged 18–29' },
    description: { it: 'Giovani 18–29 anni che non lavorano e non studiano, in % dei giovani della stessa età, 2023.', en: 'Young people aged 18–29 not in employment, education or training, as % of that age group, 2023.' },
    unit: { it: '%', en: '%' },
    polarity: -1, pillar: 'labour',
    source: src('ISTAT, Rilevazione sulle forze di lavoro (incidenza NEET per regione)', 'ISTAT, Labour Force Survey (NEET incidence by region)'),
    licence: ISTAT_LIC, reference_date: '2023',
    notes: {
      it: 'Vecchi codici ITTER107 delle regioni, abbinati con tabella esplicita e verifica del nome.',
      en: 'Older ITTER107 region codes, matched through an explicit table and a name check.',
    },
    estimated: false, decimals: 1, aggregation: 'none',
  },
  ...(
    [
      ['fb_employment_rate_20_64', 'Tasso di occupazione dei nati all’estero (20–64)', 'Employment rate of the foreign-born (20–64)', 'Occupati nati all’estero in % della popolazione nata all’estero di 20–64 anni.', 'Employed foreign-born as % of the foreign-born population aged 20–64.', '%', '%', 1, 'lfst_r_lfe2emprc'],
      ['employment_gap_native_fb', 'Divario occupazionale nativi − nati all’estero', 'Employment gap, native − foreign-born', 'Tasso di occupazione 20–64 dei nati nel paese meno quello dei nati all’estero, in punti percentuali.', 'Employment rate 20–64 of the native-born minus that of the foreign-born, in percentage points.', 'punti percentuali', 'percentage points', -1, 'lfst_r_lfe2emprc'],
      ['fb_unemployment_rate', 'Tasso di disoccupazione dei nati all’estero (15–74)', 'Unemployment rate of the foreign-born (15–74)', 'Disoccupati nati all’estero in % della forza lavoro nata all’estero, 15–74 anni.', 'Unemployed foreign-born as % of the foreign-born labour force aged 15–74.', '%', '%', -1, 'lfst_r_lfu5rt'],
    ] as const
  ).map(
    ([id, lit, len, dit, den, uit, uen, pol, ds]): Meta => ({
      id,
      label: { it: lit, en: len },
      description: { it: dit, en: den },
      unit: { it: uit, en: uen },
      polarity: pol,
      pillar: 'labour',
      source: src(`Eurostat, Labour Force Survey per regione NUTS2 (${ds})`, `Eurostat, Labour Force Survey by NUTS2 region (${ds})`),
      licence: 'Eurostat: riuso con attribuzione / re-use with attribution',
      reference_date: 'LFS, rilascio 2025 / 2025 release',
      notes: {
        it: 'Trascritto a mano da Eurostat (via CrispStrobe/bw-datenatlas), non scaricato automaticamente. Livello NUTS2: Bolzano (ITH1) e Trento (ITH2) sono province, quindi non esiste un valore per la regione Trentino-Alto Adige. Celle vuote nella fonte = dato assente. Anno indicato come 2025 (anno di rilascio della trascrizione).',
        en: 'Transcribed by hand from Eurostat (via CrispStrobe/bw-datenatlas), not downloaded automatically. NUTS2 level: Bolzano (ITH1) and Trento (ITH2) are provinces, so there is no value for the Trentino-Alto Adige region. Blank source cells = no data. Year given as 2025 (release year of the transcription).',
      },
      estimated: false,
      decimals: 1,
      aggregation: 'none',
    })
  ),
  {
    id: 'reception_per_1000',
    label: { it: 'Migranti in accoglienza ogni 1.000 abitanti', en: 'Migrants in reception per 1,000 inhabitants' },
    description: {
      it: 'Migranti presenti in hotspot, centri di accoglienza (CAS…) e rete SIPROIMI/SAI, all’ultima data di rilevazione dell’anno, ogni 1.000 residenti (ANPR 2026).',
      en: 'Migrants present in hotspots, reception centres (CAS…) and the SIPROIMI/SAI network at the last report date of the year, per 1,000 residents (ANPR 2026).',
    },
    unit: { it: 'per 1.000 abitanti', en: 'per 1,000 inhabitants' },
    polarity: 1, pillar: 'stability',
    source: src('Ministero dell’Interno, cruscotto statistico giornaliero, via ondata «Liberiamoli tutti!» (Fonte: Liberiamoli tutti!)', 'Ministry of the Interior, daily statistical dashboard, via ondata “Liberiamoli tutti!” (Source: Liberiamoli tutti!)'),
    licence: 'CC BY 4.0', reference_date: '',
    notes: null, estimated: false, decimals: 2, aggregation: 'ratio_of_sums',
  },
];

export function receptionNotes(dates: Record<number, string>): { it: string; en: string; ref: string } {
  const list = Object.entries(dates)
    .map(([y, d]) => `${y}: ${d}`)
    .join('; ');
  return {
    ref: `ultima data di ogni anno / last report date of each year (${list})`,
    it: `Valori all’ultima data di rilevazione di ciascun anno (${list}); il 2025 arriva solo a settembre. Denominatore: popolazione ANPR gennaio 2026 (date diverse). Polarità +1 come suggerito dal metodo (presenza e accoglienza), da leggere con cautela: misura la pressione sull’accoglienza più che l’integrazione.`,
    en: `Values at the last report date of each year (${list}); 2025 only runs to September. Denominator: ANPR population January 2026 (different dates). Polarity +1 as the method suggests, to be read with care: it measures reception load more than integration.`,
  };
}

/** Build the catalogue from metadata and the rows actually written: levels and years where data exists. */
export function buildCatalogue(meta: Meta[], rows: IndicatorRow[]): CatalogueEntry[] {
  const levels = new Map<string, Set<Level>>();
  const years = new Map<string, Set<number>>();
  for (const r of rows) {
    (levels.get(r.indicator) ?? levels.set(r.indicator, new Set()).get(r.indicator)!).add(r.level);
    (years.get(r.indicator) ?? years.set(r.indicator, new Set()).get(r.indicator)!).add(r.year);
  }
  const ids = new Set(meta.map((m) => m.id));
  for (const id of levels.keys()) if (!ids.has(id)) throw new Error(`Indicator ${id} has rows but no catalogue entry`);
  return meta
    .filter((m) => levels.has(m.id))
    .map((m) => ({
      id: m.id,
      label: m.label,
      description: m.description,
      unit: m.unit,
      polarity: m.polarity,
      pillar: m.pillar,
      levels: LEVEL_ORDER.filter((l) => levels.get(m.id)!.has(l)),
      years: [...years.get(m.id)!].sort((a, b) => a - b),
      source: m.source,
      licence: m.licence,
      reference_date: m.reference_date,
      notes: m.notes,
      estimated: m.estimated,
      decimals: m.decimals,
      aggregation: m.aggregation,
      dates_differ: DATES_DIFFER.has(m.id),
    }));
}
