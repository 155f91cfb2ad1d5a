/** Words of the SQL console (loaded with it). */
import type { Lang } from '../i18n';
import type { ReadonlyReason } from './readonly';

const it = {
  title: 'Console SQL (sola lettura)',
  close: 'Chiudi',
  intro: 'Interroga le tabelle caricate nel browser (territori, indicatori, catalogo e i dati importati) con DuckDB. Solo lettura: una istruzione alla volta.',
  query: 'Istruzione SQL',
  run: 'Esegui (Ctrl+Invio)',
  starting: 'Avvio di DuckDB…',
  unavailable: 'DuckDB non è disponibile.',
  tables: 'Tabelle',
  rows: (n: number, shown: number, ms: number) => (n > shown ? `${n} righe (mostrate le prime ${shown}), in ${Math.round(ms)} ms` : `${n} righe, in ${Math.round(ms)} ms`),
  refused: 'Istruzione rifiutata',
  failed: 'Errore di DuckDB',
  exportCsv: 'Esporta CSV',
  exportParquet: 'Esporta Parquet',
  results: 'Risultati',
  files: 'File importati in questa sessione (testo originale):',
  reasons: {
    empty: 'Scrivi un’istruzione.',
    multiple: 'Una sola istruzione alla volta (niente “;” tra due istruzioni).',
    not_read: 'Sono permesse solo letture: SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN, PRAGMA table_info.',
    write: 'L’istruzione contiene una parola che modifica i dati o la configurazione',
    pragma: 'Questo PRAGMA non è di sola lettura',
    url: 'Non si leggono indirizzi di rete: la console lavora solo sui dati già nel browser.',
    unterminated: 'Stringa o commento non chiuso.'
  } satisfies Record<ReadonlyReason, string>
};
export type SqlDict = typeof it;
const en: SqlDict = {
  title: 'SQL console (read-only)',
  close: 'Close',
  intro: 'Query the tables loaded in the browser (territories, indicators, catalogue and your imported data) with DuckDB. Read-only: one statement at a time.',
  query: 'SQL statement',
  run: 'Run (Ctrl+Enter)',
  starting: 'Starting DuckDB…',
  unavailable: 'DuckDB is not available.',
  tables: 'Tables',
  rows: (n, shown, ms) => (n > shown ? `${n} rows (first ${shown} shown), in ${Math.round(ms)} ms` : `${n} rows, in ${Math.round(ms)} ms`),
  refused: 'Statement refused',
  failed: 'DuckDB error',
  exportCsv: 'Export CSV',
  exportParquet: 'Export Parquet',
  results: 'Results',
  files: 'Files imported in this session (original text):',
  reasons: {
    empty: 'Write a statement.',
    multiple: 'One statement at a time (no “;” between two statements).',
    not_read: 'Only reads are allowed: SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN, PRAGMA table_info.',
    write: 'The statement contains a word that changes data or settings',
    pragma: 'This PRAGMA is not read-only',
    url: 'Network addresses are not read: the console works only on the data already in the browser.',
    unterminated: 'Unterminated string or comment.'
  }
};
export const sqlDict = (lang: Lang): SqlDict => (lang === 'en' ? en : it);
