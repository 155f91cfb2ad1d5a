/**
 * Words with a few inline marks, for long texts kept in an i18n dictionary: **bold**, *italic*, [[code]] and
 * ~subscript~. The parts are rendered as text (never as HTML). Pure.
 */
export interface RichPart {
  kind: 'text' | 'b' | 'i' | 'code' | 'sub';
  text: string;
}

const MARK = /\*\*(.+?)\*\*|\*(.+?)\*|\[\[(.+?)\]\]|~(.+?)~/g;
const KINDS = ['b', 'i', 'code', 'sub'] as const;

export function richParts(s: string): RichPart[] {
  const out: RichPart[] = [];
  let at = 0;
  for (const m of s.matchAll(MARK)) {
    if (m.index > at) out.push({ kind: 'text', text: s.slice(at, m.index) });
    const k = [1, 2, 3, 4].find((g) => m[g] !== undefined) as number;
    out.push({ kind: KINDS[k - 1], text: m[k] });
    at = m.index + m[0].length;
  }
  if (at < s.length) out.push({ kind: 'text', text: s.slice(at) });
  return out;
}
