/**
 * Use (b): rows as service points. A point is exact when the row has coordinates, otherwise it is placed
 * at the inner point of its comune (precision 'comune'); rows with neither are left out and listed. The
 * contact columns (phone, email, website, opening_hours, notes) come along as text (core/contacts.ts).
 */
import type { ContactField, ServiceLayer, ServiceRecord } from '../../../core/userData';
import { contactColumnsOf, contactText } from '../contacts';
import type { ImportPreview, TerritoryRef } from '../types';

export interface ServiceChoice {
  id: string;
  label: string;
  nameColumn: string | null;
  typeColumn: string | null;
  capacityColumn: string | null;
  addressColumn: string | null;
  idColumn: string | null;
  capacityLabel: string | null;
  /** the contact columns; when absent, found by their headers (contactColumnsOf) */
  contactColumns?: Partial<Record<ContactField, string>>;
}

export function buildServiceLayer(
  p: ImportPreview,
  c: ServiceChoice,
  comuni: ReadonlyMap<string, TerritoryRef>,
  importedOn: string,
): { layer: ServiceLayer; skipped: number[] } {
  const points: ServiceRecord[] = [];
  const skipped: number[] = [];
  const text = (v: unknown) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim());
  const regions = new Set<string>();
  const contacts = Object.entries(
    c.contactColumns ?? contactColumnsOf(p.columns.filter((x) => x.kind === 'text').map((x) => x.name)),
  ) as [ContactField, string][];
  for (const r of p.rows) {
    // left out in the preview (invalid geometry): left out here too, never placed at its comune
    if (r.excluded) continue;
    const comune = r.code !== null && p.key?.level === 'comune' ? comuni.get(r.code) : undefined;
    let lon = r.lon;
    let lat = r.lat;
    let precision: ServiceRecord['precision'] = 'exact';
    if (lon === null || lat === null) {
      if (!comune || comune.lon === null || comune.lat === null) {
        skipped.push(r.row);
        continue;
      }
      lon = comune.lon;
      lat = comune.lat;
      precision = 'comune';
    }
    if (comune?.region_code) regions.add(comune.region_code);
    const at = (col: string | null) => (col && Object.hasOwn(r.values, col) ? r.values[col] : null);
    const cap = at(c.capacityColumn);
    points.push({
      layer: c.id,
      id: text(at(c.idColumn)) || `${c.id}_${r.row}`,
      name: text(at(c.nameColumn)) || `#${r.row}`,
      address: text(at(c.addressColumn)),
      type: text(at(c.typeColumn)),
      capacity: typeof cap === 'number' && Number.isFinite(cap) ? cap : null,
      lon,
      lat,
      comune_code: comune?.code ?? null,
      precision,
      ...Object.fromEntries(contacts.map(([f, col]) => [f, contactText(at(col))])),
    });
  }
  return {
    layer: {
      id: c.id,
      label: { it: c.label, en: c.label },
      source: p.fileName,
      reference_date: importedOn,
      // the file covers the regions where it has points; elsewhere "no data", never "no service"
      regions_with_data: [...regions].sort(),
      capacity_label: c.capacityLabel ? { it: c.capacityLabel, en: c.capacityLabel } : null,
      points,
      imported: true,
    },
    skipped,
  };
}
