/** Bytes → text: UTF-8 (with or without BOM) when valid, otherwise Latin-1 (Windows-1252). */

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8 (BOM)' | 'latin-1';
}

export function decodeText(bytes: Uint8Array): Decoded {
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
