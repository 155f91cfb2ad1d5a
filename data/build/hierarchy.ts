import type { Codes } from './codes.ts';
import type { Level } from './types.ts';

/** Parent functions for rolling up: comune → province → region → italy. */
export function parents(codes: Codes) {
  const comuneToProvince = (c: string) => codes.comuneByCode.get(c)?.province_code;
  const provinceToRegion = (p: string) => codes.provinceByCode.get(p)?.region_code;
  const toItaly = () => 'IT';
  return {
    fromComune: [
      { level: 'province' as Level, parentOf: comuneToProvince },
      { level: 'region' as Level, parentOf: provinceToRegion },
      { level: 'italy' as Level, parentOf: toItaly },
    ],
    fromProvince: [
      { level: 'region' as Level, parentOf: provinceToRegion },
      { level: 'italy' as Level, parentOf: toItaly },
    ],
    fromRegion: [{ level: 'italy' as Level, parentOf: toItaly }],
  };
}

/** Population and area summed per level: Map `${level}:${code}` → value. */
export function sumToLevels(codes: Codes, byComune: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  const add = (k: string, v: number) => out.set(k, (out.get(k) ?? 0) + v);
  for (const c of codes.comuni) {
    const v = byComune.get(c.code);
    if (v === undefined) continue;
    add(`comune:${c.code}`, v);
    add(`province:${c.province_code}`, v);
    add(`region:${c.region_code}`, v);
    add('italy:IT', v);
  }
  return out;
}
