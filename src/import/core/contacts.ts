/**
 * The optional contact columns of a service layer (`phone`, `email`, `website`, `opening_hours`, `notes`,
 * as in the templates; headers case-insensitive, a few Italian names too): found by header, read as text
 * (never as numbers: a phone keeps its leading 0 and its +39), trimmed, and cut when over-long. Pure.
 */
import { CONTACT_COLUMNS, type ContactField } from '../../core/userData';
import { MAX_CONTACT_CHARS } from './limits';
import type { Cell } from './types';

const HEADERS: Record<ContactField, RegExp> = {
  phone: /^(phone|telefono|tel\.?)$/i,
  email: /^(email|e-mail|e_mail|mail)$/i,
  website: /^(website|sito|sito[ _]web|web)$/i,
  opening_hours: /^(opening[ _]hours|orari|orario|orari[ _]di[ _]apertura)$/i,
  notes: /^(notes|note)$/i,
};

/** The contact field a header names, or null. */
export function contactFieldOf(header: string): ContactField | null {
  const h = header.trim();
  return CONTACT_COLUMNS.find((f) => HEADERS[f].test(h)) ?? null;
}

/** For each contact field, the first column whose header names it. */
export function contactColumnsOf(columns: readonly string[]): Partial<Record<ContactField, string>> {
  const out: Partial<Record<ContactField, string>> = {};
  for (const c of columns) {
    const f = contactFieldOf(c);
    if (f && !out[f]) out[f] = c;
  }
  return out;
}

/** True when a cell is longer than a contact may be (after trimming). */
export const overLong = (v: Cell): boolean => v !== null && String(v).trim().length > MAX_CONTACT_CHARS;

/**
 * A cell as a contact: trimmed text, null when empty; over MAX_CONTACT_CHARS it is cut and ends with " …"
 * (the space also keeps a cut address from ever becoming a link: see contactHref).
 */
export function contactText(v: Cell): string | null {
  if (v === null) return null;
  const s = String(v).trim();
  if (!s) return null;
  return s.length > MAX_CONTACT_CHARS ? `${s.slice(0, MAX_CONTACT_CHARS - 2).trimEnd()} …` : s;
}
