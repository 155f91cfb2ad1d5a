/** Words of the SQL console (loaded with it). */
import type { Lang } from '../i18n';
import type { RefusalReason } from './statement';

const fmt = (lang: Lang) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'it-IT');

const it = {
  title: 'Console SQL (sola lettura)',
  close: 'Chiudi',
  intro:
    'Interroga con DuckDB una copia delle tabelle caricate nel browser (territori, indicatori, catalogo e i dati importati). Solo lettura, decisa dal parser di DuckDB: una istruzione alla volta, SELECT, WITH, DESCRIBE, SUMMARIZE, SHOW o EXPLAIN. Nessun accesso alla rete né ai file: nulla lascia il tuo computer.',
  query: 'Istruzione SQL',
  run: 'Esegui (Ctrl+Invio)',
  stop: 'Ferma',
  running: 'In esecuzione…',
  counting: 'Conteggio di tutte le righe…',
  stopped: 'Istruzione fermata.',
  starting: 'Avvio di DuckDB per la console…',
  unavailable: 'DuckDB non è disponibile.',
  tables: 'Tabelle',
  rows: (total: number | null, kept: number, shown: number, ms: number) => {
    const f = fmt('it');
    const time = `in ${f.format(Math.round(ms))} ms`;
    if (total === null)
      return `Più di ${f.format(kept)} righe (conteggio fermato); mostrate le prime ${f.format(shown)}, ${time}`;
    if (total > shown) return `${f.format(total)} righe (mostrate le prime ${f.format(shown)}), ${time}`;
    return `${f.format(total)} righe, ${time}`;
  },
  exportCap: (n: number) => `Si esportano le prime ${fmt('it').format(n)} righe.`,
  refused: 'Istruzione rifiutata',
  failed: 'Errore di DuckDB',
  exportCsv: 'Esporta CSV',
  exportParquet: 'Esporta Parquet',
  results: 'Risultati',
  files: 'File importati in questa sessione (testo originale):',
  reasons: {
    empty: 'Scrivi un’istruzione.',
    multiple: 'Una sola istruzione alla volta (niente “;” tra due istruzioni).',
    not_read: 'Sono permesse solo letture: SELECT, WITH, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN. Parola iniziale',
    invalid: 'DuckDB non la accetta come una sola lettura',
  } satisfies Record<RefusalReason, string>,
};
export type SqlDict = typeof it;
const en: SqlDict = {
  title: 'SQL console (read-only)',
  close: 'Close',
  intro:
    'Query a copy of the tables loaded in the browser (territories, indicators, catalogue and your imported data) with DuckDB. Read-only, as decided by DuckDB’s parser: one statement at a time, SELECT, WITH, DESCRIBE, SUMMARIZE, SHOW or EXPLAIN. No network and no file access: nothing leaves your computer.',
  query: 'SQL statement',
  run: 'Run (Ctrl+Enter)',
  stop: 'Stop',
  running: 'Running…',
  counting: 'Counting all rows…',
  stopped: 'Statement stopped.',
  starting: 'Starting DuckDB for the console…',
  unavailable: 'DuckDB is not available.',
  tables: 'Tables',
  rows: (total, kept, shown, ms) => {
    const f = fmt('en');
    const time = `in ${f.format(Math.round(ms))} ms`;
    if (total === null)
      return `More than ${f.format(kept)} rows (count stopped); first ${f.format(shown)} shown, ${time}`;
    if (total > shown) return `${f.format(total)} rows (first ${f.format(shown)} shown), ${time}`;
    return `${f.format(total)} rows, ${time}`;
  },
  exportCap: (n) => `The first ${fmt('en').format(n)} rows are exported.`,
  refused: 'Statement refused',
  failed: 'DuckDB error',
  exportCsv: 'Export CSV',
  exportParquet: 'Export Parquet',
  results: 'Results',
  files: 'Files imported in this session (original text):',
  reasons: {
    empty: 'Write a statement.',
    multiple: 'One statement at a time (no “;” between two statements).',
    not_read: 'Only reads are allowed: SELECT, WITH, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN. First word',
    invalid: 'DuckDB does not accept it as a single read',
  },
};
export const sqlDict = (lang: Lang): SqlDict => (lang === 'en' ? en : it);
