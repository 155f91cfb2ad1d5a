/** Hard limits of the importer (stated in the UI and in docs/import.md), checked before the work they protect. */

/** Files above this size are refused before being read: the browser would need several times as much memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** At most this many rows are imported (a comune-level file has ~7,900; a point layer rarely 100,000). */
export const MAX_ROWS = 2_000_000;
/** At most this many columns (checked on the header line, before the rows are split). */
export const MAX_COLUMNS = 1_000;
/** At most this many characters in one cell (Excel's own limit is 32,767). */
export const MAX_CELL_CHARS = 32_767;
/** A contact cell of a service layer (phone, e-mail, web, hours, notes) is cut to this many characters. */
export const MAX_CONTACT_CHARS = 500;
/** An Excel/ODS file (a zip) may unpack to at most this many bytes (a "zip bomb" unpacks to gigabytes). */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;
/** Problems list at most this many rows and values each. */
export const MAX_LISTED = 10;
/** Nearest candidates are computed for at most this many unmatched values. */
export const MAX_SUGGESTED = 30;

/**
 * The uncompressed size a zip archive declares (sum over its central directory), or null when the
 * directory cannot be found. A declared size is what the reader will allocate; a deflated entry that
 * declares less than its compressed size (a lying header) counts as the most deflate can unpack (1,032×).
 */
export function zipUnpackedSize(b: Uint8Array): number | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // end of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--)
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const entries = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  let total = 0;
  for (let k = 0; k < entries && p + 46 <= b.length; k++) {
    if (dv.getUint32(p, true) !== 0x02014b50) break;
    const method = dv.getUint16(p + 10, true);
    const comp = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    // 0xFFFFFFFF: a zip64 size, i.e. 4 GB or more
    if (size === 0xffffffff) total += 2 ** 32;
    // deflated text never comes out smaller than it went in: a smaller declared size is a lie, and the
    // entry may unpack to as much as deflate allows (1,032:1)
    else if (method === 8 && size < comp && comp > 4096) total += comp * 1032;
    else total += Math.max(size, comp > 0 && size / comp > 1000 ? comp * 1000 : 0);
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return total;
}
