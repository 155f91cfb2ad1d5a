/**
 * deck.gl layers of the map, on binary boundaries (SolidPolygonLayer with pre-triangulated indices):
 * the choropleth, the hatched "no data" territories and the selection outline.
 * Data stays stable; colours change through updateTriggers.
 */
import { SolidPolygonLayer, PathLayer, TextLayer } from '@deck.gl/layers';
import type { FillStyleExtension } from '@deck.gl/extensions';
import { LABEL_SIZE, type PlaceLabel } from './labelPlan';
import type { BinaryBoundaries } from '../core/geometry/binary';
import { ringsOf, type RingSubset } from '../core/geometry/binary';
import { PROVINCE_LINES } from './style';

export type RGBA = [number, number, number, number];
const CLEAR: RGBA = [0, 0, 0, 0];
const below = { beforeId: PROVINCE_LINES } as object;

function binaryData(b: BinaryBoundaries) {
  return {
    length: b.length,
    startIndices: b.startIndices,
    attributes: { getPolygon: { value: b.positions, size: 2 }, indices: b.indices },
  };
}
// one binary descriptor per boundaries object, so deck.gl sees stable data
const cache = new WeakMap<BinaryBoundaries, ReturnType<typeof binaryData>>();
const dataOf = (b: BinaryBoundaries) => {
  let d = cache.get(b);
  if (!d) cache.set(b, (d = binaryData(b)));
  return d;
};

export interface ChoroplethProps {
  id: string;
  data: BinaryBoundaries;
  colours: Map<string, RGBA>;
  noData: RGBA;
  colourKey: string;
  opacity: number;
  /** colours change smoothly over this many ms (presentations); 0: at once */
  transitionMs?: number;
}

export function choroplethLayer(p: ChoroplethProps) {
  const codes = p.data.codes;
  return new SolidPolygonLayer({
    id: p.id,
    ...below,
    data: dataOf(p.data),
    _normalize: false,
    filled: true,
    extruded: false,
    pickable: true,
    opacity: p.opacity,
    getFillColor: (_: unknown, { index }: { index: number }) => p.colours.get(codes[index]) ?? p.noData,
    updateTriggers: { getFillColor: p.colourKey },
    transitions: p.transitionMs ? { getFillColor: p.transitionMs } : undefined,
  } as ConstructorParameters<typeof SolidPolygonLayer>[0]);
}

let atlas: HTMLCanvasElement | null = null;
/** A 16 × 16 mask with one diagonal line that tiles seamlessly (drawn here: nothing is fetched). */
function hatchAtlas(): HTMLCanvasElement {
  if (atlas) return atlas;
  atlas = document.createElement('canvas');
  atlas.width = atlas.height = 16;
  const ctx = atlas.getContext('2d') as CanvasRenderingContext2D;
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 2;
  for (const o of [-16, 0, 16]) {
    ctx.beginPath();
    ctx.moveTo(o, 16);
    ctx.lineTo(o + 16, 0);
    ctx.stroke();
  }
  return atlas;
}
// the hatch's extension (@deck.gl/extensions, some 50 KB gzip) is loaded the first time a territory has
// no value, so that a first map with every value does not wait for it
let hatch: FillStyleExtension | null = null;
let hatchLoading: Promise<void> | null = null;
export const hatchLoaded = (): boolean => hatch !== null;
export function loadHatch(): Promise<void> {
  return (hatchLoading ??= import('@deck.gl/extensions').then((m) => {
    hatch = new m.FillStyleExtension({ pattern: true });
  }));
}
/** whether some territory of `p.data` has no colour (needs the hatched layer) */
export const hasNoData = (p: ChoroplethProps): boolean => p.data.codes.some((c) => !p.colours.has(c));

/**
 * "No data" territories: grey with diagonal hatching, so a missing value never looks like a value
 * (null until `loadHatch` has loaded the extension).
 */
