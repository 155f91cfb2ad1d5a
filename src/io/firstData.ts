/**
 * The first picture's data, read at boot by a worker (src/boot/firstData.ts) and taken once by DataStore
 * (`takeFirstData`); the same worker then reads the indicators file's two parts for DataStore's phase 2
 * (`takePartReader`). This is only the hand-off point, so that the state floor never imports the boot.
 */
export interface FirstData {
  indicator: string;
  territories: Record<string, unknown>[];
  rows: Record<string, unknown>[];
}

/** Reads one part of the indicators file in the worker ('values' | 'ratios'); `done` stops the worker. */
export interface PartReader<Part, Packed> {
  read(part: Part): Promise<Packed>;
  done(): void;
}

let pending: { indicator: string; data: Promise<FirstData> } | null = null;
let reader: PartReader<unknown, unknown> | null = null;

export function offerFirstData(
  indicator: string,
  data: Promise<FirstData>,
  parts?: PartReader<unknown, unknown>,
): void {
  // handled by whoever takes it; never an unhandled rejection meanwhile
  data.catch(() => {});
  pending = { indicator, data };
  reader = parts ?? null;
}

/** The data read at boot for this indicator, if any (once). */
export function takeFirstData(indicator: string): Promise<FirstData> | null {
  const p = pending;
  pending = null;
  return p && p.indicator === indicator ? p.data : null;
}

/** The worker's reader of the indicators file's parts, if any (once). */
export function takePartReader<Part, Packed>(): PartReader<Part, Packed> | null {
  const r = reader;
  reader = null;
  return r as PartReader<Part, Packed> | null;
}
