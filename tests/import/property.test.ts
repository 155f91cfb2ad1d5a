import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { lookup } from './helpers';
import { importBytes } from '../../src/import/core/importFile';
import { problemText } from '../../src/import/core/messages';
import type { TerritoryLookup } from '../../src/import/core/keys';

let look: TerritoryLookup;
beforeAll(async () => {
  look = await lookup();
});

async function check(bytes: Uint8Array) {
  const o = await importBytes(bytes, 'random.csv', look);
  if (o.ok) {
    expect(o.preview.rowCount).toBe(o.preview.rows.length);
    for (const p of o.preview.problems) expect(problemText(p, 'it').length).toBeGreaterThan(0);
  } else expect(problemText(o.problem, 'en').length).toBeGreaterThan(0);
}

describe('the importer never crashes', () => {
  it('random byte strings yield data or a message', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), check), { numRuns: 300 });
  });

  it('random CSVs (codes, names, numbers, quotes, delimiters) yield data or a message', async () => {
    const cell = fc.oneof(
      fc.constantFrom('101010', '1272', '58091', '999999', 'Crotone', 'Forlì', 'Castro', '', 'n.d.', '"', '""', '=1+1', '1.234,5', '12,5', '-3', 'NaN'),
      fc.string({ maxLength: 8 }),
      fc.double().map(String)
    );
    const csv = fc.tuple(fc.constantFrom(',', ';', '\t', '|'), fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 12 })).map(([d, rows]) =>
      new TextEncoder().encode(rows.map((r) => r.join(d)).join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0]))
    );
    await fc.assert(fc.asyncProperty(csv, check), { numRuns: 300 });
  });

  it('random JSON-ish text yields data or a message', async () => {
    const json = fc.json().map((s) => new TextEncoder().encode(s));
    const geo = fc.anything().map((g) => new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: g }] }) ?? '{}'));
    await fc.assert(fc.asyncProperty(fc.oneof(json, geo), check), { numRuns: 200 });
  });
});
