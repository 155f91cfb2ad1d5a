// Over 300 lines: the metadata of every published indicator, one entry each (data, not logic).
/** Indicator catalogue (metadata). levels/years are derived from the rows actually written. Pure. */
import type { Bilingual, PublishedIndicatorMeta, ValueLabel } from '../../src/contract/index.ts';
import type { IndicatorRow, Level } from './types.ts';
import { LEVEL_ORDER, OWN_LEVELS } from './types.ts';

type I18n = Bilingual;
/** An entry of catalogue.json (src/contract/catalogue.ts): every field present. */
export type CatalogueEntry = PublishedIndicatorMeta;
type Meta = Omit<CatalogueEntry, 'levels' | 'years' | 'dates_differ' | 'value_labels'> & {
  value_labels?: ValueLabel[];
};

/** reception presences (each year) over the ANPR population of January 2026: no same-date denominator here */
export const DATES_DIFFER: ReadonlySet<string> = new Set(['reception_per_1000']);

const ISTAT_LIC = 'CC BY 4.0 (ISTAT)';
const src = (it: string, en: string): I18n => ({ it, en });
const ANPR =
  'ANPR (Ministero dell’Interno), popolazione residente per comune, gennaio 2026 — github.com/italia/anpr-opendata';
const ANPR_EN =
  'ANPR (Ministry of the Interior), resident population by comune, January 2026 — github.com/italia/anpr-opendata';
const MEF_IT = 'MEF – Dipartimento delle Finanze, dichiarazioni IRPEF su base comunale';
const MEF_EN = 'MEF – Department of Finance, IRPEF returns by comune';
const MEF_LIC = 'CC BY 3.0 IT (MEF open data)';
/** The MEF source (IRPEF returns by comune) with the tax years used. */
const mef = (yearsIt: string, yearsEn: string): I18n => src(`${MEF_IT}, ${yearsIt}`, `${MEF_EN}, ${yearsEn}`);
const CENSUS_IT =
  'ISTAT, Censimento permanente della popolazione, 31 dicembre 2021 (dati per comune, via danieletorregiani/elezioni_politiche_italiane)';
const CENSUS_EN =
  'ISTAT, Permanent population census, 31 December 2021 (comune data, via danieletorregiani/elezioni_politiche_italiane)';
const CLASS_IT =
  'ISTAT, Classificazioni statistiche e dimensione dei comuni, 1° gennaio 2023 (via ondata/liberiamoli-tutti)';
const CLASS_EN = 'ISTAT, Statistical classifications and size of comuni, 1 January 2023 (via ondata/liberiamoli-tutti)';
const AI_IT =
  'Dipartimento per le Politiche di Coesione (NUVAP), Mappa delle Aree Interne 2020 (via alessandroalberti-researchunit/Aree_Interne)';
const AI_EN =
  'Department for Cohesion Policies (NUVAP), Inner Areas Map 2020 (via alessandroalberti-researchunit/Aree_Interne)';
const CROSSWALK_IT =
  'I codici dei comuni alla data del file sono ricondotti ai codici attuali (fusioni successive: somma di numeratori e denominatori).';
const CROSSWALK_EN =
  'Comune codes at the file’s date are carried to current codes (later mergers: numerators and denominators summed).';
const CLASS_MERGE_IT =
  ' Un comune nato da una fusione successiva ha la classe solo se tutti i comuni d’origine l’avevano uguale; altrimenti il dato manca.';
const CLASS_MERGE_EN =
  ' A comune formed by a later merger has a class only when all its predecessors had the same one; otherwise it is missing.';
/** What the ISTAT classifications of the comuni (1 January 2023) have in common. */
const ISTAT_CLASS = {
  unit: { it: 'classe', en: 'class' },
  polarity: 0,
  pillar: 'context',
  source: src(CLASS_IT, CLASS_EN),
  licence: ISTAT_LIC,
  reference_date: '1 gennaio 2023 / 1 January 2023',
  estimated: false,
  decimals: 0,
  aggregation: 'none',
  kind: 'class',
  scale: 1,
} as const;
const COMUNI_ONLY = { it: 'Solo comuni.' + CLASS_MERGE_IT, en: 'Comuni only.' + CLASS_MERGE_EN };
/** An ISTAT class of the comune (no higher level): its words, the labels of its values and its notes. */
const comuneClass = (
  id: string,
  label: Bilingual,
  description: Bilingual,
  value_labels: ValueLabel[],
  notes: Bilingual,
): Meta => ({
  id,
  label,
  description,
  ...ISTAT_CLASS,
  notes,
  value_labels,
});
/** The tail of a percentage computed at every level as a ratio of sums, one decimal (the order of the keys kept). */
const PERCENT_OF_SUMS = { decimals: 1, aggregation: 'ratio_of_sums', kind: 'rate', scale: 100 } as const;
/** The tail of a count summed up the levels. */
const COUNT_OF_SUMS = { decimals: 0, aggregation: 'sum', kind: 'count', scale: 1 } as const;
/** The tail of a percentage each level computes from its own figures (not aggregated), one decimal. */
const PERCENT_OWN_LEVEL = { decimals: 1, aggregation: 'none', kind: 'rate', scale: 100 } as const;
/** The names of classes 1, 2, 3… (Italian, English). */
const numbered = (...names: [string, string][]): ValueLabel[] =>
  names.map(([it, en], i) => ({ value: i + 1, label: { it, en } }));
