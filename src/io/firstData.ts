/**
 * The first picture's data, read at boot by a worker (src/boot/firstData.ts) and taken once by DataStore
 * (`takeFirstData`). This is only the hand-off point, so that the state floor never imports the boot.
 */
export interface FirstData {
  indicator: string;
  territories: Record<string, unknown>[];
  rows: Record<string, unknown>[];
}

let pending: { indicator: string; data: Promise<FirstData> } | null = null;

export function offerFirstData(indicator: string, data: Promise<FirstData>): void {
  // handled by whoever takes it; never an unhandled rejection meanwhile
  data.catch(() => {});
  pending = { indicator, data };
}

/** The data read at boot for this indicator, if any (once). */
export function takeFirstData(indicator: string): Promise<FirstData> | null {
  const p = pending;
  pending = null;
  return p && p.indicator === indicator ? p.data : null;
}
