/**
 * The one place for performance marks and test hooks (attributes on <body> that the e2e tests and the
 * bench wait for, e.g. `data-layer` once the coloured map is drawn). A production page leaves them inert;
 * they are on when the page is driven by a test or the bench (`navigator.webdriver`, which every automated
 * Chromium sets), when it is opened with `?instrument`, and in development (`import.meta.env.DEV`).
 */

function detect(): boolean {
  if (typeof window === 'undefined') return false;
  if (import.meta.env?.DEV) return true;
  if (typeof navigator !== 'undefined' && navigator.webdriver) return true;
  return new URLSearchParams(location.search).has('instrument');
}

/** whether marks and hooks are written (read once: the URL may change later) */
export const instrumented = detect();

/** The names of the hooks (as `document.body.dataset` keys), each written in one place. */
export type Hook =
  | 'mapBase'
  | 'layer'
  | 'level'
  | 'db'
  | 'data'
  | 'moving'
  | 'mc'
  | 'audit'
  | 'coverage'
  | 'spatial'
  | 'sqlMs'
  | 'importMs'
  | 'importTotalMs'
  | 'imports'
  | 'importDb'
  | 'importDbAt'
  | 'offline';

/** A performance mark (the bench reads them). */
export function mark(name: string): void {
  if (instrumented) performance.mark(name);
}

/** Set a hook (`null`: remove it). */
export function hook(name: Hook, value: string | null): void {
  if (!instrumented || typeof document === 'undefined') return;
  if (value === null) delete document.body.dataset[name];
  else document.body.dataset[name] = value;
}
