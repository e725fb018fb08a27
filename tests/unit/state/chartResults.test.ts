import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import type { Engine } from '../../../src/lib/db/types';
import type { ChartSpec } from '../../../src/lib/charts/types';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';

// busy.ts mirrors pending work to <body data-busy>; Node has no DOM, so give it the two things it touches.
(globalThis as any).document ??= { body: { dataset: {} } };
(globalThis as any).requestAnimationFrame ??= (f: () => void) => setTimeout(f, 0);
const { ChartResults } = await import('../../../src/lib/state/chartResults.svelte');

/** A spec whose rows say which refresh (`round_key` filter) and which chart produced them. */
function spec(id: string): ChartSpec<any> {
  return {
    id, titleKey: id, definitionKey: id,
    query: (f) => `SELECT '${id}' AS chart, ${f.rounds.length} AS pass`,
    option: () => ({}),
  };
}

const filters = (pass: number) => ({ rounds: Array.from({ length: pass }, (_, i) => `r${i}`), counties: [], categories: [], statuses: [], asOf: '2024-12-31' }) as any;

describe('ChartResults', () => {
  let engine: Engine & { close(): void };
  beforeAll(async () => {
    engine = await openNodeEngine();
  });
  afterAll(() => engine.close());

  /** The engine, recording what the results showed when each query started. */
  function watching(results: InstanceType<typeof ChartResults>, seen: string[][]): Engine {
    return {
      ...engine,
      query: async (sql: string) => {
        seen.push(Object.entries(results.rows).map(([k, rows]) => `${k}:${(rows[0] as any)?.pass}`));
        return engine.query(sql);
      },
    } as Engine;
  }

  it('shows each chart as soon as its answer is in on the first refresh, and swaps all at once afterwards', async () => {
    const results = new ChartResults([spec('a'), spec('b'), spec('c')]);
    const seen: string[][] = [];
    const watched = watching(results, seen);
    await results.refresh(watched, filters(1), DEFAULT_PARAMS);
    // First refresh: chart a is on screen before b's query starts, a and b before c's.
    expect(seen).toEqual([[], ['a:1'], ['a:1', 'b:1']]);
    expect(Object.keys(results.rows)).toEqual(['a', 'b', 'c']);

    seen.length = 0;
    await results.refresh(watched, filters(2), DEFAULT_PARAMS);
    // A later refresh (a filter click) keeps the previous, complete answer until every query is in.
    expect(seen).toEqual([['a:1', 'b:1', 'c:1'], ['a:1', 'b:1', 'c:1'], ['a:1', 'b:1', 'c:1']]);
    expect(Object.values(results.rows).map((r) => (r[0] as any).pass)).toEqual([2, 2, 2]);
  });

  it('drops the answers of a refresh that a newer one overtook', async () => {
    const results = new ChartResults([spec('a'), spec('b')]);
    const older = results.refresh(engine, filters(1), DEFAULT_PARAMS);
    const newer = results.refresh(engine, filters(3), DEFAULT_PARAMS);
    await Promise.all([older, newer]);
    expect(Object.values(results.rows).map((r) => (r[0] as any).pass)).toEqual([3, 3]);
  });
});
