/**
 * Bytes → text: UTF-16 LE/BE with a BOM (Excel's "Unicode text"), UTF-8 (with or without BOM) when
 * valid, otherwise Latin-1 (Windows-1252).
 */

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8 (BOM)' | 'latin-1' | 'utf-16le' | 'utf-16be';
}

/** 'utf-16le' / 'utf-16be' when the bytes start with that BOM. */
export function utf16Bom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array): Decoded {
  const u16 = utf16Bom(bytes);
  if (u16) {
    // an odd trailing byte is dropped rather than shown as U+FFFD
    const body = bytes.subarray(2, 2 + ((bytes.length - 2) & ~1));
    return { text: new TextDecoder(u16, { ignoreBOM: true }).decode(body), encoding: u16 };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: bom ? 'utf-8 (BOM)' : 'utf-8' };
  } catch {
    // not valid UTF-8: Italian files of this kind are Windows-1252 / ISO-8859-1 (à è é ì ò ù)
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'latin-1' };
  }
}
