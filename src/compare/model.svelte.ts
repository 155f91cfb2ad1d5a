// Over 300 lines: the compare view-model (selection, values, trends, small maps, similar territories), one rune class.
/**
 * The comparison's view-model: the territories picked (view.compare), their values and percentiles per
 * indicator (values.ts, the map's own numbers), the coefficient and coverage rows at the map's level, the
 * small multiples, the trends and the similar territories with their locator map. CompareTool.svelte and its
 * parts only draw it.
 */
import type { Hub, ModeModel } from '../modes/types';
import type { CoefficientModel } from '../coefficient/model.svelte';
import type { ValueProvider } from '../state/choropleth.svelte';
import { compareDict } from './i18n';
import { levelOfCode, addCode, MAX_COMPARE } from './codes';
import { compareRows, trendSeries, levelTable, type Pick } from './values';
import { similarTerritories } from './similar';
import { classColours, rgbaToHex } from './colours';
import { PILOTS } from '../ui/pilots';
import { formatValue } from '../analytics/format';
import { NO_DATA } from '../analytics/palettes';
import { ringsOf } from '../core/geometry/binary';
import { lineChart } from '../charts/lineChart';
import { smallMap, type MapShape } from '../charts/smallMap';
import { kindOf, listedAt, type Territory } from '../analytics/catalogue';
import { latestYearIn, rowsForYear } from '../analytics/rowView';
import type { Level } from '../state/url';

export class CompareModel {
  readonly view: Hub['view'];
  readonly data: Hub['data'];
  coef = $state.raw<CoefficientModel | null>(null);
  coverage = $state.raw<(ModeModel & { provider?: ValueProvider | null }) | null>(null);
  /** the text typed to add a territory */
  query = $state('');
  /** the territory the similar ones are looked for (null: the first picked) */
  similarBase = $state<string | null>(null);

  constructor(private readonly hub: Hub) {
    this.view = hub.view;
    this.data = hub.data;
  }

  t = $derived.by(() => compareDict(this.view.lang));
  lang = $derived.by(() => this.view.lang);
  ready = $derived.by(() => this.data.fullStatus === 'ready');

  /** The full tables, the regions' shapes and the coefficient and coverage models (when built). */
  async load(): Promise<void> {
    await this.data.loadFull();
    void this.data.loadGeo('region');
    try {
      const m = await this.hub.model<CoefficientModel>('coefficient');
      m.activate?.();
      this.coef = m;
    } catch {
      this.coef = null;
    }
    try {
      const c = await this.hub.model('coverage');
      c.activate?.();
      this.coverage = c;
    } catch {
      this.coverage = null; // not built (yet): the section is left out
    }
  }

  close(): void {
    this.view.tool = null;
  }

  picks: Pick[] = $derived.by(() =>
    this.view.compare
      .map((code) => {
        const level = levelOfCode(code);
        return level ? { code, level, territory: this.data.index.get(level)?.get(code) } : null;
      })
      .filter((p): p is Pick => p !== null),
  );
  nameOf = (p: Pick): string => p.territory?.name ?? p.code;

  // --- picking ---
  add(x: Territory): void {
    this.view.compare = addCode(this.view.compare, x.code);
    this.query = '';
  }
  remove(code: string): void {
    this.view.compare = this.view.compare.filter((c) => c !== code);
  }
  preset(level: 'comune' | 'province'): void {
    this.view.compare = PILOTS.map((p) => p[level]);
    this.view.level = level;
  }

  // --- values ---
  rows = $derived.by(() =>
    this.ready && this.picks.length
      ? compareRows(this.data.catalogue, this.data.rowsByIndicator, this.data.territories, this.picks)
      : [],
  );
  fmtPct = (p: number | null): string => (p === null ? '—' : formatValue(p, { decimals: 0, lang: this.lang }));

  // --- coefficient (at the level of the map) ---
  coefRows = $derived.by(() => {
    const m = this.coef;
    if (!m) return null;
    const byCode = new Map(m.rows.map((r) => [r.code, r]));
    return { byCode, mc: m.mcMatches, pillars: m.result?.pillars ?? [] };
  });

