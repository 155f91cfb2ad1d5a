// Over 300 lines: the build in order, source by source: splitting it would hide the order the checks run in.
/** Orchestrates the whole data build: read data/raw → validate → write public/geo and public/data. */
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RAW, RAW_FILES, OUT, STAMP, ROOT, PUBLIC } from './paths.ts';
import {
  parseGiProvince,
  parseElencoNames,
  parseElencoCapitals,
  parseGiComuni,
  buildCodes,
  parseCrosswalk2024,
  parseItter,
  parseValidita,
} from './codes.ts';
import { parsePopulation } from './population.ts';
import { populationIndicators, POPULATION_YEAR } from './population_indicators.ts';
import { buildBoundaries } from './boundaries.ts';
import { parseSdmx } from './sdmx.ts';
import { foreignCitizenship, foreignBalance, foreignIndicators, CIT_YEAR } from './foreigners.ts';
import { permitParts, permitIndicators, FOLDED_INTO } from './permits.ts';
import { istatRegional, eurostatNuts2 } from './labour.ts';
import { incomeParts, incomeIndicators, taxpayerTotal, pctChangeRows, INCOME_CHANGE, INCOME_YEARS } from './income.ts';
import {
  currentCodeMapper,
  parseCensusForeigners,
  censusForeignIndicators,
  parseCensusLabour,
  censusLabourIndicators,
  parseClassifications,
  classificationIndicators,
  population2023ByProvince,
  parseAreeInterne,
  areeInterneIndicators,
  missingCurrent,
} from './comune_depth.ts';
import { receptionParts, receptionIndicators } from './reception.ts';
import { META, buildCatalogue, receptionNotes } from './catalogue.ts';
import { sumToLevels } from './hierarchy.ts';
import {
  assertValid,
  checkJoin,
  checkTotal,
  checkDuplicates,
  checkRowValues,
  checkScales,
  checkGeometryCounts,
  EXPECTED_POPULATION_2026,
  EXPECTED_FOREIGN_2023,
  EXPECTED_CENSUS_FOREIGN_2021,
  EXPECTED_CENSUS_POP_2021,
  EXPECTED_CENSUS_LABOUR_FORCE_2021,
  EXPECTED_CENSUS_UNEMPLOYED_2021,
  EXPECTED_POPULATION_2023,
  EXPECTED_TAXPAYERS,
  EXPECTED_CENSUS_EMPTY_FOREIGN,
  EXPECTED_AREE_INTERNE,
  checkPilots,
  checkAbsent,
} from './validate.ts';
import { areeInterneGrouping, snaiGrouping, EXPECTED_SNAI } from './groupings.ts';
import { writeTerritories, writeIndicators, writeJson, writeText, sortIndicators, type TerritoryRow } from './write.ts';
import { inputHash, OUTPUTS } from './stamp.ts';
import { writeProfiles } from './profiles.ts';
import { buildServiceLayers, writeServices, LAYERS } from './services.ts';
import { newReport, type IndicatorRow } from './types.ts';
import { packComuni } from './pack.ts';
import { readEuNuts2, checkItaly, checkGeometry, euTopology, euTerritories, euIndicatorRows } from './eu.ts';
import { EU_META } from './catalogue_eu.ts';
import { NUTS2_TERRITORY } from './labour.ts';
import { readSllList, sllCrosswalk, sllTopology, sllTerritories, topoNeighbours } from './sll.ts';
import { aggregateToSll } from './sll_indicators.ts';

const rd = (f: string) => fs.readFileSync(path.join(RAW, f), 'utf8');

