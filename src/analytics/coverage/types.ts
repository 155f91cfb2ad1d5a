/** Inputs of the coverage engine. Coordinates are WGS84 degrees; distances are great-circle km. */

/** A service point (hospital, CPIA, consultorio, school…). `capacity` null = not known. */
export interface ServicePoint {
  id: string;
  lon: number;
  lat: number;
  capacity: number | null;
  /** current ISTAT comune code (6 digits), when the service is geocoded to a comune */
  comune_code?: string;
}

/** Demand: the population of a territory placed at one point inside it. */
export interface DemandPoint {
  code: string;
  lon: number;
  lat: number;
  population: number;
}

/**
 * Distance decay inside the catchment d0:
 * - 'none': W = 1 (classic 2SFCA, Luo & Wang 2003);
 * - 'gaussian': W(d) = (exp(−½(d/d0)²) − exp(−½)) / (1 − exp(−½)) (Dai 2010; W(0) = 1, W(d0) = 0);
 * - 'stepped': three equal zones, W = 1.00 / 0.68 / 0.22 (Luo & Qi 2009).
 */
export type Decay = 'none' | 'gaussian' | 'stepped';

/** Coverage measures of one territory. Missing ("no data for this territory") is null, never 0. */
export interface CoverageMeasure {
  code: string;
  population: number;
  /** great-circle km to the nearest service (population-weighted mean above comune level) */
  nearest_km: number | null;
  /** ids of the k nearest services, nearest first (comune level only; [] above) */
  nearest_ids: string[];
  /** number of service points located in the territory */
  services: number | null;
  /** service points per 10,000 residents */
  per_10k: number | null;
  /** 2SFCA access, supply per 10,000 residents (population-weighted mean above comune level) */
  access_2sfca: number | null;
  /** E2SFCA access (distance decay), supply per 10,000 residents */
  access_e2sfca: number | null;
  /** population of the territory farther than the gap distance from the nearest service; null when not asked */
  gap_population: number | null;
}
