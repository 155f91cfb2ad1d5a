/**
 * public/data/groupings.json: the groupings of comuni that ship with the atlas (Aree Interne 2020 classes, SNAI
 * project areas), written by data/build/groupings.ts and offered beside the imported ones. Every current comune is
 * in at most one group of a grouping; group codes are short text ([a-z0-9_] or a class letter).
 */
export interface BuiltInGroupingEntry {
  /** [a-z0-9_]+, the URL's `grp=` */
  id: string;
  label: { it: string; en: string };
  source: { it: string; en: string };
  /** the date the membership refers to, as published (e.g. "2020", "2021–2027") */
  reference_date: string;
  licence: string;
  /** `name` as published (Italian); `name_en` its English for the interface in English (the area's own name kept) */
  groups: { code: string; name: string; name_en: string; comuni: string[] }[];
}
