/** Problems in plain words, Italian and English (row numbers as in a spreadsheet: the header is row 1). */
import type { Problem } from './types';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_CONTACT_CHARS, MAX_FILE_BYTES, MAX_ROWS, MAX_UNZIPPED_BYTES } from './limits';

type Lang = 'it' | 'en';
const list = (xs: readonly (string | number)[]) =>
  xs.map((x) => (typeof x === 'string' ? `“${x}”` : String(x))).join(', ');
const more = (p: Problem, lang: Lang) =>
  p.count > p.rows.length && p.rows.length
    ? lang === 'it'
      ? ` e altre ${p.count - p.rows.length}`
      : ` and ${p.count - p.rows.length} more`
    : '';
const one = (p: Problem) => p.rows.length === 1 && p.count <= 1;
const rowsOf = (p: Problem, lang: Lang) =>
  p.rows.length
    ? lang === 'it'
      ? ` (${one(p) ? 'riga' : 'righe'} ${p.rows.join(', ')}${more(p, lang)})`
      : ` (${one(p) ? 'row' : 'rows'} ${p.rows.join(', ')}${more(p, lang)})`
    : '';
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function problemText(p: Problem, lang: Lang): string {
  const it = lang === 'it';
  const col = p.column ? `“${p.column}”` : '';
  switch (p.code) {
    case 'empty':
      return p.detail === 'header-only'
        ? it
          ? 'Il file ha solo l’intestazione, nessuna riga di dati.'
          : 'The file has a header but no data rows.'
        : it
          ? 'Il file è vuoto.'
          : 'The file is empty.';
    case 'too_large': {
      const [what, a, b] = (p.detail ?? '').split(':');
      // grouped by hand: Italian locales leave 4-digit numbers ungrouped (1000), which reads unlike 10.000
      const n = (x: number) => String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, it ? '.' : ',');
      if (what === 'rows')
        return it
          ? `Troppe righe (${n(+a)}): il limite è ${n(MAX_ROWS)} righe. Dividi il file o filtra le righe.`
          : `Too many rows (${n(+a)}): the limit is ${n(MAX_ROWS)} rows. Split or filter the file.`;
      if (what === 'columns')
        return it
          ? `Troppe colonne (${n(+a)}): il limite è ${n(MAX_COLUMNS)} colonne. Tieni solo le colonne che servono (codice del territorio e valori).`
          : `Too many columns (${n(+a)}): the limit is ${n(MAX_COLUMNS)} columns. Keep only the columns you need (territory code and values).`;
      if (what === 'cell')
        return it
          ? `Una cella della riga ${a} ha ${n(+b)} caratteri: il limite è ${n(MAX_CELL_CHARS)} per cella. Controlla quella riga.`
          : `A cell in row ${a} has ${n(+b)} characters: the limit is ${n(MAX_CELL_CHARS)} per cell. Check that row.`;
      if (what === 'unzipped')
        return it
          ? `Il file Excel/ODS si espande a ${mb(+a)} una volta decompresso: il limite è ${mb(MAX_UNZIPPED_BYTES)} (un file così è una “zip bomb” o è corrotto). Non viene aperto; salva il foglio come CSV.`
          : `The Excel/ODS file unpacks to ${mb(+a)}: the limit is ${mb(MAX_UNZIPPED_BYTES)} (such a file is a “zip bomb” or is damaged). It is not opened; save the sheet as CSV.`;
      return it
        ? `Il file è troppo grande (${mb(Number(p.detail))}): il limite è ${mb(MAX_FILE_BYTES)}, oltre il quale il browser rischia di esaurire la memoria. Dividi il file o filtra le righe.`
        : `The file is too large (${mb(Number(p.detail))}): the limit is ${mb(MAX_FILE_BYTES)}, beyond which the browser may run out of memory. Split or filter the file.`;
    }
    case 'unreadable':
      return p.detail === 'binary'
        ? it
          ? 'Formato non riconosciuto: si possono importare CSV/TSV/TXT (UTF-8, UTF-16, Latin-1), Excel (.xlsx, .xls), OpenDocument (.ods), Parquet e GeoJSON. Da un altro programma, salva come CSV.'
          : 'Unrecognised format: CSV/TSV/TXT (UTF-8, UTF-16, Latin-1), Excel (.xlsx, .xls), OpenDocument (.ods), Parquet and GeoJSON can be imported. From another program, save as CSV.'
        : p.detail === 'damaged-spreadsheet'
          ? it
            ? 'Il file sembra un foglio Excel/ODS ma è danneggiato o non è un foglio di calcolo: aprilo nel suo programma e salvalo di nuovo (o come CSV).'
            : 'The file looks like an Excel/ODS spreadsheet but is damaged or is not a spreadsheet: open it in its program and save it again (or as CSV).'
          : p.detail === 'quote-header'
            ? it
              ? 'Un’intestazione apre le virgolette (") e non le chiude mai: tutto il file finirebbe in una cella. Chiudi le virgolette nella prima riga.'
              : 'A header opens a quote (") that is never closed: the whole file would end up in one cell. Close the quote in the first row.'
            : it
              ? `Il file non si legge: ${p.detail ?? ''}`
              : `The file cannot be read: ${p.detail ?? ''}`;
    case 'single_column':
      return it
        ? `È stata trovata una sola colonna (${list(p.values)}): il separatore deve essere virgola, punto e virgola o tabulazione${p.detail ? ` (il file sembra usare “${p.detail}”)` : ''}.`
        : `Only one column was found (${list(p.values)}): the delimiter must be a comma, semicolon or tab${p.detail ? ` (the file seems to use “${p.detail}”)` : ''}.`;
    case 'ragged_rows':
      return it
        ? `${p.count} righe non hanno ${p.detail} colonne come l’intestazione${rowsOf(p, lang)}: le celle mancanti sono vuote.`
        : `${p.count} rows do not have ${p.detail} columns like the header${rowsOf(p, lang)}: missing cells are empty.`;
    case 'duplicate_columns':
      return it
        ? `Colonne con lo stesso nome: ${list(p.values)} (rinominate con _2, _3…).`
        : `Columns with the same name: ${list(p.values)} (renamed _2, _3…).`;
    case 'no_key':
      return p.severity === 'error'
        ? it
          ? `Nessuna colonna riconosciuta come codice ISTAT, codice catastale o nome di comune/provincia/regione, e nessuna coordinata (colonne: ${list(p.values)}).`
          : `No column was recognised as an ISTAT code, a cadastral code or a comune/province/region name, and there are no coordinates (columns: ${list(p.values)}).`
        : it
          ? 'Nessuna colonna di territori riconosciuta: il file può essere usato solo come livello di punti (coordinate).'
          : 'No territory column recognised: the file can only be used as a point layer (coordinates).';
    case 'text_in_numeric':
      return it
        ? `${p.count} celle di testo nella colonna numerica ${col}${rowsOf(p, lang)}: ${list(p.values)}. Saranno “dato non disponibile”.`
        : `${p.count} text cells in the numeric column ${col}${rowsOf(p, lang)}: ${list(p.values)}. They will be “no data”.`;
    case 'unknown_codes':
      if (p.count === 1)
        return it
          ? `1 codice non corrisponde a nessun territorio (livello ${p.detail ?? ''})${rowsOf(p, lang)}: ${list(p.values)}. Questa riga non sarà importata.`
          : `1 code matches no territory (level ${p.detail ?? ''})${rowsOf(p, lang)}: ${list(p.values)}. This row will not be imported.`;
      return it
        ? `${p.count} codici non corrispondono a nessun territorio (livello ${p.detail ?? ''})${rowsOf(p, lang)}: ${list(p.values)}. Queste righe non saranno importate.`
        : `${p.count} codes match no territory (level ${p.detail ?? ''})${rowsOf(p, lang)}: ${list(p.values)}. These rows will not be imported.`;
    case 'unknown_names':
      if (p.count === 1)
        return it
          ? `1 nome non corrisponde a nessun territorio${rowsOf(p, lang)}: ${list(p.values)}. Questa riga non sarà importata.`
          : `1 name matches no territory${rowsOf(p, lang)}: ${list(p.values)}. This row will not be imported.`;
      return it
        ? `${p.count} nomi non corrispondono a nessun territorio${rowsOf(p, lang)}: ${list(p.values)}. Queste righe non saranno importate.`
        : `${p.count} names match no territory${rowsOf(p, lang)}: ${list(p.values)}. These rows will not be imported.`;
    case 'ambiguous_names':
      return it
        ? `${p.count} nomi corrispondono a più comuni omonimi${rowsOf(p, lang)}: ${list(p.values)}. Aggiungi una colonna “provincia”.`
        : `${p.count} names match several homonymous comuni${rowsOf(p, lang)}: ${list(p.values)}. Add a “provincia” column.`;
    case 'duplicates':
      return it
        ? `${p.count} righe ripetono un territorio (e anno) già presente${rowsOf(p, lang)}: ${list(p.values)}. Per gli indicatori vale la prima; per un livello di servizi vanno bene.`
        : `${p.count} rows repeat a territory (and year) already present${rowsOf(p, lang)}: ${list(p.values)}. For indicators the first one counts; for a service layer they are fine.`;
    case 'mixed_levels': {
      const parts = (p.detail ?? '')
        .split(';')
        .filter(Boolean)
        .map((x) => x.split(':'));
      const names: Record<string, [string, string]> = {
        comune: ['comune', 'comune'],
        province: ['provincia', 'province'],
        region: ['regione', 'region'],
      };
      const desc = parts.map(([l, n]) => `${n} ${it ? 'a livello' : 'at'} ${names[l]?.[it ? 0 : 1] ?? l}`).join(', ');
      return it
        ? `Livelli misti (${desc}): si usa il livello prevalente; le altre righe${rowsOf(p, lang)} ${list(p.values)} non saranno importate.`
        : `Mixed levels (${desc}): the main level is used; the other rows${rowsOf(p, lang)} ${list(p.values)} will not be imported.`;
    }
    case 'invalid_geometry':
      return it
        ? `${p.count} elementi con geometria non valida (indici ${p.rows.join(', ')}${more(p, lang)}): ${list(p.values)}. Sono esclusi.`
        : `${p.count} features with invalid geometry (indexes ${p.rows.join(', ')}${more(p, lang)}): ${list(p.values)}. They are left out.`;
    case 'no_cadastral_lookup':
      return it
        ? `La colonna ${col} sembra contenere codici catastali, ma la tabella dei codici catastali non è disponibile in questa versione: usa il codice ISTAT o il nome.`
        : `Column ${col} looks like cadastral codes, but the cadastral code table is not available in this version: use the ISTAT code or the name.`;
    case 'bad_coordinates': {
      const m = p.detail?.startsWith('metres:') ? Number(p.detail.slice(7)) : 0;
      const metres = m
        ? it
          ? ` ${m} sembrano metri (UTM o simili): servono gradi decimali WGS84 (es. 39.08, 17.12).`
          : ` ${m} look like metres (UTM or similar): decimal degrees WGS84 are needed (e.g. 39.08, 17.12).`
        : '';
      return it
        ? `${p.count} coordinate fuori dall’Italia o non valide${rowsOf(p, lang)}: ${list(p.values)}.${metres} Il punto sarà posto nel suo comune, se noto.`
        : `${p.count} coordinates outside Italy or invalid${rowsOf(p, lang)}: ${list(p.values)}.${metres} The point will be placed in its comune, if known.`;
    }
    case 'broken_quote': {
      const sw = Number(p.detail ?? 0);
      if (sw === 0)
        return it
          ? `La riga ${p.rows[0]} apre le virgolette (") e non le chiude mai: non sarà importata (${list(p.values)}).`
          : `Row ${p.rows[0]} opens a quote (") that is never closed: it will not be imported (${list(p.values)}).`;
      const last = (p.rows[0] ?? 0) + sw;
      return it
        ? `La riga ${p.rows[0]} apre le virgolette (") e non le chiude mai: le ${sw} righe seguenti (fino alla riga ${last}) sono finite in una sola cella. Queste ${p.count} righe non saranno importate; chiudi le virgolette nel file (${list(p.values)}).`
        : `Row ${p.rows[0]} opens a quote (") that is never closed: the ${sw} following rows (up to row ${last}) were swallowed into one cell. These ${p.count} rows will not be imported; close the quote in the file (${list(p.values)}).`;
    }
    case 'empty_key':
      if (p.count === 1)
        return it
          ? `1 riga senza territorio nella colonna ${col}${rowsOf(p, lang)}: non sarà importata.`
          : `1 row without a territory in column ${col}${rowsOf(p, lang)}: it will not be imported.`;
      return it
        ? `${p.count} righe senza territorio nella colonna ${col}${rowsOf(p, lang)}: non saranno importate.`
        : `${p.count} rows without a territory in column ${col}${rowsOf(p, lang)}: they will not be imported.`;
    case 'out_of_range':
      return it
        ? `${p.count} numeri fuori scala nella colonna ${col}${rowsOf(p, lang)}: ${list(p.values)} (troppo grandi o troppo piccoli per essere rappresentati). Saranno “dato non disponibile”, mai infinito né zero.`
        : `${p.count} numbers out of range in column ${col}${rowsOf(p, lang)}: ${list(p.values)} (too large or too small to represent). They will be “no data”, never infinite nor zero.`;
    case 'key_ask':
      return it
        ? `Due colonne potrebbero indicare il territorio, ${list(p.values)}, e non concordano: scegli quale usare qui sopra.`
        : `Two columns could name the territory, ${list(p.values)}, and they disagree: choose which one to use above.`;
    case 'no_reference_date':
      return it
        ? 'Il file non ha una colonna anno: indica l’anno o la data di riferimento dei valori.'
        : 'The file has no year column: state the reference year or date of the values.';
    case 'long_text':
      return it
        ? `${p.count === 1 ? '1 cella' : `${p.count} celle`} della colonna ${col} ${p.count === 1 ? 'supera' : 'superano'} i ${MAX_CONTACT_CHARS} caratteri${rowsOf(p, lang)}: come contatto di un livello di servizi ${p.count === 1 ? 'sarà tagliata' : 'saranno tagliate'} ai primi ${MAX_CONTACT_CHARS} caratteri (finisce con “…”, mai un link).`
        : `${p.count === 1 ? '1 cell' : `${p.count} cells`} of column ${col} ${p.count === 1 ? 'is' : 'are'} longer than ${MAX_CONTACT_CHARS} characters${rowsOf(p, lang)}: as a contact of a service layer ${p.count === 1 ? 'it' : 'they'} will be cut to the first ${MAX_CONTACT_CHARS} characters (ending in “…”, never a link).`;
    case 'bad_year':
      return it
        ? `${p.count} anni non validi nella colonna ${col}${rowsOf(p, lang)}: ${list(p.values)}.`
        : `${p.count} invalid years in column ${col}${rowsOf(p, lang)}: ${list(p.values)}.`;
  }
}
