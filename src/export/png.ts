/**
 * The map as a PNG: the WebGL canvas (drawn with preserveDrawingBuffer) composed on a 2D canvas with
 * a title, the legend, a scale bar, and the source and date. `scale` multiplies every CSS pixel
 * (1 = screen; 300/96 = print at 300 dpi: text, legend and bar are drawn sharp at that resolution, the
 * map raster is the screen's, resampled).
 */

export interface LegendEntry {
  colour: string;
  label: string;
  /** hatched (no data) */
  hatched?: boolean;
}

export interface PngSpec {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: LegendEntry[];
  notes: string[];
  scale: { px: number; label: string } | null;
  source: string;
  credit: string;
}

export const HEADER = 58;
export const FOOTER = 40;

/** Where the legend box is drawn (CSS px, before scaling), for tests. */
export function legendBox(spec: PngSpec, mapHeight: number): { x: number; y: number; w: number; h: number } {
  const h = 26 + spec.legend.length * 18 + spec.notes.length * 14 + 8;
  return { x: 10, y: HEADER + mapHeight - h - 10, w: 230, h };
}

/** `size`: the map's size in CSS pixels (default: the canvas's own) — `map` may be drawn at a higher resolution. */
export async function composePng(
  map: HTMLCanvasElement,
  spec: PngSpec,
  scale: number,
  size?: { width: number; height: number },
): Promise<Blob> {
  const W = size?.width ?? (map.clientWidth || map.width);
  const H = size?.height ?? (map.clientHeight || map.height);
  const c = document.createElement('canvas');
  c.width = Math.round(W * scale);
  c.height = Math.round((HEADER + H + FOOTER) * scale);
  const g = c.getContext('2d');
  if (!g) throw new Error('no 2D canvas');
  g.scale(scale, scale);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, W, HEADER + H + FOOTER);
  g.imageSmoothingEnabled = true;
  g.imageSmoothingQuality = 'high';
  g.drawImage(map, 0, HEADER, W, H);
  const font = (px: number, bold = false) =>
    `${bold ? 'bold ' : ''}${px}px system-ui, 'DejaVu Sans', Arial, sans-serif`;
  // title
  g.fillStyle = '#1a1a1a';
  g.font = font(20, true);
  g.fillText(spec.title, 12, 26, W - 24);
  g.font = font(13);
  g.fillStyle = '#333';
  g.fillText(spec.subtitle, 12, 46, W - 24);
  // legend
  const box = legendBox(spec, H);
  g.fillStyle = 'rgba(255,255,255,0.94)';
  g.fillRect(box.x, box.y, box.w, box.h);
  g.strokeStyle = '#888';
  g.lineWidth = 1;
  g.strokeRect(box.x, box.y, box.w, box.h);
  g.fillStyle = '#1a1a1a';
  g.font = font(12, true);
  g.fillText(spec.legendTitle, box.x + 8, box.y + 17, box.w - 16);
  g.font = font(12);
  spec.legend.forEach((e, i) => {
    const y = box.y + 26 + i * 18;
    if (e.hatched) {
      g.fillStyle = '#f2f2f2';
      g.fillRect(box.x + 8, y, 16, 13);
      g.save();
      g.beginPath();
      g.rect(box.x + 8, y, 16, 13);
      g.clip();
      g.strokeStyle = '#8c8c8c';
      g.beginPath();
      for (let k = -13; k < 16; k += 4) {
        g.moveTo(box.x + 8 + k, y + 13);
        g.lineTo(box.x + 8 + k + 13, y);
      }
      g.stroke();
      g.restore();
    } else {
      g.fillStyle = e.colour;
      g.fillRect(box.x + 8, y, 16, 13);
    }
    g.strokeStyle = '#666';
    g.strokeRect(box.x + 8, y, 16, 13);
    g.fillStyle = '#1a1a1a';
    g.fillText(e.label, box.x + 30, y + 11, box.w - 38);
  });
  g.font = font(10);
  g.fillStyle = '#444';
  spec.notes.forEach((n, i) =>
    g.fillText(n, box.x + 8, box.y + 26 + spec.legend.length * 18 + 10 + i * 14, box.w - 16),
  );
  // scale bar
  if (spec.scale) {
    const x = W - 24 - spec.scale.px;
    const y = HEADER + H - 18;
    g.fillStyle = 'rgba(255,255,255,0.85)';
    g.fillRect(x - 6, y - 18, spec.scale.px + 12, 26);
    g.fillStyle = '#1a1a1a';
    g.fillRect(x, y, spec.scale.px, 3);
    g.fillRect(x, y - 5, 1.5, 8);
    g.fillRect(x + spec.scale.px - 1.5, y - 5, 1.5, 8);
    g.font = font(11);
    g.textAlign = 'center';
    g.fillText(spec.scale.label, x + spec.scale.px / 2, y - 5);
    g.textAlign = 'left';
  }
  // source and date
  g.fillStyle = '#333';
  g.font = font(11);
  g.fillText(spec.source, 12, HEADER + H + 16, W - 24);
  g.fillStyle = '#555';
  g.fillText(spec.credit, 12, HEADER + H + 32, W - 24);
  return new Promise((resolve, reject) =>
    c.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
