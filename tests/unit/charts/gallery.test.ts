import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import { SCHEMA_DDL } from '../../../src/lib/db/schema';
import { importFile } from '../../../src/lib/import';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { ANALYSIS_CHARTS, DASHBOARD_CHARTS } from '../../../src/lib/state/chartSpecs';
import { REPEAT_CHARTS } from '../../../src/lib/state/repeatSpecs';
import type { ChartContext, ChartSpec } from '../../../src/lib/charts/types';
import { renderSvg } from './render';
import { overlappingTexts } from './textBoxes';

// A visual check, not part of the normal run (the sample import takes ~15 s): with CHART_GALLERY=1
// every chart is rendered at card size from the embedded sample into tests/.tmp/gallery/*.svg,
// to be looked at as PNG. Rows are cached in tests/.tmp so style iterations skip the import.
const DIR = 'tests/.tmp/gallery';
const CACHE = 'tests/.tmp/gallery-rows.json';
const AS_OF = '2026-06-30';
const SPECS: ChartSpec[] = [...DASHBOARD_CHARTS, ...ANALYSIS_CHARTS, ...REPEAT_CHARTS];

/** Rows of every spec's query on the sample, from the cache or from a fresh import. */
async function sampleRows(): Promise<Record<string, Record<string, unknown>[]>> {
  if (existsSync(CACHE)) return JSON.parse(readFileSync(CACHE, 'utf8'));
  const engine = await openNodeEngine();
  for (const s of SCHEMA_DDL) await engine.exec(s);
  const res = await importFile(engine, { name: 'sample-ledger.csv', bytes: new Uint8Array(readFileSync('data/sample-ledger.csv')) }, { isSample: true });
  if (!res.ok) throw new Error('sample import failed');
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const spec of SPECS) rows[spec.id] = await engine.query(spec.query(emptyFilters(AS_OF), DEFAULT_PARAMS));
  mkdirSync('tests/.tmp', { recursive: true });
  writeFileSync(CACHE, JSON.stringify(rows));
  return rows;
}

describe.runIf(process.env.CHART_GALLERY)('chart gallery', () => {
  test('every chart renders at 600×360 from the sample, plain and with a selection', async () => {
    const rows = await sampleRows();
    mkdirSync(DIR, { recursive: true });
    const ctx: ChartContext = { lang: (process.env.CHART_LANG as 'zh' | 'en') ?? 'zh', asOf: AS_OF, params: DEFAULT_PARAMS, isSample: true };
    const overlaps: Record<string, string[]> = {};
    for (const spec of SPECS) {
      const svg = renderSvg(spec.option(rows[spec.id], ctx));
      expect(svg).toContain('<svg');
      writeFileSync(`${DIR}/${spec.id}.svg`, svg);
      const hits = overlappingTexts(svg);
      if (hits.length) overlaps[spec.id] = hits;
      if (spec.dimension === 'counties') {
        const sel = renderSvg(spec.option(rows[spec.id], { ...ctx, selected: ['义乌市'] }));
        writeFileSync(`${DIR}/${spec.id}-selected.svg`, sel);
        const selHits = overlappingTexts(sel);
        if (selHits.length) overlaps[`${spec.id}-selected`] = selHits;
      }
    }
    // No text line of any chart runs into another (title, subtitle, axis names and labels, cell and bar labels).
    expect(overlaps).toEqual({});
  });
});
