import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import { SCHEMA_DDL } from '../../../src/lib/db/schema';
import type { Engine } from '../../../src/lib/db/types';
import { DEFAULT_PARAMS, type MetricParams } from '../../../src/lib/domain/params';
import { importFile } from '../../../src/lib/import';
import { derivedTableStatements } from '../../../src/lib/queries/cube';
import { emptyFilters, type Filters } from '../../../src/lib/queries/filters';
import type { SourceOptions } from '../../../src/lib/queries/source';
import { kpisQuery } from '../../../src/lib/queries/kpis';
import { categoryMixQuery } from '../../../src/lib/queries/categoryMix';
import { completionHeatmapQuery } from '../../../src/lib/queries/completionHeatmap';
import { statusByCountyQuery } from '../../../src/lib/queries/statusByCounty';
import { statusByRoundQuery } from '../../../src/lib/queries/statusByRound';
import { warningsByCountyQuery } from '../../../src/lib/queries/warningsByCounty';
import { repeatsByRoundQuery } from '../../../src/lib/queries/repeatsByRound';
import { timelinessQuery } from '../../../src/lib/queries/timeliness';
import { outcomesQuery } from '../../../src/lib/queries/outcomes';
import { rectificationCurveQuery } from '../../../src/lib/queries/rectificationCurve';
import { roundTrendQuery } from '../../../src/lib/queries/roundTrend';
import { countyRankingQuery } from '../../../src/lib/queries/countyRanking';
import { completionDetailQuery } from '../../../src/lib/queries/completionDetail';

/**
 * The cube is an optimisation, never a second definition: every cube-capable builder must give
 * exactly the answer it gives on `findings`, on the embedded sample (1,380 findings, every status,
 * long-term items, outcomes, repeats) under many filter states, as-of dates and parameters.
 */
type Builder = (f: Filters, p: MetricParams, o: SourceOptions) => string;
const BUILDERS: Record<string, Builder> = {
  kpis: kpisQuery, categoryMix: categoryMixQuery, completionHeatmap: completionHeatmapQuery,
  statusByCounty: statusByCountyQuery, statusByRound: statusByRoundQuery, warningsByCounty: warningsByCountyQuery,
  repeatsByRound: repeatsByRoundQuery, timeliness: timelinessQuery, outcomes: outcomesQuery,
  rectificationCurve: rectificationCurveQuery, roundTrend: roundTrendQuery, countyRanking: countyRankingQuery,
  completionDetail: completionDetailQuery,
};

let engine: Engine & { close(): void };

beforeAll(async () => {
  engine = await openNodeEngine();
  for (const s of SCHEMA_DDL) await engine.exec(s);
  const bytes = new Uint8Array(readFileSync('data/sample-ledger.csv'));
  const res = await importFile(engine, { name: 'sample-ledger.csv', bytes }, { isSample: true });
  expect(res.ok).toBe(true);
  for (const s of derivedTableStatements()) await engine.exec(s);
}, 120_000);

afterAll(() => engine?.close());

/** Rounds doubles so that a different summation order cannot fail the comparison. */
function canonical(rows: Record<string, unknown>[]): unknown {
  return JSON.parse(JSON.stringify(rows, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e9) / 1e9 : v)));
}

async function firstValues(sql: string): Promise<string[]> {
  return (await engine.query(sql)).map((r) => String(Object.values(r)[0]));
}

