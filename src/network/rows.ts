/**
 * The network tool's data, pure: the chosen territory as comuni + inner points, the entries of every layer
 * (built-in and imported), filter and sort, and the CSV (through the project's CSV cell writer, which
 * neutralises formulas).
 */
import { comuneIn, type Territory } from '../analytics/catalogue';
import { networkOf, type NetworkEntry, type NetworkTerritory } from '../analytics/network';
import { normalizeName } from '../analytics/text';
import { csvCell } from '../core/csv';
import type { Grouping, ServiceRecord } from '../core/userData';
import type { LayerInfo } from '../coverage/services';

export type Choice =
  | { kind: 'territory'; level: 'comune' | 'province' | 'region' | 'sll'; code: string }
  | { kind: 'group'; grouping: string; code: string };

export interface ChosenTerritory extends NetworkTerritory {
  name: string;
  /** regions of its comuni (a layer without data there says "no data", never "no service") */
  regions: Set<string>;
}

/** The comuni of a comune / province / region / group and their inner points; null if unknown. */
export function chosenTerritory(
  choice: Choice,
  territories: readonly Territory[],
  groupings: readonly Grouping[],
): ChosenTerritory | null {
  const comuni = territories.filter((t) => t.level === 'comune');
  let members: Territory[];
  let name: string;
  if (choice.kind === 'group') {
    const g = groupings.find((x) => x.id === choice.grouping);
    if (!g) return null;
    members = comuni.filter((c) => g.members.get(c.code) === choice.code);
    name = g.names.get(choice.code) ?? choice.code;
  } else {
    const self = territories.find((t) => t.level === choice.level && t.code === choice.code);
    if (!self) return null;
    name = self.name;
    members = choice.level === 'comune' ? [self] : comuni.filter((c) => comuneIn(c, choice.level) === choice.code);
  }
  if (!members.length) return null;
  return {
    name,
    comuni: new Set(members.map((m) => m.code)),
    refs: members
      .filter((m) => m.lon !== null && m.lat !== null)
      .map((m) => ({ code: m.code, lon: m.lon as number, lat: m.lat as number })),
    regions: new Set(members.map((m) => m.region_code).filter((r): r is string => !!r)),
  };
}

export interface LayerBlock {
  info: LayerInfo;
  /** false: the layer's source does not cover the territory's regions */
  hasData: boolean;
  entries: NetworkEntry<ServiceRecord>[];
}

export function networkBlocks(layers: readonly LayerInfo[], territory: ChosenTerritory, maxKm: number): LayerBlock[] {
  return layers.map((info) => {
    const rwd = info.layer.regions_with_data;
    const hasData = rwd === null || rwd.some((r) => territory.regions.has(r));
    return { info, hasData, entries: networkOf(info.layer.points, territory, maxKm) };
  });
}

export type SortKey = 'km' | 'name' | 'type' | 'comune';

/** Filter by words (name, address, type, comune name or code) and sort; inside first stays for 'km'. */
export function filterSort(
  entries: readonly NetworkEntry<ServiceRecord>[],
  query: string,
  key: SortKey,
  asc: boolean,
  comuneName: (code: string | null) => string,
): NetworkEntry<ServiceRecord>[] {
  const q = normalizeName(query);
  const hay = (e: NetworkEntry<ServiceRecord>) =>
    normalizeName(
      [
        e.point.name,
        e.point.address ?? '',
        e.point.type ?? '',
        comuneName(e.point.comune_code),
        e.point.comune_code ?? '',
      ].join(' '),
    );
  const list = q ? entries.filter((e) => hay(e).includes(q)) : [...entries];
  const dir = asc ? 1 : -1;
  const text = (e: NetworkEntry<ServiceRecord>) =>
    key === 'name' ? e.point.name : key === 'type' ? (e.point.type ?? '') : comuneName(e.point.comune_code);
  return list.sort((a, b) => {
    if (key === 'km') {
      const d = Number(b.inside) - Number(a.inside) || (a.km ?? Infinity) - (b.km ?? Infinity);
      return dir * d || a.point.name.localeCompare(b.point.name, 'it');
    }
    return dir * text(a).localeCompare(text(b), 'it') || (a.km ?? Infinity) - (b.km ?? Infinity);
  });
}

export const NETWORK_CSV_HEADER = [
  'territory',
  'layer',
  'layer_label',
  'id',
  'name',
  'type',
  'address',
  'comune_code',
  'comune',
  'inside',
  'distance_km',
  'precision',
  'phone',
  'email',
  'website',
  'opening_hours',
  'notes',
  'lon',
  'lat',
  'source',
  'reference_date',
];

/** One row per listed service; text cells neutralised against spreadsheet formulas; missing = empty. */
export function networkCsv(
  territoryName: string,
  blocks: readonly LayerBlock[],
  lang: 'it' | 'en',
  comuneName: (code: string | null) => string,
): string {
  const lines = [NETWORK_CSV_HEADER.join(',')];
  for (const b of blocks) {
    const L = b.info.layer;
    for (const e of b.entries) {
      const p = e.point;
      lines.push(
        [
          territoryName,
          L.id,
          L.label[lang],
          p.id,
          p.name,
          p.type,
          p.address,
          p.comune_code,
          p.comune_code ? comuneName(p.comune_code) : null,
          e.inside,
          e.km === null ? null : Math.round(e.km * 100) / 100,
          p.precision,
          p.phone ?? null,
          p.email ?? null,
          p.website ?? null,
          p.opening_hours ?? null,
          p.notes ?? null,
          p.lon,
          p.lat,
          b.info.source[lang],
          L.reference_date,
        ]
          .map((v) => csvCell(v))
          .join(','),
      );
    }
  }
  return lines.join('\n') + '\n';
}
