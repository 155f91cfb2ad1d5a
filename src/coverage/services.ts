/**
 * The built-in service layers: public/data/services_catalogue.json + public/data/services.parquet (read by
 * range with hyparquet), turned into the same ServiceLayer shape as the imported ones.
 */
import { openRemoteParquet, readRemote } from '../db/remoteParquet';
import type { Bilingual } from '../analytics/catalogue';
import { DATA_FILES } from '../contract';
import { CONTACT_COLUMNS, type ServiceLayer, type ServiceRecord } from '../core/userData';

export interface ServiceCatalogueEntry {
  id: string;
  label: Bilingual;
  description: Bilingual;
  source: Bilingual;
  licence: string;
  reference_date: string;
  precision: string;
  precision_note: Bilingual | null;
  regions_with_data: string[] | null;
  coverage_note: Bilingual | null;
  capacity: Bilingual | null;
  rows: number;
}

/** A layer as the coverage view shows it: the ServiceLayer plus words for the source and notes. */
export interface LayerInfo {
  layer: ServiceLayer;
  source: Bilingual;
  description: Bilingual | null;
  notes: Bilingual[];
  licence: string | null;
}

const COLUMNS = ['layer', 'id', 'name', 'address', 'type', 'capacity', 'lon', 'lat', 'comune_code', 'precision'];
/** optional contact columns (core/userData.ts): read when the Parquet has them (older builds do not) */
export { CONTACT_COLUMNS };

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'bigint' ? Number(v) : Number(v);
  return Number.isFinite(n) ? n : null;
};

/** One Parquet row → a ServiceRecord (rows without coordinates are dropped by the caller). */
export function toRecord(r: Record<string, unknown>): ServiceRecord | null {
  const lon = num(r.lon);
  const lat = num(r.lat);
  if (lon === null || lat === null) return null;
  return {
    layer: String(r.layer),
    id: String(r.id),
    name: str(r.name) ?? String(r.id),
    address: str(r.address),
    type: str(r.type),
    capacity: num(r.capacity),
    lon,
    lat,
    comune_code: str(r.comune_code),
    precision: r.precision === 'exact' ? 'exact' : 'comune',
    ...Object.fromEntries(CONTACT_COLUMNS.filter((c) => c in r).map((c) => [c, str(r[c])])),
  };
}

export function builtInLayer(entry: ServiceCatalogueEntry, points: ServiceRecord[]): LayerInfo {
  return {
    layer: {
      id: entry.id,
      label: entry.label,
      source: entry.source.it,
      reference_date: entry.reference_date || null,
      regions_with_data: entry.regions_with_data,
      capacity_label: entry.capacity,
      points,
      imported: false,
    },
    source: entry.source,
    description: entry.description,
    notes: [entry.precision_note, entry.coverage_note].filter((n): n is Bilingual => !!n),
    licence: entry.licence,
  };
}

export function importedLayer(layer: ServiceLayer): LayerInfo {
  return { layer, source: { it: layer.source, en: layer.source }, description: null, notes: [], licence: null };
}

/** Download the catalogue and every built-in layer (one request for the footer, one for the columns). */
export async function loadBuiltInLayers(base = './'): Promise<LayerInfo[]> {
  const [catalogue, rows] = await Promise.all([
    fetch(base + DATA_FILES.servicesCatalogue).then(async (r) => {
      if (!r.ok) throw new Error(`${DATA_FILES.servicesCatalogue}: could not be downloaded (HTTP ${r.status})`);
      return (await r.json()) as ServiceCatalogueEntry[];
    }),
    openRemoteParquet(base + DATA_FILES.services).then((f) => {
      const has = new Set(f.metadata.schema.map((c) => c.name));
      return readRemote(f, [...COLUMNS, ...CONTACT_COLUMNS.filter((c) => has.has(c))]);
    }),
  ]);
  const byLayer = new Map<string, ServiceRecord[]>();
  for (const r of rows) {
    const rec = toRecord(r);
    if (!rec) continue;
    let list = byLayer.get(rec.layer);
    if (!list) byLayer.set(rec.layer, (list = []));
    list.push(rec);
  }
  return catalogue.map((e) => builtInLayer(e, byLayer.get(e.id) ?? []));
}
