/** What kind of file this is, from its first bytes (and its name only as a tie-breaker). */
import type { FileFormat } from './types';
import { utf16Bom } from './decode';

export function sniffFormat(bytes: Uint8Array, fileName: string): FileFormat | 'unknown-binary' {
  const b = bytes;
  // PK\x03\x04: a zip archive: .xlsx or .ods (both read by @e965/xlsx); other zips fail there with a message
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  // PAR1 … PAR1
  if (b.length >= 8 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31) return 'parquet';
  // old binary Excel (.xls, OLE2 compound file): read by @e965/xlsx too
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xlsx';
  // UTF-16 with a BOM (Excel "Unicode text"): text, NUL bytes and all
  const u16 = utf16Bom(b);
  let start = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) start = 3;
  if (u16) start = 2;
  const step = u16 ? 2 : 1;
  const lo = u16 === 'utf-16be' ? 1 : 0;
  for (let i = start; i + lo < Math.min(b.length, start + 128); i += step) {
    const c = b[i + lo];
    if (u16 && b[i + 1 - lo] !== 0) break;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c === 0x7b) return 'geojson';
    break;
  }
  if (u16) return 'csv';
  const n = Math.min(b.length, 4096);
  let nul = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) nul++;
  if (nul > 0) return 'unknown-binary';
  void fileName;
  return 'csv';
}
