import { it, type Dict } from './it';
import { en } from './en';

export type Lang = 'it' | 'en';
export const LANGS: readonly Lang[] = ['it', 'en'];
const dicts: Record<Lang, Dict> = { it, en };

export function dict(lang: Lang): Dict {
  return dicts[lang];
}

/** Pick the right language from a bilingual {it, en} record. */
export function pick<T>(rec: { it: T; en: T } | null | undefined, lang: Lang): T | undefined {
  return rec ? rec[lang] : undefined;
}

export type { Dict };
