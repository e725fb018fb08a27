import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import type { Engine, Reader, Row } from '../../../src/lib/db/types';
import type { ChartSpec } from '../../../src/lib/charts/types';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { stubDom } from '../dom-stub';

stubDom();
const { ChartResults } = await import('../../../src/lib/state/chartResults.svelte');

/** A spec whose rows say which refresh (`round_key` filter) and which chart produced them. */
function spec(id: string): ChartSpec<any> {
  return {
    id, titleKey: id, definitionKey: id,
    query: (f) => `SELECT '${id}' AS chart, ${f.rounds.length} AS pass`,
    option: () => ({}),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const filters = (pass: number) => ({ rounds: Array.from({ length: pass }, (_, i) => `r${i}`), counties: [], categories: [], statuses: [], asOf: '2024-12-31' }) as any;

describe('ChartResults', () => {
  let engine: Engine & { close(): void };
  beforeAll(async () => {
    engine = await openNodeEngine();
  });
  afterAll(() => engine.close());

  /** The engine with a gate: each answer is handed over only when the test opens its gate. */
  function gated() {
    const gates = new Map<string, () => void>();
    const sent: string[] = [];
    const reader: Reader = {
      query: async <T = Row>(sql: string) => {
        const chart = /'(\w+)' AS chart/.exec(sql)![1];
        sent.push(chart);
        const rows = await engine.query<T>(sql);
        await new Promise<void>((open) => gates.set(chart, open));
        return rows;
      },
    };
    const open = async (chart: string) => {
      while (!gates.has(chart)) await tick();
      gates.get(chart)!();
      gates.delete(chart);
      await tick();
    };
    return { reader, sent, open };
  }
  const shown = (results: InstanceType<typeof ChartResults>) => Object.entries(results.rows).map(([k, rows]) => `${k}:${(rows[0] as any)?.pass}`);

  it('sends every query at once; shows each chart as its answer comes on the first refresh, and swaps all at once afterwards', async () => {
    const results = new ChartResults([spec('a'), spec('b'), spec('c')]);
    const g = gated();
    const first = results.refresh(g.reader, filters(1), DEFAULT_PARAMS);
    await tick();
    expect(g.sent).toEqual(['a', 'b', 'c']); // all three in flight before any answer
    await g.open('b');
    expect(shown(results)).toEqual(['b:1']); // b is on screen while a and c are still out
    await g.open('c');
    await g.open('a');
    await first;
    expect(shown(results)).toEqual(['a:1', 'b:1', 'c:1']); // in the specs' order, whatever the answers' order

    const second = results.refresh(g.reader, filters(2), DEFAULT_PARAMS);
    await g.open('a');
    await g.open('c');
    // A later refresh (a filter click) keeps the previous, complete answer until every query is in.
    expect(shown(results)).toEqual(['a:1', 'b:1', 'c:1']);
    await g.open('b');
    await second;
    expect(shown(results)).toEqual(['a:2', 'b:2', 'c:2']);
  });

  it("shows a failed query as that chart's error, with no rows, and the others as usual", async () => {
    const results = new ChartResults([spec('a'), { ...spec('bad'), query: () => 'SELECT * FROM no_such_table' }]);
    await results.refresh(engine, filters(1), DEFAULT_PARAMS);
    expect(results.rows).toEqual({ a: [{ chart: 'a', pass: 1 }], bad: [] });
    expect(results.errors.bad).toMatch(/no_such_table/);
  });

  it('drops the answers of a refresh that a newer one overtook', async () => {
    const results = new ChartResults([spec('a'), spec('b')]);
    const older = results.refresh(engine, filters(1), DEFAULT_PARAMS);
    const newer = results.refresh(engine, filters(3), DEFAULT_PARAMS);
    await Promise.all([older, newer]);
    expect(Object.values(results.rows).map((r) => (r[0] as any).pass)).toEqual([3, 3]);
  });

  it("runs a spec's second query after the charts are shown and replaces that chart's rows with its answer", async () => {
    const refined: ChartSpec<any> = {
      ...spec('tied'),
      refine: (rows, f) => ((rows[0] as any).pass === 1 ? `SELECT 'tied' AS chart, ${f.rounds.length} AS pass, 'refined' AS step` : null),
    };
    const results = new ChartResults([spec('a'), refined]);
    const g = gated();
    const done = results.refresh(g.reader, filters(1), DEFAULT_PARAMS);
    await g.open('a');
    await g.open('tied');
    // Both charts are on screen with the first answers while the second query is out.
    expect(shown(results)).toEqual(['a:1', 'tied:1']);
    expect(g.sent).toEqual(['a', 'tied', 'tied']);
    expect((results.rows.tied[0] as any).step).toBeUndefined();
    await g.open('tied');
    await done;
    expect(results.rows.tied).toEqual([{ chart: 'tied', pass: 1, step: 'refined' }]);
    expect(results.rows.a).toEqual([{ chart: 'a', pass: 1 }]);
    // No second query when the first rows need none; a failed one leaves the first answer.
    await results.refresh(engine, filters(2), DEFAULT_PARAMS);
    expect(results.rows.tied).toEqual([{ chart: 'tied', pass: 2 }]);
    const failing = new ChartResults([{ ...refined, refine: () => 'SELECT * FROM no_such_table' }]);
    await failing.refresh(engine, filters(1), DEFAULT_PARAMS);
    expect([failing.rows.tied, failing.errors]).toEqual([[{ chart: 'tied', pass: 1 }], {}]);
  });
});
