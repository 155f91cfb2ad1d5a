/** A scale bar for a Web-Mercator map (MapLibre, 512-px tiles): metres per pixel and a round length. */
import { initialCamera } from '../map/mercator';
import type { Camera } from '../state/url';

const EARTH_CIRCUMFERENCE = 40075016.686;

/** Ground metres per CSS pixel at latitude `lat` and zoom `zoom`. */
export function metresPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** The longest round length (1, 2 or 5 × 10ⁿ metres) that fits in `maxPx` pixels. */
export function scaleBar(
  lat: number,
  zoom: number,
  maxPx: number,
  lang: 'it' | 'en',
): { px: number; metres: number; label: string } {
  const mpp = metresPerPixel(lat, zoom);
  const max = mpp * maxPx;
  const p = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((k) => k * p).find((m) => m <= max) ?? p;
  const label =
    metres >= 1000
      ? `${new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB').format(metres / 1000)} km`
      : `${metres} m`;
  return { px: metres / mpp, metres, label };
}

/**
 * The scale bar of the exported PNG: measured at the map's camera (`camera` from the URL), or — when the map
 * has not moved since it started — at the camera it started from, Italy fitted in the width × height map.
 */
export function exportScale(
  camera: Camera | null,
  width: number,
  height: number,
  lang: 'it' | 'en',
): { px: number; metres: number; label: string } {
  const cam = camera ?? initialCamera(null, width, height);
  return scaleBar(cam.lat, cam.zoom, 120, lang);
}