const yesNo: ValueLabel[] = [
  { value: 0, label: { it: 'no', en: 'no' } },
  { value: 1, label: { it: 'sì', en: 'yes' } },
];

export const META: Meta[] = [
  {
    id: 'population',
    label: { it: 'Popolazione residente', en: 'Resident population' },
    description: {
      it: 'Residenti iscritti in anagrafe (ANPR), somma dei comuni.',
      en: 'Residents registered in ANPR, sum of comuni.',
    },
    unit: { it: 'abitanti', en: 'inhabitants' },
    polarity: 0,
    pillar: 'context',
    source: src(ANPR, ANPR_EN),
    licence: 'CC0 1.0',
    reference_date: 'gennaio 2026 / January 2026',
    notes: null,
    estimated: false,
    ...COUNT_OF_SUMS,
  },
  {
    id: 'density',
    label: { it: 'Densità di popolazione', en: 'Population density' },
    description: {
      it: 'Residenti per km² (somma residenti / somma superfici).',
      en: 'Residents per km² (sum of residents / sum of areas).',
    },
    unit: { it: 'ab./km²', en: 'inh./km²' },
    polarity: 0,
    pillar: 'context',
    source: src(
      ANPR + '; superfici ISTAT (database comuni Garda Informatica, 2025)',
      ANPR_EN + '; ISTAT areas (Garda Informatica comuni database, 2025)',
    ),
    licence: 'CC0 1.0 / MIT',
    reference_date: 'gennaio 2026 / January 2026',
    notes: null,
    estimated: false,
    decimals: 1,
    aggregation: 'ratio_of_sums',
    kind: 'rate',
    scale: 1,
  },
  {
    id: 'foreign_per_100',
    label: { it: 'Stranieri residenti ogni 100 abitanti', en: 'Foreign residents per 100 inhabitants' },
    description: {
      it: 'Cittadini stranieri residenti al 1° gennaio 2023 ogni 100 residenti alla stessa data (popolazione al 31 dicembre 2022).',
      en: 'Foreign citizens resident on 1 January 2023 per 100 residents on the same date (population on 31 December 2022).',
    },
    unit: { it: 'per 100 abitanti', en: 'per 100 inhabitants' },
    polarity: 1,
    pillar: 'stability',
    source: src(
      'ISTAT, DCIS_POPSTRCIT1 (stranieri residenti per cittadinanza, totale WORLD); ISTAT, Classificazioni statistiche dei comuni 2023 (popolazione residente al 31/12/2022)',
      'ISTAT, DCIS_POPSTRCIT1 (foreign residents by citizenship, WORLD total); ISTAT, statistical classifications of comuni 2023 (resident population on 31/12/2022)',
    ),
    licence: ISTAT_LIC,
    reference_date: '1 gennaio 2023 / 1 January 2023',
    notes: {
      it: 'Numeratore e denominatore alla stessa data (1° gennaio 2023); solo province, regioni e Italia. Per i comuni vedi «Stranieri ogni 100 abitanti (censimento 2021)». Polarità +1 come proposto dal metodo CNEL (presenza radicata); è un indicatore di contesto da leggere con cautela.',
      en: 'Numerator and denominator on the same date (1 January 2023); provinces, regions and Italy only. For comuni see “Foreign residents per 100 inhabitants (census 2021)”. Polarity +1 as in the CNEL method (settled presence); read it as context, with care.',
    },
    estimated: false,
    ...PERCENT_OF_SUMS,
  },
  {
    id: 'foreign_residents',
    label: { it: 'Stranieri residenti', en: 'Foreign residents' },
    description: {
      it: 'Cittadini stranieri residenti al 1° gennaio (bilancio demografico).',
      en: 'Foreign citizens resident on 1 January (demographic balance).',
    },
    unit: { it: 'persone', en: 'people' },
    polarity: 0,
    pillar: 'context',
    source: src(
      'ISTAT, DCIS_POPSTRBIL1 (bilancio demografico della popolazione straniera)',
      'ISTAT, DCIS_POPSTRBIL1 (demographic balance of the foreign population)',
    ),
    licence: ISTAT_LIC,
    reference_date: '1 gennaio di ogni anno / 1 January of each year',
    notes: null,
    estimated: false,
    ...COUNT_OF_SUMS,
  },
  {
    id: 'non_eu_share',
    label: { it: 'Quota di stranieri non UE', en: 'Non-EU share of foreign residents' },
    description: {
      it: 'Stranieri residenti non UE (totale meno UE28) in % degli stranieri residenti, 1° gennaio 2023.',
      en: 'Non-EU foreign residents (total minus EU28) as % of foreign residents, 1 January 2023.',
    },
    unit: { it: '%', en: '%' },
    polarity: 0,
    pillar: 'context',
    source: src('ISTAT, DCIS_POPSTRCIT1 (WORLD − EU28)', 'ISTAT, DCIS_POPSTRCIT1 (WORLD − EU28)'),
    licence: ISTAT_LIC,
    reference_date: '1 gennaio 2023 / 1 January 2023',
    notes: {
      it: 'ISTAT usa l’aggregato UE28, che include il Regno Unito: i britannici sono contati come UE.',
      en: 'ISTAT uses the EU28 aggregate, which includes the United Kingdom: British citizens are counted as EU.',
    },
    estimated: false,
    ...PERCENT_OF_SUMS,
  },
  {
    id: 'longterm_permit_share',
    label: { it: 'Permessi di lungo periodo', en: 'Long-term permits' },
    description: {
      it: 'Permessi di soggiorno UE per soggiornanti di lungo periodo in % dei permessi validi di cittadini non UE (dati annuali ISTAT).',
      en: 'EU long-term residence permits as % of valid residence permits of non-EU citizens (ISTAT annual data).',
    },
    unit: { it: '%', en: '%' },
    polarity: 1,
    pillar: 'stability',
    source: src(
      'ISTAT, DCIS_PERMSOGG1 (permessi di soggiorno validi per tipo)',
      'ISTAT, DCIS_PERMSOGG1 (valid residence permits by type)',
    ),
    licence: ISTAT_LIC,
    reference_date: '2015–2024 (annuale / annual)',
    notes: {
      it: 'Dati per 103 aree: Monza e della Brianza (incluso in Milano), Fermo (in Ascoli Piceno), Barletta-Andria-Trani (in Bari, in parte Foggia) e Sud Sardegna (nella vecchia provincia di Cagliari, in parte Oristano/Nuoro) non sono disponibili separatamente; i valori di Milano, Ascoli Piceno, Bari, Foggia, Cagliari, Oristano e Nuoro si riferiscono alle aree ampliate. Regioni e Italia sono complete.',
      en: 'Data for 103 areas: Monza e della Brianza (included in Milano), Fermo (in Ascoli Piceno), Barletta-Andria-Trani (in Bari, partly Foggia) and Sud Sardegna (in the older province of Cagliari, partly Oristano/Nuoro) are not available separately; values for Milano, Ascoli Piceno, Bari, Foggia, Cagliari, Oristano and Nuoro refer to the enlarged areas. Regions and Italy are complete.',
    },
    estimated: false,
    ...PERCENT_OF_SUMS,
  },
  {
    id: 'longterm_permit_share_change',
    label: {
      it: 'Variazione quota permessi di lungo periodo 2019–2024',
      en: 'Change in long-term permit share 2019–2024',
    },
    description: {
      it: 'Differenza in punti percentuali tra la quota 2024 e la quota 2019.',
      en: 'Difference in percentage points between the 2024 and the 2019 share.',
    },
    unit: { it: 'punti percentuali', en: 'percentage points' },
    polarity: 1,
    pillar: 'stability',
    source: src('ISTAT, DCIS_PERMSOGG1', 'ISTAT, DCIS_PERMSOGG1'),
    licence: ISTAT_LIC,
    reference_date: '2019 → 2024',
    notes: {
      it: 'Calcolata dalle quote di ciascun livello (rapporti di somme), non aggregabile come media. Stesse aree mancanti di «Permessi di lungo periodo».',
      en: 'Computed from each level’s shares (ratios of sums); not to be averaged. Same missing areas as “Long-term permits”.',
    },
    estimated: false,
    ...PERCENT_OWN_LEVEL,
  },
  {
    id: 'citizenship_per_1000',
    label: {
      it: 'Acquisizioni di cittadinanza ogni 1.000 stranieri',
      en: 'Citizenship acquisitions per 1,000 foreign residents',
    },
    description: {
      it: 'Acquisizioni di cittadinanza italiana nell’anno ogni 1.000 stranieri residenti al 1° gennaio dello stesso anno.',
      en: 'Acquisitions of Italian citizenship during the year per 1,000 foreign residents on 1 January of that year.',
    },
    unit: { it: 'per 1.000 stranieri', en: 'per 1,000 foreign residents' },
    polarity: 1,
    pillar: 'stability',
    source: src('ISTAT, DCIS_POPSTRBIL1 (ACQCITIZ, FJAN)', 'ISTAT, DCIS_POPSTRBIL1 (ACQCITIZ, FJAN)'),
    licence: ISTAT_LIC,
    reference_date: '2019–2023',
    notes: null,
    estimated: false,
    decimals: 1,
    aggregation: 'ratio_of_sums',
    kind: 'rate',
    scale: 1000,
  },
  {
    id: 'avg_taxable_income',
    label: { it: 'Reddito imponibile medio', en: 'Average taxable income' },
    description: {
      it: 'Ammontare del reddito imponibile IRPEF diviso per il numero di contribuenti con reddito imponibile, anni d’imposta 2019–2021.',
      en: 'IRPEF taxable income amount divided by the number of taxpayers with taxable income, tax years 2019–2021.',
    },
    unit: { it: '€ per contribuente', en: '€ per taxpayer' },
    polarity: 1,
    pillar: 'labour',
    source: mef('anni d’imposta 2019, 2020, 2021', 'tax years 2019, 2020, 2021'),
    licence: MEF_LIC,
    reference_date: 'anni d’imposta 2019–2021 / tax years 2019–2021',
    notes: {
      it: 'Codici comunali di ciascun anno ricondotti ai codici attuali: i comuni fusi dopo quell’anno sommano numeratori e denominatori. Euro correnti di ciascun anno. Una riga MEF senza comune («Mancante/errata») è esclusa: il valore Italia copre i soli comuni.',
      en: 'Each year’s comune codes mapped to current codes: comuni merged after that year sum numerators and denominators. Current euros of each year. One MEF row without a comune (“Mancante/errata”) is left out: the Italy value covers comuni only.',
    },
    estimated: false,
    decimals: 0,
    aggregation: 'ratio_of_sums',
    kind: 'amount',
    scale: 1,
  },
  // ISTAT's Labour Force Survey by region, 2023 (lower is better): id, label, description, the measure (it, en), notes
  ...(
    [
      [
        'unemployment_rate',
        { it: 'Tasso di disoccupazione (15–74)', en: 'Unemployment rate (15–74)' },
        'Disoccupati in % della forza lavoro 15–74 anni, media annua 2023.',
        'Unemployed as % of the labour force aged 15–74, 2023 annual average.',
        'tasso di disoccupazione',
        'unemployment rate',
        'Il file ISTAT usa i vecchi codici ITTER107 delle regioni: abbinati con una tabella esplicita e verificati sul nome. Trentino-Alto Adige è fornito come regione.',
        'The ISTAT file uses older ITTER107 region codes: matched through an explicit table and checked on the name. Trentino-Alto Adige is given as a region.',
      ],
      [
        'neet_18_29',
        { it: 'NEET 18–29 anni', en: 'NEET aged 18–29' },
        'Giovani 18–29 anni che non lavorano e non studiano, in % dei giovani della stessa età, 2023.',
        'Young people aged 18–29 not in employment, education or training, as % of that age group, 2023.',
        'incidenza NEET',
        'NEET incidence',
        'Vecchi codici ITTER107 delle regioni, abbinati con tabella esplicita e verifica del nome.',
        'Older ITTER107 region codes, matched through an explicit table and a name check.',
      ],
    ] as const
  ).map(([id, label, dit, den, mit, men, nit, nen]): Meta => ({
    id,
    label,
    description: { it: dit, en: den },
    unit: { it: '%', en: '%' },
    polarity: -1,
    pillar: 'labour',
    source: src(
      `ISTAT, Rilevazione sulle forze di lavoro (${mit} per regione)`,
      `ISTAT, Labour Force Survey (${men} by region)`,
    ),
    licence: ISTAT_LIC,
    reference_date: '2023',
    notes: { it: nit, en: nen },
    estimated: false,
    ...PERCENT_OWN_LEVEL,
  })),
  ...(
    [
      [
        'fb_employment_rate_20_64',
        'Tasso di occupazione dei nati all’estero (20–64)',
        'Employment rate of the foreign-born (20–64)',
        'Occupati nati all’estero in % della popolazione nata all’estero di 20–64 anni.',
        'Employed foreign-born as % of the foreign-born population aged 20–64.',
        '%',
        '%',
        1,
        'lfst_r_lfe2emprc',
      ],
      [
        'employment_gap_native_fb',
        'Divario occupazionale nativi − nati all’estero',
        'Employment gap, native − foreign-born',
        'Tasso di occupazione 20–64 dei nati nel paese meno quello dei nati all’estero, in punti percentuali.',
        'Employment rate 20–64 of the native-born minus that of the foreign-born, in percentage points.',
        'punti percentuali',
        'percentage points',
        -1,
        'lfst_r_lfe2emprc',
      ],
      [
        'fb_unemployment_rate',
        'Tasso di disoccupazione dei nati all’estero (15–74)',
        'Unemployment rate of the foreign-born (15–74)',
        'Disoccupati nati all’estero in % della forza lavoro nata all’estero, 15–74 anni.',
        'Unemployed foreign-born as % of the foreign-born labour force aged 15–74.',
        '%',
        '%',
        -1,
        'lfst_r_lfu5rt',
      ],
    ] as const
  ).map(([id, lit, len, dit, den, uit, uen, pol, ds]): Meta => ({
    id,
    label: { it: lit, en: len },
    description: { it: dit, en: den },
    unit: { it: uit, en: uen },
    polarity: pol,
    pillar: 'labour',
    source: src(
      `Eurostat, Labour Force Survey per regione NUTS2 (${ds})`,
      `Eurostat, Labour Force Survey by NUTS2 region (${ds})`,
    ),
    licence: 'Eurostat: riuso con attribuzione / re-use with attribution',
    reference_date: 'LFS, rilascio 2025 / 2025 release',
    notes: {
      it: 'Trascritto a mano da Eurostat (via CrispStrobe/bw-datenatlas), non scaricato automaticamente. Livello NUTS2: Bolzano (ITH1) e Trento (ITH2) sono province, quindi non esiste un valore per la regione Trentino-Alto Adige. Celle vuote nella fonte = dato assente. Anno indicato come 2025 (anno di rilascio della trascrizione). Indagine sulle forze di lavoro: stime campionarie.',
      en: 'Transcribed by hand from Eurostat (via CrispStrobe/bw-datenatlas), not downloaded automatically. NUTS2 level: Bolzano (ITH1) and Trento (ITH2) are provinces, so there is no value for the Trentino-Alto Adige region. Blank source cells = no data. Year given as 2025 (release year of the transcription). Labour Force Survey: sample estimates.',
    },
    // Labour Force Survey figures are sample estimates (the same figures on the NUTS2 map of Europe)
    estimated: true,
    ...PERCENT_OWN_LEVEL,
  })),
  {
    id: 'reception_per_1000',
    label: { it: 'Migranti in accoglienza ogni 1.000 abitanti', en: 'Migrants in reception per 1,000 inhabitants' },
    description: {
      it: 'Migranti presenti in hotspot, centri di accoglienza (CAS…) e rete SIPROIMI/SAI, all’ultima data di rilevazione dell’anno, ogni 1.000 residenti (ANPR 2026).',
      en: 'Migrants present in hotspots, reception centres (CAS…) and the SIPROIMI/SAI network at the last report date of the year, per 1,000 residents (ANPR 2026).',
    },
    unit: { it: 'per 1.000 abitanti', en: 'per 1,000 inhabitants' },
    polarity: 1,
    pillar: 'stability',
    source: src(
      'Ministero dell’Interno, cruscotto statistico giornaliero, via ondata «Liberiamoli tutti!» (Fonte: Liberiamoli tutti!)',
      'Ministry of the Interior, daily statistical dashboard, via ondata “Liberiamoli tutti!” (Source: Liberiamoli tutti!)',
    ),
    licence: 'CC BY 4.0',
    reference_date: '',
    notes: null,
    estimated: false,
    decimals: 2,
    aggregation: 'ratio_of_sums',
    kind: 'rate',
    scale: 1000,
  },
  {
    id: 'foreign_residents_census',
    label: { it: 'Stranieri residenti (censimento 2021)', en: 'Foreign residents (census 2021)' },
    description: {
      it: 'Cittadini stranieri residenti al 31 dicembre 2021, Censimento permanente ISTAT, per comune; province, regioni e Italia sono somme dei comuni.',
      en: 'Foreign citizens resident on 31 December 2021, ISTAT permanent census, by comune; provinces, regions and Italy are sums of comuni.',
    },
    unit: { it: 'persone', en: 'people' },
    polarity: 0,
    pillar: 'context',
    source: src(CENSUS_IT, CENSUS_EN),
    licence: ISTAT_LIC,
    reference_date: '31 dicembre 2021 / 31 December 2021',
    notes: {
      it:
        '30 piccoli comuni hanno la cella vuota nella fonte (dato soppresso o nullo): restano senza valore, mai 0; il totale nazionale (5.030.716) è esatto anche senza di loro. ' +
        CROSSWALK_IT,
      en:
        '30 small comuni have an empty cell in the source (suppressed or nil): they stay without a value, never 0; the national total (5,030,716) is exact without them. ' +
        CROSSWALK_EN,
    },
    estimated: false,
    ...COUNT_OF_SUMS,
  },
  {
    id: 'foreign_per_100_census',
    label: {
      it: 'Stranieri ogni 100 abitanti (censimento 2021)',
      en: 'Foreign residents per 100 inhabitants (census 2021)',
    },
    description: {
      it: 'Stranieri residenti ogni 100 abitanti della popolazione legale, entrambi al censimento del 31 dicembre 2021.',
      en: 'Foreign residents per 100 inhabitants of the legal population, both at the census of 31 December 2021.',
    },
    unit: { it: 'per 100 abitanti', en: 'per 100 inhabitants' },
    polarity: 1,
    pillar: 'stability',
    source: src(CENSUS_IT, CENSUS_EN),
    licence: ISTAT_LIC,
    reference_date: '31 dicembre 2021 / 31 December 2021',
    notes: {
      it:
        'Numeratore e denominatore alla stessa data. I 30 comuni con la cella vuota non hanno valore; nelle province, regioni e Italia la loro popolazione resta nel denominatore (rapporto di somme). Polarità +1 come «Stranieri residenti ogni 100 abitanti». ' +
        CROSSWALK_IT,
      en:
        'Numerator and denominator on the same date. The 30 comuni with an empty cell have no value; in provinces, regions and Italy their population stays in the denominator (ratio of sums). Polarity +1 as “Foreign residents per 100 inhabitants”. ' +
        CROSSWALK_EN,
    },
    estimated: false,
    ...PERCENT_OF_SUMS,
  },
  {
    id: 'unemployment_rate_census',
    label: { it: 'Tasso di disoccupazione (censimento 2021)', en: 'Unemployment rate (census 2021)' },
    description: {
      it: 'Disoccupati in % delle forze di lavoro, tutte le cittadinanze, Censimento permanente 2021: condizione dichiarata, stime da registri. Misura censuaria, diversa dal tasso della Rilevazione sulle forze di lavoro.',
      en: 'Unemployed as % of the labour force, all citizenships, permanent census 2021: self-declared status, register-based estimates. A census measure, not the Labour Force Survey rate.',
    },
    unit: { it: '%', en: '%' },
    polarity: -1,
    pillar: 'labour',
    source: src(CENSUS_IT, CENSUS_EN),
    licence: ISTAT_LIC,
    reference_date: '31 dicembre 2021 / 31 December 2021',
    notes: {
      it:
        'Stime censuarie da registri (con decimali), non campionarie: non confrontabili con il «Tasso di disoccupazione (15–74)» della Rilevazione sulle forze di lavoro. Nessuna distinzione italiani/stranieri. 3 comuni con disoccupati non pubblicati non hanno valore (le loro forze di lavoro restano nei denominatori superiori). ' +
        CROSSWALK_IT,
      en:
        'Register-based census estimates (with decimals), not survey estimates: not comparable with the Labour Force Survey “Unemployment rate (15–74)”. No Italian/foreign split. 3 comuni with unpublished unemployed have no value (their labour force stays in the higher denominators). ' +
        CROSSWALK_EN,
    },
    estimated: true,
    ...PERCENT_OF_SUMS,
  },
  {
    id: 'avg_taxable_income_change',
    label: {
      it: 'Variazione del reddito imponibile medio 2019–2021',
      en: 'Change in average taxable income 2019–2021',
    },
    description: {
      it: 'Variazione percentuale del reddito imponibile medio tra l’anno d’imposta 2019 e il 2021, calcolata a ogni livello dalle medie di quel livello.',
      en: 'Percentage change of the average taxable income from tax year 2019 to 2021, computed at each level from that level’s averages.',
    },
    unit: { it: '%', en: '%' },
    polarity: 1,
    pillar: 'labour',
    source: mef('anni d’imposta 2019 e 2021', 'tax years 2019 and 2021'),
    licence: MEF_LIC,
    reference_date: '2019 → 2021',
    notes: {
      it: 'Euro correnti (non deflazionati). Non aggregabile come media: ogni livello usa le proprie medie (rapporti di somme).',
      en: 'Current euros (not deflated). Not to be averaged: each level uses its own averages (ratios of sums).',
    },
    estimated: false,
    ...PERCENT_OWN_LEVEL,
  },
  // the ISTAT classes of the comune (no higher level): id, label and description (it, en), the names of the classes,
  // the notes (DEGURBA's points to the rural share of the higher levels)
  ...(
    [
      [
        'degurba',
        'Grado di urbanizzazione (DEGURBA)',
        'Degree of urbanisation (DEGURBA)',
        'Classificazione Eurostat/ISTAT dei comuni: 1 città, 2 piccole città e sobborghi, 3 zone rurali.',
        'Eurostat/ISTAT classification of comuni: 1 city, 2 town or suburb, 3 rural area.',
        numbered(['città', 'city'], ['piccola città o sobborgo', 'town or suburb'], ['zona rurale', 'rural area']),
        {
          it: 'Solo comuni. Per i livelli superiori vedi «Popolazione nei comuni rurali».' + CLASS_MERGE_IT,
          en: 'Comuni only. For higher levels see “Population in rural comuni”.' + CLASS_MERGE_EN,
        },
      ],
      [
        'altitude_zone',
        'Zona altimetrica',
        'Altitude zone',
        'Zona altimetrica ISTAT del comune.',
        'ISTAT altitude zone of the comune.',
        numbered(
          ['montagna interna', 'inland mountain'],
          ['montagna litoranea', 'coastal mountain'],
          ['collina interna', 'inland hill'],
          ['collina litoranea', 'coastal hill'],
          ['pianura', 'plain'],
        ),
        COMUNI_ONLY,
      ],
      [
        'coastal',
        'Comune litoraneo',
        'Coastal comune',
        'Comune che si affaccia sul mare (ISTAT).',
        'Comune on the sea coast (ISTAT).',
        yesNo,
        COMUNI_ONLY,
      ],
      [
        'island',
        'Comune isolano',
        'Island comune',
        'Comune situato su un’isola minore (ISTAT; Sicilia e Sardegna escluse).',
        'Comune on a minor island (ISTAT; Sicily and Sardinia excluded).',
        yesNo,
        COMUNI_ONLY,
      ],
    ] as const
  ).map(([id, lit, len, dit, den, labels, notes]) =>
    comuneClass(id, { it: lit, en: len }, { it: dit, en: den }, labels, notes),
  ),
  {
    id: 'pop_share_rural',
    label: { it: 'Popolazione nei comuni rurali', en: 'Population in rural comuni' },
    description: {
      it: 'Residenti al 1° gennaio 2023 nei comuni classificati «zona rurale» (DEGURBA 3), in % dei residenti. Per un comune: 100 se rurale, 0 altrimenti.',
      en: 'Residents on 1 January 2023 in comuni classed “rural area” (DEGURBA 3), as % of residents. For a comune: 100 if rural, else 0.',
    },
    unit: { it: '% della popolazione', en: '% of population' },
    polarity: 0,
    pillar: 'context',
    source: src(CLASS_IT, CLASS_EN),
    licence: ISTAT_LIC,
    reference_date: '1 gennaio 2023 / 1 January 2023',
    notes: {
      it: 'Rapporto di somme della popolazione al 31/12/2022. ' + CROSSWALK_IT,
      en: 'Ratio of sums of the population on 31/12/2022. ' + CROSSWALK_EN,
    },
    estimated: false,
    ...PERCENT_OF_SUMS,
  },
  {
    id: 'inner_area_class',
    label: { it: 'Classe Aree Interne', en: 'Inner Areas class' },
    description: {
      it: 'Classificazione dei comuni della Mappa Aree Interne 2020 per distanza dai poli di servizi (istruzione, salute, ferrovia): A polo, B polo intercomunale, C cintura, D intermedio, E periferico, F ultraperiferico.',
      en: 'Inner Areas Map 2020 class of the comune by distance from service poles (education, health, rail): A pole, B inter-municipal pole, C belt, D intermediate, E peripheral, F ultra-peripheral.',
    },
    unit: { it: 'classe', en: 'class' },
    polarity: 0,
    pillar: 'context',
    source: src(AI_IT, AI_EN),
    licence: 'licenza non indicata; dati pubblici DPCoe / no licence stated; public DPCoe data',
    reference_date: 'comuni al 30 settembre 2020 / comuni at 30 September 2020',
    notes: {
      it: 'Solo comuni. Le aree interne sono le classi D, E, F.' + CLASS_MERGE_IT,
      en: 'Comuni only. Inner areas are classes D, E, F.' + CLASS_MERGE_EN,
    },
    estimated: false,
    decimals: 0,
    aggregation: 'none',
    kind: 'class',
    scale: 1,
    value_labels: numbered(
      ['A – polo', 'A – pole'],
      ['B – polo intercomunale', 'B – inter-municipal pole'],
      ['C – cintura', 'C – belt'],
      ['D – intermedio', 'D – intermediate'],
      ['E – periferico', 'E – peripheral'],
      ['F – ultraperiferico', 'F – ultra-peripheral'],
    ),
  },
  {
    id: 'pop_share_inner_areas',
    label: { it: 'Popolazione nelle aree interne', en: 'Population in inner areas' },
    description: {
      it: 'Residenti dei comuni delle classi D, E, F della Mappa Aree Interne 2020, in % dei residenti (popolazione indicata nella Mappa). Per un comune: 100 o 0.',
      en: 'Residents of comuni in classes D, E, F of the Inner Areas Map 2020, as % of residents (population given in the Map). For a comune: 100 or 0.',
    },
    unit: { it: '% della popolazione', en: '% of population' },
    polarity: 0,
    pillar: 'context',
    source: src(AI_IT, AI_EN),
    licence: 'licenza non indicata; dati pubblici DPCoe / no licence stated; public DPCoe data',
    reference_date: '2020',
    notes: { it: 'Rapporto di somme. ' + CROSSWALK_IT, en: 'Ratio of sums. ' + CROSSWALK_EN },
    estimated: false,
    ...PERCENT_OF_SUMS,
  },
  {
    id: 'minutes_to_pole',
    label: { it: 'Minuti dal polo più vicino', en: 'Minutes to the nearest pole' },
    description: {
      it: 'Tempo medio di percorrenza stradale in minuti fino al polo di servizi più vicino (Mappa Aree Interne 2020; 0 per i poli). Province, regioni e Italia: media ponderata con la popolazione.',
      en: 'Average road travel time in minutes to the nearest service pole (Inner Areas Map 2020; 0 for poles). Provinces, regions and Italy: population-weighted mean.',
    },
    unit: { it: 'minuti', en: 'minutes' },
    polarity: -1,
    pillar: 'context',
    source: src(AI_IT, AI_EN),
    licence: 'licenza non indicata; dati pubblici DPCoe / no licence stated; public DPCoe data',
    reference_date: '2020',
    notes: {
      it: 'Media ponderata: numeratore = somma di minuti × popolazione, denominatore = popolazione (della Mappa). Un comune nato da una fusione ha la media ponderata dei comuni d’origine.',
      en: 'Weighted mean: numerator = sum of minutes × population, denominator = population (of the Map). A comune formed by a merger has the weighted mean of its predecessors.',
    },
    estimated: false,
    decimals: 1,
    aggregation: 'weighted_mean',
    kind: 'amount',
    scale: 1,
  },
];

/** The scale of a catalogued indicator (value = scale × numerator / denominator): the builders take it from here. */
export function scaleOf(id: string): number {
  const m = META.find((x) => x.id === id);
  if (!m) throw new Error(`scaleOf: no catalogue entry for ${id}`);
  return m.scale;
}

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
      levels: [...LEVEL_ORDER, ...OWN_LEVELS].filter((l) => levels.get(m.id)!.has(l)),
      years: [...years.get(m.id)!].sort((a, b) => a - b),
      source: m.source,
      licence: m.licence,
      reference_date: m.reference_date,
      notes: m.notes,
      estimated: m.estimated,
      decimals: m.decimals,
      aggregation: m.aggregation,
      kind: m.kind,
      scale: m.scale,
      value_labels: m.value_labels ?? null,
      dates_differ: DATES_DIFFER.has(m.id),
    }));
}
