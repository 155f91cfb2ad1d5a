// The BASELINE page: what a plain MapLibre map of Italy's comuni costs without any of the atlas's
// work (simplification, TopoJSON, lazy chunks). It loads the UNSIMPLIFIED openpolis 2023 comune
// boundaries (107 per-province GeoJSON files merged into one ≈36 MB FeatureCollection) as a MapLibre
// GeoJSON source with one fill layer over a background layer; no remote tiles.
//
// Readiness (same convention as the app):
//   performance mark 'map-base-painted'  + body.dataset.mapBase = '1'   first frame rendered after the
//                                                                         comune source has loaded
//   performance mark 'layer-comune'      + body.dataset.layer = 'comune' 'idle' after the source loaded
import fs from 'node:fs';
import path from 'node:path';

const RAW = 'data/raw/boundaries/openpolis-2023/geojson-provinces';
const ITALY = [6.6, 36.6, 18.5, 47.1]; // the app's initial bounds (src/map/MapView.svelte)

/** Generate the baseline page into `<workDir>/baseline` (re-using the merged GeoJSON if up to date). */
export function buildBaseline(repo, workDir) {
  const rawDir = path.join(repo, RAW);
  if (!fs.existsSync(rawDir))
    throw new Error(`baseline: ${RAW} not found: run \`npm run data\` (it downloads the raw boundaries)`);
  const files = fs
    .readdirSync(rawDir)
    .filter((f) => f.endsWith('.geojson'))
    .sort();
  if (files.length === 0) throw new Error(`baseline: no .geojson files in ${RAW}`);
  const dir = path.join(workDir, 'baseline');
  fs.mkdirSync(dir, { recursive: true });

  const out = path.join(dir, 'comuni.geojson');
  const newest = Math.max(...files.map((f) => fs.statSync(path.join(rawDir, f)).mtimeMs));
  const stampFile = path.join(dir, 'comuni.stamp.json');
  const stamp = JSON.stringify({ files: files.length, newest });
  let features = null;
  if (!fs.existsSync(out) || !fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== stamp) {
    const all = [];
    for (const f of files) {
      const fc = JSON.parse(fs.readFileSync(path.join(rawDir, f), 'utf8'));
      if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
        throw new Error(`baseline: ${f} is not a FeatureCollection`);
      for (const feat of fc.features) all.push(feat);
    }
    // one feature per line keeps the file readable and the write streaming-friendly
    fs.writeFileSync(
      out,
      '{"type":"FeatureCollection","features":[\n' + all.map((x) => JSON.stringify(x)).join(',\n') + '\n]}\n',
    );
    fs.writeFileSync(stampFile, stamp);
    features = all.length;
  }

  const mlDir = path.join(repo, 'node_modules/maplibre-gl/dist');
  for (const f of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css'])
    fs.copyFileSync(path.join(mlDir, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'index.html'), PAGE);
  // the FLOOR: the same plain MapLibre page with only the 20 region polygons (public/geo, 58 KB): what
  // MapLibre itself costs to start and paint anything here, whatever the data
  const topo = JSON.parse(fs.readFileSync(path.join(repo, 'public/geo/regions.topo.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'regions.geojson'), JSON.stringify(topoFeatures(topo)));
  fs.writeFileSync(
    path.join(dir, 'floor.html'),
    PAGE.replace('./comuni.geojson', './regions.geojson').replace('unsimplified comuni', 'floor (20 regions)'),
  );
  return { dir, file: out, bytes: fs.statSync(out).size, files: files.length, features };
}

/** TopoJSON → GeoJSON for the single 'territories' object (arcs decoded with the transform). */
function topoFeatures(topo) {
  const { scale = [1, 1], translate = [0, 0] } = topo.transform ?? {};
  const arcs = topo.arcs.map((arc) => {
    let x = 0,
      y = 0;
    return arc.map(([dx, dy]) => ((x += dx), (y += dy), [x * scale[0] + translate[0], y * scale[1] + translate[1]]));
  });
  const arc = (i) => (i >= 0 ? arcs[i] : [...arcs[~i]].reverse());
  const ring = (ids) => ids.flatMap((i, k) => (k ? arc(i).slice(1) : arc(i)));
  const geom = (g) =>
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.arcs.map(ring) }
      : { type: 'MultiPolygon', coordinates: g.arcs.map((p) => p.map(ring)) };
  return {
    type: 'FeatureCollection',
    features: topo.objects.territories.geometries.map((g) => ({
      type: 'Feature',
      properties: g.properties,
      geometry: geom(g),
    })),
  };
}

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>Baseline: plain MapLibre, unsimplified comuni</title>
    <link rel="stylesheet" href="./maplibre-gl.css" />
    <style>html, body, #map { margin: 0; height: 100%; }</style>
  </head>
  <body>
    <div id="map"></div>
    <script type="module">
      import * as maplibregl from './maplibre-gl.mjs';
      // the ESM build does not inline its worker: without this GeoJSON sources never load
      maplibregl.setWorkerUrl(new URL('./maplibre-gl-worker.mjs', import.meta.url).href);
      const map = new maplibregl.Map({
        container: 'map',
        bounds: ${JSON.stringify(ITALY)},
        attributionControl: false,
        style: {
          version: 8,
          sources: { comuni: { type: 'geojson', data: new URL('./comuni.geojson', location.href).href } },
          layers: [
            { id: 'background', type: 'background', paint: { 'background-color': '#dfe8ef' } },
            { id: 'comuni', type: 'fill', source: 'comuni', paint: { 'fill-color': '#7fb07f', 'fill-outline-color': '#4a4a4a' } }
          ]
        }
      });
      window.__map = map;
      let loaded = false;
      map.on('sourcedata', (e) => {
        if (e.sourceId === 'comuni' && map.isSourceLoaded('comuni')) loaded = true;
      });
      map.on('render', () => {
        if (!loaded || document.body.dataset.mapBase) return;
        performance.mark('map-base-painted');
        document.body.dataset.mapBase = '1';
      });
      map.on('idle', () => {
        if (!loaded || !map.isSourceLoaded('comuni') || document.body.dataset.layer) return;
        performance.mark('layer-comune');
        document.body.dataset.layer = 'comune';
        document.body.dataset.level = 'comune';
      });
      map.on('error', (e) => {
        document.body.dataset.error = String(e.error?.message ?? e.error ?? e);
      });
    </script>
  </body>
</html>
`;
