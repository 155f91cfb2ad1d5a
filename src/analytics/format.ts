/** Number formatting for labels, tooltips and tables (it-IT / en-GB). */
export type Lang = 'it' | 'en';

/** Shown in place of a missing value. */
export const MISSING = '—';

const LOCALES: Record<Lang, string> = { it: 'it-IT', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, decimals: number): Intl.NumberFormat {
  const id = `${lang}|${decimals}`;
  let f = cache.get(id);
  if (!f) {
    // useGrouping 'always' (ES2023 Intl, typed only in newer libs): it-IT would otherwise print
    // 1234 but 12.345 (CLDR minimum grouping digits for Italian)
    const options = { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: 'always' };
    f = new Intl.NumberFormat(LOCALES[lang], options as unknown as Intl.NumberFormatOptions);
    cache.set(id, f);
  }
  return f;
}

export interface FormatOptions {
  /** fixed number of decimals, 0..20 (default 1) */
  decimals?: number;
  /** appended after a space ("12,5 per 1.000 ab."); "%" is attached without a space ("12,5%") */
  unit?: string;
  lang: Lang;
}

/**
 * "1.234,5" (it) / "1,234.5" (en), with the unit if given; missing values
 * (null, undefined, NaN, ±Infinity) → "—" (pair it with missingLabel for screen readers / tooltips).
 */
export function formatValue(value: number | null | undefined, options: FormatOptions): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return MISSING;
  const decimals = Math.min(20, Math.max(0, Math.round(options.decimals ?? 1)));
  // a tiny negative that rounds to zero would print as "-0,0"
  const v = Math.abs(value) < 0.5 * 10 ** -decimals ? 0 : value;
  const text = formatter(options.lang, decimals).format(v);
  const unit = options.unit?.trim();
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** Integer with grouping: 12345 → "12.345" (it) / "12,345" (en); missing → "—". */
export function formatInt(value: number | null | undefined, lang: Lang): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return MISSING;
  const v = Math.round(value);
  return formatter(lang, 0).format(v === 0 ? 0 : v);
}

/** Words for a missing value. */
export function missingLabel(lang: Lang): string {
  return lang === 'it' ? 'dato non disponibile' : 'no data';
}