  coverageProvider = $derived.by(() => this.coverage?.provider ?? null);
  coverageByCode = $derived.by(() =>
    this.coverageProvider ? new Map(this.coverageProvider.values.map((v) => [v.code, v])) : null,
  );

  // --- small multiples: each territory coloured by the current indicator's class at its level ---
  indicatorMeta = $derived.by(() => this.data.meta(this.view.indicator));
  #tables = $derived.by(() => {
    const meta = this.indicatorMeta;
    const out = new Map<Level, ReturnType<typeof levelTable>>();
    if (!this.ready || !meta) return out;
    // the year shown only (an imported indicator makes no other year's rows)
    const all = this.data.rowsByIndicator.get(this.view.indicator) ?? [];
    const year = this.view.year ?? latestYearIn(all);
    const rowsI = rowsForYear(all, year);
    for (const l of new Set(this.picks.map((p) => p.level)))
      out.set(l, levelTable(rowsI, this.data.territories, l, meta.polarity, year, kindOf(meta)));
    return out;
  });
  colourMaps = $derived.by(() => {
    const view = this.view;
    const out = new Map<Level, Map<string, string>>();
    for (const [l, tab] of this.#tables) {
      if (l === view.level && view.mode === 'indicator' && this.hub.map.colours.size) {
        out.set(l, new Map([...this.hub.map.colours].map(([c, rgba]) => [c, rgbaToHex(rgba)])));
      } else {
        out.set(
          l,
          classColours(
            tab.values.values(),
            view.method,
            view.k,
            view.scheme,
            view.level === l ? view.breaks : undefined,
          ),
        );
      }
    }
    return out;
  });
  indicatorValues = $derived.by(() => {
    const out = new Map<string, { value: number | null; inherited: boolean }>();
    for (const tab of this.#tables.values()) for (const v of tab.values.values()) out.set(v.code, v);
    return out;
  });
  #shapeOf(level: Level, code: string): [number, number][][] | null {
    const g = this.data.geo[level];
    if (!g) return null;
    const i = g.codes.indexOf(code);
    return i >= 0 ? ringsOf(g, i) : null;
  }
  multiples = $derived.by(() => {
    const { lang, indicatorMeta } = this;
    return this.picks.map((p) => {
      const rings = this.#shapeOf(p.level, p.code);
      const v = this.indicatorValues.get(p.code);
      const fill = this.colourMaps.get(p.level)?.get(p.code) ?? NO_DATA.fill;
      const valueText = v
        ? formatValue(v.value, { decimals: indicatorMeta?.decimals ?? 1, unit: indicatorMeta?.unit[lang], lang }) +
          (v.inherited ? ' ⚑' : '')
        : '—';
      const title = `${this.nameOf(p)} — ${indicatorMeta?.label[lang] ?? this.view.indicator}: ${valueText}`;
      return {
        code: p.code,
        title,
        svg: rings
          ? smallMap([{ rings, fill, hatched: v?.value == null, label: title }], {
              title,
              width: 170,
              height: 150,
              caption: `${this.nameOf(p)}: ${valueText}`,
              id: `sm-${p.code}`,
            })
          : null,
      };
    });
  });

  // --- trends: indicators with several years ---
  #trendIds = $derived.by(() => this.data.catalogue.filter((m) => m.years.length >= 3).map((m) => m.id));
  trends = $derived.by(() => {
    const { lang, t, picks } = this;
    if (!this.ready || !picks.length) return [];
    return this.#trendIds.map((id) => {
      const meta = this.data.meta(id);
      const series = trendSeries(this.data.rowsByIndicator.get(id) ?? [], this.data.territories, picks, kindOf(meta));
      const title = `${meta?.label[lang] ?? id} (${meta?.years[0]}–${meta?.years[meta.years.length - 1]})`;
      const svg = lineChart(
        series.map((s, i) => ({
          name:
            this.nameOf(picks[i]) +
            (s.inherited && s.sourceLevel ? ` (${t.trendInherited(t.levelAdj[s.sourceLevel])})` : ''),
          points: s.points,
          dashed: s.inherited,
        })),
        {
          title,
          description: `${title}. ${meta?.source[lang] ?? ''}`,
          unit: meta?.unit[lang],
          decimals: meta?.decimals ?? 1,
          lang,
          width: 440,
          height: 240,
          id: `trend-${id}`,
        },
      );
      return { id, title, svg, source: meta?.source[lang] ?? '', date: meta?.reference_date ?? '' };
    });
  });

  // --- similar territories ---
  #baseCode = $derived.by(() =>
    this.similarBase && this.view.compare.includes(this.similarBase)
      ? this.similarBase
      : (this.view.compare[0] ?? this.view.selected),
  );
  basePick: Pick | null = $derived.by(() => {
    const code = this.#baseCode;
    if (!code) return null;
    const found = this.picks.find((p) => p.code === code);
    if (found) return found;
    const level = levelOfCode(code);
    return level ? { code, level, territory: this.data.index.get(level)?.get(code) } : null;
  });
  similar = $derived.by(() =>
    this.ready && this.basePick
      ? similarTerritories(
          // Europe's regions are compared on Europe's figures; Italy's levels leave those out
          this.data.catalogue.filter((m) => listedAt(m, this.basePick!.level)),
          this.data.rowsByIndicator,
          this.data.territories,
          this.basePick.level,
          this.basePick.code,
          5,
        )
      : null,
  );
  similarNames: string[] = $derived.by(() => {
    const s = this.similar;
    const b = this.basePick;
    return s && b ? s.neighbours.map((n) => this.data.index.get(b.level)?.get(n.code)?.name ?? n.code) : [];
  });
  compareSimilar(): void {
    if (!this.similar || !this.basePick) return;
    this.view.compare = [this.basePick.code, ...this.similar.neighbours.map((n) => n.code)].slice(0, MAX_COMPARE);
  }
  showOnMap(): void {
    const { similar, basePick, view } = this;
    if (!similar || !basePick) return;
    const g = this.data.geo[basePick.level];
    const codes = [basePick.code, ...similar.neighbours.map((n) => n.code)];
    view.level = basePick.level;
    view.selected = basePick.code;
    view.compare = codes.slice(0, MAX_COMPARE);
    if (g) {
      let b = [Infinity, Infinity, -Infinity, -Infinity];
      for (const c of codes) {
        const i = g.codes.indexOf(c);
        if (i < 0) continue;
        b = [
          Math.min(b[0], g.bbox[4 * i]),
          Math.min(b[1], g.bbox[4 * i + 1]),
          Math.max(b[2], g.bbox[4 * i + 2]),
          Math.max(b[3], g.bbox[4 * i + 3]),
        ];
      }
      if (Number.isFinite(b[0])) this.hub.mapActions()?.fitTo(b as [number, number, number, number], 9);
    }
    this.close();
  }
  locator = $derived.by(() => {
    const { similar, basePick, t, view } = this;
    // the background: Italy's regions, or Europe's for a European region
    const regions = basePick?.level === 'nuts2' ? this.data.geo.nuts2 : this.data.geo.region;
    if (!similar || !basePick || !regions) return null;
    const shapes: MapShape[] = [];
    for (let i = 0; i < regions.length; i++)
      shapes.push({ rings: ringsOf(regions, i), fill: '#f4f4f4', stroke: '#aaa', strokeWidth: 0.5 });
    const g = this.data.geo[basePick.level];
    if (g) {
      similar.neighbours.forEach((n, k) => {
        const i = g.codes.indexOf(n.code);
        if (i >= 0)
          shapes.push({ rings: ringsOf(g, i), fill: '#E69F00', stroke: '#7a4d00', label: this.similarNames[k] });
      });
      const i = g.codes.indexOf(basePick.code);
      if (i >= 0)
        shapes.push({
          rings: ringsOf(g, i),
          fill: '#0072B2',
          stroke: '#002b45',
          strokeWidth: 1,
          label: this.nameOf(basePick),
        });
    }
    const title = `${t.locator}: ${this.nameOf(basePick)} (${view.lang === 'it' ? 'blu' : 'blue'}), ${this.similarNames.join(', ')} (${view.lang === 'it' ? 'arancione' : 'orange'})`;
    return { title, svg: smallMap(shapes, { title, width: 260, height: 300, id: 'locator' }) };
  });
}
