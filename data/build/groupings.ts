/**
 * The built-in groupings of comuni (public/data/groupings.json, src/contract/groupings.ts), offered in the app
 * beside the imported ones:
 *   - `aree_interne_2020`: the six classes of the Mappa Aree Interne 2020 (A polo … F ultraperiferico), from the
 *     same parsed file as the `inner_area_class` indicator (a merged comune whose predecessors had different
 *     classes is in no class, as it has no class value);
 *   - `snai_2021_2027`: the SNAI project areas (43 financed 2021–27, 67 confirmed from 2014–20, 13 new not
 *     financed), each comune's code carried to the current code; a merged comune whose predecessors lie in
 *     different areas is a build problem (never placed in one silently).
 * Pure (text in, entries out); the counts are checked against the source workbook's own index sheet.
 */
import { parseCsvRecords } from './csv.ts';
import type { Mapper, InnerRow } from './comune_depth.ts';
import { INNER_CLASSES } from './comune_depth.ts';
import type { BuiltInGroupingEntry } from '../../src/contract/groupings.ts';

const AI_SOURCE = {
  it: 'Dipartimento per le Politiche di Coesione (NUVAP), Mappa delle Aree Interne 2020, comuni al 30 settembre 2020 (via alessandroalberti-researchunit/Aree_Interne)',
  en: 'Department for Cohesion Policies (NUVAP), Inner Areas Map 2020, comuni at 30 September 2020 (via alessandroalberti-researchunit/Aree_Interne)',
};
const SNAI_SOURCE = {
  it: 'Dipartimento per le Politiche di Coesione, Strategia Nazionale Aree Interne: comuni delle aree progetto 2021–2027 (via alessandroalberti-researchunit/Aree_Interne)',
  en: 'Department for Cohesion Policies, National Strategy for Inner Areas: comuni of the 2021–2027 project areas (via alessandroalberti-researchunit/Aree_Interne)',
};
const LICENCE = 'licenza non indicata; dati pubblici DPCoe / no licence stated; public DPCoe data';

/** The classes in English for the interface in English (our translation; the Italian names are the published ones). */
export const CLASS_NAMES_EN: Record<(typeof INNER_CLASSES)[number], string> = {
  A: 'A – Pole',
  B: 'B – Inter-municipal pole',
  C: 'C – Belt',
  D: 'D – Intermediate',
  E: 'E – Peripheral',
  F: 'F – Ultra-peripheral',
};
/** The SNAI groups of areas in English (a group not listed here keeps its Italian words: never guessed). */
const SNAI_GROUPS_EN: Record<string, string> = {
  '2014-2020 confermata': '2014-2020 confirmed',
  '2021-2027 finanziata': '2021-2027 funded',
  '2021-2027 nuova non finanziata': '2021-2027 new, not funded',
};

export const CLASS_NAMES: Record<(typeof INNER_CLASSES)[number], string> = {
  A: 'A – Polo',
  B: 'B – Polo intercomunale',
  C: 'C – Cintura',
  D: 'D – Intermedio',
  E: 'E – Periferico',
  F: 'F – Ultraperiferico',
};

/** Comuni per SNAI group as the workbook's index sheet counts them (MANIFEST: 622 / 1,107 / 153), and areas. */
export const EXPECTED_SNAI = {
  comuni: {
    '2021-2027 finanziata (43 aree)': 622,
    '2014-2020 confermata (67 aree)': 1107,
    '2021-2027 nuova non finanziata (13 aree)': 153,
  },
  areas: 123,
} as const;

/** The Aree Interne classes as a grouping: group code = class letter. */
export function areeInterneGrouping(byComune: ReadonlyMap<string, InnerRow>): BuiltInGroupingEntry {
  const groups = INNER_CLASSES.map((c) => ({
    code: c,
    name: CLASS_NAMES[c],
    name_en: CLASS_NAMES_EN[c],
    comuni: [] as string[],
  }));
  for (const [code, r] of [...byComune].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (r.cls !== null) groups[r.cls - 1].comuni.push(code);
  return {
    id: 'aree_interne_2020',
    label: { it: 'Aree Interne 2020 (classi A–F)', en: 'Inner Areas 2020 (classes A–F)' },
    source: AI_SOURCE,
    reference_date: '2020',
    licence: LICENCE,
    groups,
  };
}

/** A group code from an area's name: lower-case ASCII letters and digits, '_' between words. */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export interface SnaiResult {
  entry: BuiltInGroupingEntry;
  problems: string[];
  /** comuni per group of areas (the file's `gruppo`), as listed */
  counts: Record<string, number>;
  /** old code → current code, for the report */
  remapped: string[];
}

/** The SNAI project areas (file: pro_com_t, area_snai, gruppo …) as a grouping of current comuni. */
export function snaiGrouping(text: string, file: string, map: Mapper): SnaiResult {
  const { records } = parseCsvRecords(text, ',');
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  const remapped: string[] = [];
  const areaOf = new Map<string, string>();
  const areas = new Map<string, { name: string; group: string; comuni: Set<string> }>();
  records.forEach((r, i) => {
    const row = i + 2;
    const old = r.pro_com_t.trim().padStart(6, '0');
    const area = r.area_snai.trim();
    const group = r.gruppo.trim();
    if (!area || !group) {
      problems.push(`${file}, row ${row}: comune ${old} has no SNAI area or group`);
      return;
    }
    counts[group] = (counts[group] ?? 0) + 1;
    const code = map(old);
    if (code === null) {
      problems.push(`${file}, row ${row}: comune code ${old} cannot be mapped to a current comune`);
      return;
    }
    if (code !== old) remapped.push(`${old}→${code}`);
    const key = slug(area);
    const a = areas.get(key);
    if (a && (a.name !== area || a.group !== group))
      problems.push(`${file}, row ${row}: area code ${key} names two areas (${a.name}; ${area}) or two groups`);
    const prev = areaOf.get(code);
    if (prev !== undefined && prev !== key)
      problems.push(`${file}, row ${row}: current comune ${code} would be in two SNAI areas (${prev}, ${key})`);
    areaOf.set(code, key);
    if (a) a.comuni.add(code);
    else areas.set(key, { name: area, group, comuni: new Set([code]) });
  });
  const groups = [...areas]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, a]) => {
      const group = a.group.replace(/ \(\d+ aree\)$/, '');
      return {
        code,
        name: `${a.name} (${group})`,
        name_en: `${a.name} (${SNAI_GROUPS_EN[group] ?? group})`,
        comuni: [...a.comuni].sort(),
      };
    });
  return {
    entry: {
      id: 'snai_2021_2027',
      label: { it: 'Aree progetto SNAI 2021–2027', en: 'SNAI project areas 2021–2027' },
      source: SNAI_SOURCE,
      reference_date: '2021–2027',
      licence: LICENCE,
      groups,
    },
    problems,
    counts,
    remapped,
  };
}