export async function build(): Promise<void> {
  const t0 = Date.now();
  const report = newReport();
  const problems: string[] = [];
  const total = (...a: Parameters<typeof checkTotal>) => problems.push(...checkTotal(...a));

  // Codes
  const { provinceNames, regionNames } = parseElencoNames(rd(RAW_FILES.elenco));
  const capitals = parseElencoCapitals(rd(RAW_FILES.elenco));
  const areaFixes: string[] = [];
  const codes = buildCodes(
    parseGiComuni(rd(RAW_FILES.comuni), parseGiProvince(rd(RAW_FILES.province)), RAW_FILES.comuni, areaFixes),
    provinceNames,
    regionNames,
  );
  report.notes.push(...areaFixes);
  const crosswalk = parseCrosswalk2024(rd(RAW_FILES.crosswalk2024));
  const itter = parseItter(rd(RAW_FILES.itter));
  const validita = parseValidita(rd(RAW_FILES.validita));
  const comuneCodes = new Set(codes.comuni.map((c) => c.code));

  // Population
  const pop = parsePopulation(rd(RAW_FILES.population));
  problems.push(...checkJoin(RAW_FILES.population, pop.keys(), comuneCodes, true));
  total(
    RAW_FILES.population,
    'comune population',
    [...pop.values()].reduce((a, b) => a + b, 0),
    EXPECTED_POPULATION_2026,
  );
  const popLevels = sumToLevels(codes, pop);
  const areaLevels = sumToLevels(codes, new Map(codes.comuni.map((c) => [c.code, c.area_km2])));
  const regionPop = new Map(codes.regions.map((r) => [r.code, popLevels.get(`region:${r.code}`)!]));

  // Boundaries
  const geo = await buildBoundaries(path.join(RAW, RAW_FILES.boundariesDir), crosswalk.map, codes);
  if (geo.unmatchedPolygonCodes.length)
    problems.push(
      `${RAW_FILES.boundariesDir}: polygon codes not in the code list: ${geo.unmatchedPolygonCodes.join(', ')}`,
    );
  const count = (t: string) => JSON.parse(t).objects.territories.geometries.length as number;
  problems.push(
    ...checkGeometryCounts(
      { regions: count(geo.regions), provinces: count(geo.provinces), comuni: geo.comuniWithGeometry },
      codes,
      crosswalk.noPolygon,
    ),
  );
  report.unmatched.push({
    file: RAW_FILES.boundariesDir,
    codes: crosswalk.noPolygon,
    reason: 'comune has no polygon in the June-2023 boundaries (has_geometry=false; point from gi_comuni)',
  });

  // Local labour systems (SLL 2021): every comune placed in one through a checked crosswalk (data/build/sll.ts)
  const sllList = readSllList(rd(RAW_FILES.sllList), RAW_FILES.sllList);
  const sllX = sllCrosswalk(
    rd(RAW_FILES.sllComposition),
    RAW_FILES.sllComposition,
    codes.comuni,
    topoNeighbours(geo.comuni),
    new Set(sllList.map((x) => x.code)),
  );
  const sllGeo = await sllTopology(geo.comuni, sllX.sllOf, Object.fromEntries(sllList.map((x) => [x.code, x.name])));

  // Indicators
  const rows: IndicatorRow[] = [];
  rows.push(...populationIndicators(codes, pop));

  // Comune depth: census 2021, classifications 2023, Aree Interne 2020 — each file's codes carried to current codes
  const remapLog: string[] = [];
  const toCurrent = currentCodeMapper(codes, validita, crosswalk.map, remapLog);
  const [cfFile, clFile, clsFile] = [RAW_FILES.censusForeigners, RAW_FILES.censusLabour, RAW_FILES.classifications2023];
  const cf = parseCensusForeigners(rd(RAW_FILES.censusForeigners), RAW_FILES.censusForeigners, toCurrent, report);
  problems.push(...cf.problems);
  total(cfFile, 'census foreign residents 31 Dec 2021', cf.sums.foreign, EXPECTED_CENSUS_FOREIGN_2021);
  total(cfFile, 'census legal population 2021', cf.sums.pop, EXPECTED_CENSUS_POP_2021);
  total(cfFile, 'comuni with an empty foreign-resident cell', cf.emptyCells.length, EXPECTED_CENSUS_EMPTY_FOREIGN);
  const cl = parseCensusLabour(rd(RAW_FILES.censusLabour), RAW_FILES.censusLabour, toCurrent, report);
  problems.push(...cl.problems);
  total(clFile, 'census labour force 2021 (rounded)', Math.round(cl.sums.lf), EXPECTED_CENSUS_LABOUR_FORCE_2021);
  total(clFile, 'census unemployed 2021 (rounded)', Math.round(cl.sums.un), EXPECTED_CENSUS_UNEMPLOYED_2021);
  const cls = parseClassifications(rd(RAW_FILES.classifications2023), RAW_FILES.classifications2023, toCurrent, report);
  problems.push(...cls.problems);
  total(clsFile, 'resident population 31 Dec 2022 (1 Jan 2023)', cls.popSum, EXPECTED_POPULATION_2023);
  const ai = parseAreeInterne(rd(RAW_FILES.areeInterne2020), RAW_FILES.areeInterne2020, toCurrent, report);
  problems.push(...ai.problems);
  for (const [k, n] of Object.entries(EXPECTED_AREE_INTERNE))
    total(RAW_FILES.areeInterne2020, `comuni of class ${k}`, ai.classCounts[k] ?? 0, n);
  // built-in groupings: the Aree Interne classes (same parsed file) and the SNAI project areas (data/build/groupings.ts)
  const snai = snaiGrouping(rd(RAW_FILES.snai), RAW_FILES.snai, toCurrent);
  problems.push(...snai.problems);
  for (const [g, n] of Object.entries(EXPECTED_SNAI.comuni))
    total(RAW_FILES.snai, `comuni of the SNAI group "${g}"`, snai.counts[g] ?? 0, n);
  total(RAW_FILES.snai, 'SNAI project areas', snai.entry.groups.length, EXPECTED_SNAI.areas);
  if (snai.remapped.length)
    report.notes.push(
      `${RAW_FILES.snai} → current codes: ${snai.remapped.length} remapped: ${snai.remapped.sort().join(', ')}`,
    );
  const builtInGroupings = [areeInterneGrouping(ai.byComune), snai.entry];
  for (const [file, m] of [
    [RAW_FILES.censusForeigners, cf.byComune],
    [RAW_FILES.censusLabour, cl.byComune],
    [RAW_FILES.classifications2023, cls.byComune],
    [RAW_FILES.areeInterne2020, ai.byComune],
  ] as const) {
    const miss = missingCurrent(codes, m);
    if (miss.length)
      report.unmatched.push({
        file,
        codes: miss,
        reason:
          'current comune with no row in this file (created later from part of another comune, e.g. 081025 Misiliscemi from Trapani in 2021); no value written',
      });
  }
  const depthRows = [
    ...censusForeignIndicators(codes, cf.byComune),
    ...censusLabourIndicators(codes, cl.byComune),
    ...classificationIndicators(codes, cls.byComune, report),
    ...areeInterneIndicators(codes, ai.byComune, report),
  ];
  problems.push(
    ...checkPilots(depthRows),
    ...checkAbsent(depthRows, 'foreign_residents_census', cf.emptyCells, RAW_FILES.censusForeigners),
  );
  problems.push(...checkAbsent(depthRows, 'foreign_per_100_census', cf.emptyCells, RAW_FILES.censusForeigners));
  rows.push(...depthRows);
  const provincePop2023 = population2023ByProvince(codes, cls.byComune);

  const citObs = parseSdmx(rd(RAW_FILES.foreignCit), RAW_FILES.foreignCit);
  const cit = foreignCitizenship(citObs, itter.map, RAW_FILES.foreignCit);
  problems.push(
    ...checkJoin(RAW_FILES.foreignCit, cit.world.byProvince.keys(), new Set(codes.provinces.map((p) => p.code)), true),
  );
  const provForeign = [...cit.world.byProvince.values()].reduce((a, m) => a + (m.get(CIT_YEAR) ?? 0), 0);
  total(
    RAW_FILES.foreignCit,
    'province foreign residents (WORLD, both sexes, 2023)',
    provForeign,
    EXPECTED_FOREIGN_2023,
  );
  const balObs = parseSdmx(rd(RAW_FILES.foreignBal), RAW_FILES.foreignBal);
  const bal = foreignBalance(balObs, itter.map, RAW_FILES.foreignBal);
  problems.push(
    ...checkJoin(RAW_FILES.foreignBal, bal.jan.byProvince.keys(), new Set(codes.provinces.map((p) => p.code)), true),
  );
  rows.push(...foreignIndicators(codes, provincePop2023, cit, bal, report));
  // cross-check: province sums equal the Italy rows of the files
  for (const [name, part, file] of [
    ['foreign residents 1 Jan', bal.jan, RAW_FILES.foreignBal],
    ['citizenship acquisitions', bal.acq, RAW_FILES.foreignBal],
    ['EU28 residents', cit.eu28, RAW_FILES.foreignCit],
  ] as const) {
    for (const [y, v] of part.italy) {
      const s = [...part.byProvince.values()].reduce((a, m) => a + (m.get(y) ?? 0), 0);
      total(file, `province ${name} ${y}`, s, v);
    }
  }

  const permObs = parseSdmx(rd(RAW_FILES.permits), RAW_FILES.permits);
  const perm = permitParts(permObs, itter.map, itter.notInPermits, RAW_FILES.permits);
  rows.push(...permitIndicators(codes, perm.parts, report));
  // cross-check: the sum of the 103 areas equals the Italy row of the file
  for (const [y, v] of perm.italy) {
    const lt = perm.parts.filter((p) => p.year === y).reduce((a, p) => a + p.num, 0);
    const tot = perm.parts.filter((p) => p.year === y).reduce((a, p) => a + p.den, 0);
    total(RAW_FILES.permits, `long-term permits ${y} (103 areas)`, lt, v.lt);
    total(RAW_FILES.permits, `all permits ${y} (103 areas)`, tot, v.tot);
  }
  report.notes.push(
    `permits: provinces not available separately: ${itter.notInPermits.join(', ')}; absorbing areas (approximate, older provincial layout): ` +
      Object.entries(FOLDED_INTO)
        .map(([k, v]) => `${k}→${v.join('/')}`)
        .join('; '),
  );

  rows.push(
    ...istatRegional(
      rd(RAW_FILES.unemployment),
      RAW_FILES.unemployment,
      { dataType: 'UNEM_R', age: 'Y15-74', indicator: 'unemployment_rate', year: 2023 },
      codes,
      report,
    ),
  );
  rows.push(
    ...istatRegional(
      rd(RAW_FILES.neet),
      RAW_FILES.neet,
      { dataType: 'NEET_I', age: 'Y18-29', indicator: 'neet_18_29', year: 2023 },
      codes,
      report,
    ),
  );
  rows.push(...eurostatNuts2(rd(RAW_FILES.eurostat), RAW_FILES.eurostat, codes, report));

  const incomeFiles: Record<number, string> = {
    2019: RAW_FILES.income,
    2020: RAW_FILES.income2020,
    2021: RAW_FILES.income2021,
  };
  const inc = INCOME_YEARS.flatMap((y) => {
    const file = incomeFiles[y];
    const text = rd(file);
    if (EXPECTED_TAXPAYERS[y] !== undefined)
      total(file, `taxpayers ${y} (all rows)`, taxpayerTotal(text, file), EXPECTED_TAXPAYERS[y]);
    const parts = incomeParts(text, file, codes, validita, report, crosswalk.map, y);
    const unmappable = report.dropped.filter((d) => d.file === file && d.reason.startsWith('could not map'));
    if (unmappable.length)
      problems.push(
        `${file}: ${unmappable.length} comune code(s) not mappable to a current comune: ${unmappable.map((d) => `row ${d.row} ${d.code}`).join(', ')}`,
      );
    const have = new Set(parts.map((p) => p.code));
    const noIncome = codes.comuni.map((c) => c.code).filter((c) => !have.has(c));
    if (noIncome.length)
      report.unmatched.push({
        file,
        codes: noIncome,
        reason: `current comune with no ${y} income row (created later from part of another comune, e.g. 081025 Misiliscemi from Trapani in 2021: its earlier taxpayers are in Trapani); no value written`,
      });
    return parts;
  });
  rows.push(...incomeIndicators(codes, inc));

  const rec = receptionParts(rd(RAW_FILES.reception), RAW_FILES.reception, codes, regionPop, report);
  rows.push(...receptionIndicators(codes, rec.parts));
  const rn = receptionNotes(rec.dates);
  const meta = META.map((m) =>
    m.id === 'reception_per_1000' ? { ...m, reference_date: rn.ref, notes: { it: rn.it, en: rn.en } } : m,
  );

  // SLL indicators from their comuni's own rows, with each indicator's catalogue aggregation and scale
  const metaOf = new Map(meta.map((m) => [m.id, m]));
  const sllAgg = aggregateToSll(
    rows.filter((r) => r.level === 'comune'),
    sllX.sllOf,
    (id) => metaOf.get(id)!.aggregation,
    (id) => metaOf.get(id)!.scale,
  );
  const sllIndicators = sllAgg.rows.map((r) => ({ level: 'sll' as const, ...r }));
  // the income change of each SLL's own averages, as for every other level
  const sllIncome = sllIndicators.filter((r) => r.indicator === 'avg_taxable_income');
  const { from, to } = INCOME_CHANGE;
  rows.push(...sllIndicators, ...pctChangeRows(sllIncome, 'avg_taxable_income_change', from, to));

  // Validate rows
  const sorted = sortIndicators(rows);
  const sllCodes = { sll: new Set(sllList.map((x) => x.code)) };
  problems.push(...checkDuplicates(sorted), ...checkRowValues(sorted, codes, undefined, sllCodes));
  problems.push(...checkScales(sorted, meta));
  assertValid(problems);

  // Territories
  const inner = geo.inner;
  const terr: TerritoryRow[] = [];
  const t = (
    level: TerritoryRow['level'],
    code: string,
    name: string,
    province_code: string | null,
    region_code: string | null,
    hasGeom: boolean,
    fallback?: { lon: number; lat: number },
  ) => {
    const p = inner.get(`${level}:${code}`) ?? fallback ?? null;
    terr.push({
      level,
      code,
      name,
      province_code,
      region_code,
      population: popLevels.get(`${level}:${code}`) ?? null,
      area_km2: Math.round((areaLevels.get(`${level}:${code}`) ?? NaN) * 1e4) / 1e4,
      lon: p?.lon ?? null,
      lat: p?.lat ?? null,
      has_geometry: hasGeom,
      capital: level === 'comune' && capitals.has(code),
      sll_code: level === 'comune' ? (sllX.sllOf.get(code) ?? null) : null,
    });
  };
  t('italy', 'IT', 'Italia', null, null, true, { lon: 12.4964, lat: 41.9028 });
  for (const r of codes.regions) t('region', r.code, r.name, null, r.code, true);
  for (const p of codes.provinces) t('province', p.code, p.name, p.code, p.region_code, true);
  for (const c of codes.comuni) {
    const has = geo.comuniWithGeometry.has(c.code);
    t('comune', c.code, c.name, c.province_code, c.region_code, has, has ? undefined : { lon: c.lon, lat: c.lat });
  }
  const sllRows = sllTerritories(
    sllList,
    sllX.sllOf,
    pop,
    new Map(codes.comuni.map((c) => [c.code, c.area_km2])),
    sllGeo.inner,
  );
  terr.push(...sllRows);
  const noSll = terr.filter((x) => x.level === 'comune' && !x.sll_code).map((x) => x.code);
  const sllFeatures = count(sllGeo.topo);
  assertValid([
    ...(noSll.length ? [`territories: comuni without an SLL: ${noSll.join(', ')}`] : []),
    ...(sllRows.length !== 515 ? [`territories: ${sllRows.length} SLL rows, expected 515`] : []),
    ...(sllFeatures !== 515 ? [`public/geo/sll.topo.json: ${sllFeatures} features, expected 515`] : []),
  ]);
  const missingPoint = terr.filter((x) => x.lon === null).map((x) => `${x.level}:${x.code}`);
  assertValid(missingPoint.length ? [`territories: no point for ${missingPoint.join(', ')}`] : []);
  // every capoluogo of the elenco is a current comune, and every province has at least one
  const lostCapitals = [...capitals].filter((c) => !comuneCodes.has(c));
  const withCapital = new Set(terr.filter((x) => x.capital).map((x) => x.province_code));
  const noCapital = codes.provinces.filter((p) => !withCapital.has(p.code)).map((p) => p.code);
  assertValid([
    ...(lostCapitals.length
      ? [`territories: capoluoghi of the elenco not among the current comuni: ${lostCapitals.join(', ')}`]
      : []),
    ...(noCapital.length ? [`territories: provinces without a capoluogo: ${noCapital.join(', ')}`] : []),
  ]);

  // Europe's NUTS2 regions (?level=nuts2): a geography of their own, outside Italy's hierarchy (data/build/eu.ts);
  // the Italian rows must equal the Italian NUTS2 file above, every region has one polygon
  const euFc = JSON.parse(rd(RAW_FILES.euGeometry));
  const eu = readEuNuts2(rd(RAW_FILES.euFigures), RAW_FILES.euFigures);
  checkGeometry(eu, euFc, RAW_FILES.euGeometry);
  const euItalianCells = checkItaly(eu, rd(RAW_FILES.eurostat), RAW_FILES.eurostat);
  const euGeo = await euTopology(euFc, eu);
  const euRows = euIndicatorRows(eu);
  meta.push(...EU_META);
  assertValid([...checkDuplicates(euRows), ...checkScales(euRows, meta)]);
  sorted.push(...euRows);
  terr.push(...euTerritories(eu, euGeo.inner, NUTS2_TERRITORY));
  report.notes.push(
    `nuts2: ${eu.length} regions (${eu.filter((r) => r.eu27).length} in the EU-27), ${euRows.length} values; ` +
      `${euItalianCells} Italian cells equal ${RAW_FILES.eurostat}`,
  );

  const catalogue = buildCatalogue(meta, sorted);

  // Services (after the territories: a service geocoded to a comune takes the comune's inner point)
  const svc = buildServiceLayers(
    {
      hospitals: rd(RAW_FILES.hospitals),
      schools: zlib.gunzipSync(fs.readFileSync(path.join(RAW, RAW_FILES.schools))).toString('utf8'),
      cpia: rd(RAW_FILES.cpia),
      consultori: rd(RAW_FILES.consultori),
      regionsWithoutConsultori: rd(RAW_FILES.regionsWithoutConsultori),
    },
    RAW_FILES,
    codes.comuni,
    validita,
    crosswalk.map,
    terr.filter((x) => x.level === 'comune').map((x) => ({ code: x.code, lon: x.lon!, lat: x.lat! })),
  );
  assertValid(svc.problems);

  // Write
  writeText(OUT.comuni, geo.comuni);
  // the same comuni packed for the app's first map (checked to decode to identical boundaries)
  const packed = packComuni(geo.comuni);
  fs.writeFileSync(OUT.comuniPacked, packed.gz);
  writeText(OUT.provinces, geo.provinces);
  writeText(OUT.regions, geo.regions);
  writeText(OUT.nuts2, euGeo.topo);
  writeText(OUT.sll, sllGeo.topo);
  await writeTerritories(OUT.territories, terr);
  await writeIndicators(OUT.indicators, sorted);
  writeJson(OUT.catalogue, catalogue);
  // every territory's panel table ahead, from the files just written (read back as the page reads them)
  const profiles = await writeProfiles(
    PUBLIC,
    { territories: OUT.territories, indicators: OUT.indicators, catalogue: OUT.catalogue },
    OUT.profilesIndex,
  );
  await writeServices(OUT.services, svc.rows);
  writeJson(OUT.servicesCatalogue, svc.catalogue);
  // compact: about 9,800 comune codes
  writeText(OUT.groupings, JSON.stringify(builtInGroupings) + '\n');
  // for imports keyed by cadastral code or by province abbreviation (e.g. "KR")
  const byKey = <T>(list: T[], key: (x: T) => string, val: (x: T) => string) =>
    Object.fromEntries(
      list
        .map((x) => [key(x), val(x)] as const)
        .filter(([k]) => k)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  writeJson(OUT.codes, {
    note: 'Current comuni (ANPR/ISTAT 1 Jan 2025): cadastral (Belfiore) code → ISTAT code; province abbreviation → ISTAT province code.',
    cadastral_to_comune: byKey(
      codes.comuni,
      (c) => c.belfiore,
      (c) => c.code,
    ),
    province_abbreviation: byKey(
      codes.comuni,
      (c) => c.sigla,
      (c) => c.province_code,
    ),
  });

  const perIndicator: Record<string, Record<string, number>> = {};
  for (const r of sorted) {
    perIndicator[r.indicator] ??= {};
    perIndicator[r.indicator][r.level] = (perIndicator[r.indicator][r.level] ?? 0) + 1;
  }
  const levelCounts: Record<string, number> = {};
  for (const x of terr) levelCounts[x.level] = (levelCounts[x.level] ?? 0) + 1;
  writeJson(OUT.buildReport, {
    files: {
      'public/geo/comuni.topo.json': { features: geo.comuniWithGeometry.size },
      'public/geo/comuni.ctb.gz': {
        features: packed.features,
        bytes: packed.gz.length,
        note: 'the same boundaries as comuni.topo.json, packed (src/core/geometry/topoPack.ts)',
      },
      'public/geo/provinces.topo.json': { features: count(geo.provinces) },
      'public/geo/regions.topo.json': { features: count(geo.regions) },
      'public/geo/nuts2.topo.json': { features: count(euGeo.topo) },
      'public/geo/sll.topo.json': { features: sllFeatures },
      'public/data/territories.parquet': { rows: terr.length, by_level: levelCounts },
      'public/data/indicators.parquet': { rows: sorted.length, by_indicator_and_level: perIndicator },
      'public/data/catalogue.json': { indicators: catalogue.length },
      'public/data/profiles/': {
        files: profiles.files,
        bytes: profiles.bytes,
        note: 'every territory’s panel table ahead (src/contract/profiles.ts), from the files above',
      },
      'public/data/services.parquet': {
        rows: svc.rows.length,
        by_layer: Object.fromEntries(LAYERS.map((l) => [l, svc.rows.filter((r) => r.layer === l).length])),
      },
      'public/data/services_catalogue.json': { layers: svc.catalogue.length },
    },
    checks: {
      comune_population_sum: [...pop.values()].reduce((a, b) => a + b, 0),
      province_foreign_residents_2023_sum: provForeign,
      census_foreign_residents_2021_sum: cf.sums.foreign,
      census_legal_population_2021_sum: cf.sums.pop,
      census_foreign_empty_cells: cf.emptyCells.length,
      census_labour_force_2021_sum: Math.round(cl.sums.lf),
      census_unemployed_2021_sum: Math.round(cl.sums.un),
      population_1jan2023_sum: cls.popSum,
      aree_interne_2020_classes: ai.classCounts,
      population_year: POPULATION_YEAR,
    },
    no_geometry_comuni: crosswalk.noPolygon,
    permit_areas_not_available_separately: FOLDED_INTO,
    sll: {
      note: 'local labour systems (SLL 2021): comuni placed through data/build/sll.ts; indicators only where every member comune has a value',
      crosswalk: sllX.notes,
      incomplete: sllAgg.incomplete,
    },
    dropped: report.dropped,
    unmatched: report.unmatched,
    notes: report.notes,
    services: svc.reports,
  });
  fs.writeFileSync(STAMP, JSON.stringify({ inputs_sha256: inputHash() }, null, 2) + '\n');
  const rel = (f: string) => path.relative(ROOT, f);
  console.log(
    `data: built ${OUTPUTS.map(rel).join(', ')}, public/data/services.parquet — ${terr.length} territories, ${sorted.length} indicator rows, ${catalogue.length} indicators, ${svc.rows.length} service points in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
