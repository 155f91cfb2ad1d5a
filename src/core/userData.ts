/**
 * What a user brings (imports): kept in the browser only. The DataStore holds these lists; the coverage
 * views use service layers like the built-in ones, indicators join the catalogue, groupings become a
 * map level.
 */
import type { IndicatorMeta, IndicatorRow } from '../contract';

/** The optional contact columns of a service (services.parquet, the import templates): text, never HTML. */
export const CONTACT_COLUMNS = ['phone', 'email', 'website', 'opening_hours', 'notes'] as const;
export type ContactField = (typeof CONTACT_COLUMNS)[number];

/** One service point, built-in or imported (same columns as public/data/services.parquet). */
export interface ServiceRecord {
  layer: string;
  id: string;
  name: string;
  address: string | null;
  type: string | null;
  capacity: number | null;
  lon: number;
  lat: number;
  comune_code: string | null;
  precision: 'exact' | 'comune';
  /** contacts as the source gives them (text, never HTML); absent when the source has none */
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  opening_hours?: string | null;
  notes?: string | null;
}

export interface ServiceLayer {
  id: string;
  label: { it: string; en: string };
  /** where the layer comes from: a built-in source or the imported file's name */
  source: string;
  reference_date: string | null;
  /** region codes with data; null = all Italy (elsewhere a layer shows "no data", never "no service") */
  regions_with_data: string[] | null;
  /** what capacity means (e.g. beds), or null when there is none */
  capacity_label: { it: string; en: string } | null;
  points: ServiceRecord[];
  imported: boolean;
}

/** A comune → group mapping (ATS, job-centre catchment, local labour system…): a map level of its own. */
export interface Grouping {
  id: string;
  label: { it: string; en: string };
  source: string;
  /** comune code → group code */
  members: Map<string, string>;
  /** group code → group name */
  names: Map<string, string>;
  /** a grouping that ships with the atlas (public/data/groupings.json), not an import: its source and date */
  builtIn?: { source: { it: string; en: string }; reference_date: string; licence: string };
}

export interface UserIndicators {
  metas: IndicatorMeta[];
  rows: IndicatorRow[];
}
