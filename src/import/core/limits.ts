/** Hard limits of the importer (stated in the UI and in docs/import.md). */

/** Files above this size are refused before being read: the browser would need several times as much memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** At most this many rows are imported (a comune-level file has ~7,900; a point layer rarely 100,000). */
export const MAX_ROWS = 2_000_000;
/** Problems list at most this many rows and values each. */
export const MAX_LISTED = 10;
/** Nearest candidates are computed for at most this many unmatched values. */
export const MAX_SUGGESTED = 30;