describe('cube answers equal base-table answers', () => {
  const states: [string, (f: Filters, rounds: string[], counties: string[], attrs: { types: string[]; sources: string[] }) => Filters][] = [
    ['unfiltered', (f) => f],
    ['one county', (f, _r, c) => ({ ...f, counties: [c[2]] })],
    ['two rounds', (f, r) => ({ ...f, rounds: r.slice(0, 2) })],
    ['category + status', (f) => ({ ...f, categories: ['A', 'C'], statuses: ['in_progress', 'unknown'] })],
    ['L2 + county', (f, _r, c) => ({ ...f, l2: ['A1', 'B2', 'C3'], counties: c.slice(0, 4) })],
    // The attribute cubes: a unit type, two sources, and both with status and county.
    ['unit type', (f, _r, _c, a) => ({ ...f, unitTypes: [a.types[0]] })],
    ['two sources', (f, _r, _c, a) => ({ ...f, sources: a.sources.slice(1, 3) })],
    ['unit types + source + status + county', (f, _r, c, a) => ({ ...f, unitTypes: a.types.slice(0, 3), sources: [a.sources[0]], statuses: ['completed', 'not_completed'], counties: c.slice(0, 5) })],
  ];
  for (const asOf of ['2021-06-30', '2024-12-31', '2026-06-30']) {
    for (const [name, make] of states) {
      test(`${name} at ${asOf}`, async () => {
        const rounds = await firstValues('SELECT DISTINCT round_key FROM findings ORDER BY 1');
        const counties = await firstValues('SELECT DISTINCT county FROM findings ORDER BY 1');
        const attrs = {
          types: await firstValues('SELECT unit_type FROM findings WHERE unit_type IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1'),
          sources: await firstValues('SELECT source FROM findings WHERE source IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1'),
        };
        expect(attrs.types.length).toBeGreaterThanOrEqual(3);
        expect(attrs.sources.length).toBeGreaterThanOrEqual(3);
        const filters = make(emptyFilters(asOf), rounds, counties, attrs);
        for (const params of [DEFAULT_PARAMS, { ...DEFAULT_PARAMS, longTermWithDeadline: 'include', lightMeasuresInAccountability: true, warnYellowDays: 60, concentratedPeriodMonths: 6 } as MetricParams]) {
          for (const [id, build] of Object.entries(BUILDERS)) {
            const base = await engine.query(build(filters, params, {}));
            const cube = await engine.query(build(filters, params, { source: 'cube' }));
            expect(canonical(cube), `${id} ${name} ${asOf}`).toEqual(canonical(base));
          }
        }
      }, 60_000);
    }
  }

  test('the cube counts every finding exactly once', async () => {
    const [{ n, cells }] = await engine.query('SELECT (SELECT count(*) FROM findings) AS n, (SELECT sum(n) FROM finding_cube) AS cells');
    expect(Number(cells)).toBe(Number(n));
    const [{ rows }] = await engine.query('SELECT count(*) AS rows FROM finding_cube');
    expect(Number(rows)).toBeLessThanOrEqual(Number(n));
  });

  test('the distinct-unit count reads the smaller unit cube unless a status filter needs status at T', async () => {
    const plain = kpisQuery(emptyFilters('2026-06-30'), DEFAULT_PARAMS, { source: 'cube' });
    const byStatus = kpisQuery({ ...emptyFilters('2026-06-30'), statuses: ['completed'] }, DEFAULT_PARAMS, { source: 'cube' });
    expect(plain).toContain('unit_cube_any_status');
    expect(byStatus).not.toContain('unit_cube_any_status');
    expect(byStatus).toContain('unit_cube');
    const [{ small, big }] = await engine.query('SELECT (SELECT count(*) FROM unit_cube_any_status) AS small, (SELECT count(*) FROM unit_cube) AS big');
    expect(Number(small)).toBeLessThan(Number(big));
  });

  test('a unit filter falls back to the base table; a unit-type or source filter reads the attribute cubes', () => {
    const sql = (f: Partial<Filters>) => kpisQuery({ ...emptyFilters('2026-06-30'), ...f }, DEFAULT_PARAMS, { source: 'cube' });
    expect(sql({ units: ['某单位'] })).not.toMatch(/finding_cube|unit_cube/);
    expect(sql({ units: ['某单位'], unitTypes: ['党政机关'] })).not.toMatch(/finding_cube|unit_cube/);
    for (const f of [{ unitTypes: ['党政机关'] }, { sources: ['立行立改'] }, { sources: ['立行立改'], statuses: ['completed'] }]) {
      expect(sql(f)).toContain('finding_cube_attr');
      expect(sql(f)).toContain('unit_cube_attr');
      expect(sql(f)).not.toMatch(/finding_cube(?!_attr)|unit_cube(?!_attr)/);
    }
    expect(sql({})).toMatch(/finding_cube(?!_attr)/);
    expect(sql({})).not.toContain('_attr');
  });

  test('the attribute cubes hold every finding that has a unit type or a source, once, and nothing else', async () => {
    const [r] = await engine.query(`SELECT (SELECT count(*) FROM findings WHERE unit_type IS NOT NULL OR source IS NOT NULL) AS n,
      (SELECT sum(n) FROM finding_cube_attr) AS cells, (SELECT count(*) FROM finding_cube_attr WHERE unit_type IS NULL AND source IS NULL) AS bare,
      (SELECT count(*) FROM findings) AS total`);
    expect(Number(r.cells)).toBe(Number(r.n));
    expect(Number(r.bare)).toBe(0);
    expect(Number(r.n)).toBeGreaterThan(0);
    expect(Number(r.n)).toBeLessThanOrEqual(Number(r.total));
  });
});