export function noDataLayer(p: ChoroplethProps & { lines: RGBA }) {
  if (!hatch) return null;
  const codes = p.data.codes;
  const missing = (i: number) => !p.colours.has(codes[i]);
  return new SolidPolygonLayer({
    id: `${p.id}-nodata`,
    ...below,
    data: dataOf(p.data),
    _normalize: false,
    filled: true,
    pickable: false,
    extensions: [hatch],
    fillPatternAtlas: hatchAtlas(),
    fillPatternMapping: { nodata: { x: 0, y: 0, width: 16, height: 16 } },
    fillPatternMask: true,
    fillPatternSizeUnits: 'pixels',
    getFillPattern: () => 'nodata',
    getFillPatternScale: 0.5,
    getFillColor: (_: unknown, { index }: { index: number }) => (missing(index) ? p.lines : CLEAR),
    getFillPatternBackgroundColor: (_: unknown, { index }: { index: number }) => (missing(index) ? p.noData : CLEAR),
    updateTriggers: { getFillColor: p.colourKey, getFillPatternBackgroundColor: p.colourKey },
  } as ConstructorParameters<typeof SolidPolygonLayer>[0]);
}

export function selectionLayer(b: BinaryBoundaries | null, index: number | null) {
  const paths = b && index !== null && index >= 0 ? ringsOf(b, index) : [];
  return new PathLayer<[number, number][]>({
    id: 'selection',
    data: paths,
    getPath: (d) => d,
    getColor: [20, 20, 20, 255],
    widthUnits: 'pixels',
    getWidth: 3,
    pickable: false,
  });
}

// one binary path descriptor per ring subset, so deck.gl sees stable data until the view moves on
const ringCache = new WeakMap<RingSubset, object>();
function ringData(rings: RingSubset) {
  let d = ringCache.get(rings);
  if (!d) {
    d = {
      length: rings.length,
      startIndices: rings.startIndices,
      attributes: { getPath: { value: rings.positions, size: 2 } },
    };
    ringCache.set(rings, d);
  }
  return d;
}

/**
 * Thin borders of the territories near the view (ringsInBox), drawn only when zoomed in: every ring of
 * Italy's comuni at once costs seconds a frame where the browser renders without a GPU.
 */
export function outlineLayer(id: string, rings: RingSubset) {
  return new PathLayer({
    id: `${id}-outline`,
    ...below,
    data: ringData(rings),
    _pathType: 'loop',
    getColor: [90, 90, 90, 160],
    widthUnits: 'pixels',
    getWidth: 0.6,
    pickable: false,
  } as ConstructorParameters<typeof PathLayer>[0]);
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const COLOUR: Record<PlaceLabel['kind'], RGBA> = {
  country: [20, 20, 20, 255],
  region: [40, 40, 40, 255],
  province: [70, 70, 70, 255],
  capital: [20, 20, 20, 255],
  pilot: [0, 0, 0, 255],
};

/**
 * Place names (see labelPlan.ts), drawn by deck.gl from the browser's own sans-serif font into a glyph atlas
 * made in the page: no glyph, font or sprite is fetched. `labels` are already free of overlaps (labelsAt).
 */
export function labelLayer(labels: readonly PlaceLabel[], characters: string, visible: boolean) {
  return new TextLayer<PlaceLabel>({
    id: 'place-labels',
    data: labels as PlaceLabel[],
    visible,
    characterSet: characters,
    fontFamily: FONT,
    fontWeight: 600,
    fontSettings: { sdf: true, fontSize: 48, buffer: 6, radius: 12 },
    outlineWidth: 4,
    outlineColor: [255, 255, 255, 230],
    getText: (d) => d.text,
    getPosition: (d) => d.position,
    getSize: (d) => LABEL_SIZE[d.kind],
    getColor: (d) => COLOUR[d.kind],
    sizeUnits: 'pixels',
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    pickable: false,
    parameters: { depthCompare: 'always' },
  } as ConstructorParameters<typeof TextLayer<PlaceLabel>>[0]);
}
