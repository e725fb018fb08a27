import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sampleEngineWithCube } from '../import/helpers';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { specDataTable, type DataTable } from '../../../src/lib/charts/dataTable';
import type { ChartSpec } from '../../../src/lib/charts/types';
import { stubDom } from '../dom-stub';

stubDom();

// Every chart's data table as the briefing's DOCX prints it (specDataTable, shared with the dashboard card's 查看数据), built from the embedded sample's real
// rows: recurring themes, the outcome chart's drawing flags and, with a minimum sample of 70, small
// samples in the ranking and the heatmap (the sample's smallest county has 65 findings).
const PARAMS = { ...DEFAULT_PARAMS, smallNMin: 70 };
describe('every briefing chart\'s data table, both languages', () => {
  let engine: Awaited<ReturnType<typeof sampleEngineWithCube>>['engine'];
  let specs: ChartSpec[];
  const rowsById = new Map<string, Record<string, unknown>[]>();

  beforeAll(async () => {
    ({ BRIEFING_CHARTS: specs } = await import('../../../src/lib/state/briefing.svelte'));
    ({ engine } = await sampleEngineWithCube());
    const filters = emptyFilters('2024-12-31');
    for (const spec of specs) {
      const first = await engine.query<Record<string, unknown>>(spec.query(filters, PARAMS));
      const refine = spec.refine?.(first, filters, PARAMS);
      rowsById.set(spec.id, refine ? await engine.query<Record<string, unknown>>(refine) : first);
    }
  }, 120_000);
  afterAll(() => engine?.close());

  const tables = (lang: 'zh' | 'en'): [string, DataTable][] =>
    specs.map((s) => [s.id, specDataTable(s, rowsById.get(s.id)!, lang, PARAMS)]);

  test.each(['zh', 'en'] as const)('%s: every table has rows, and no header is a raw column key', (lang) => {
    for (const [id, table] of tables(lang)) {
      expect(table.rows.length, id).toBeGreaterThan(0);
      for (const c of table.columns) {
        expect(c.label, `${id}.${c.key}`).not.toBe(c.key);
        expect(c.label, `${id}.${c.key}`).not.toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)+$|^col\./);
      }
    }
  });

  test.each(['zh', 'en'] as const)('%s: no cell prints a boolean as true/false', (lang) => {
    for (const [id, table] of tables(lang)) {
      for (const row of table.rows) for (const v of row) expect(String(v), id).not.toMatch(/^(true|false)$/i);
    }
  });

  test('the sample does exercise the flags: drawing flags dropped, small samples and recurring themes in words', () => {
    const zh = new Map(tables('zh'));
    const outcome = zh.get('outcome-totals')!;
    expect(outcome.columns.map((c) => c.key)).not.toEqual(expect.arrayContaining(['light_included']));
    expect(outcome.columns.map((c) => c.key)).not.toContain('parts_only');
    expect(outcome.columns.map((c) => c.label)).toEqual(expect.arrayContaining(['问责人数合计（人）', '党纪处分（人）', '线索办结率']));
    // The heatmap greys cells under the minimum sample: its table says 样本不足 right after the rate.
    const heatmap = zh.get('completion-heatmap')!;
    const keys = heatmap.columns.map((c) => c.key);
    expect(keys.indexOf('small_sample')).toBe(keys.indexOf('completion_rate') + 1);
    const n = keys.indexOf('n');
    const notes = heatmap.rows.map((r) => [r[n], r[keys.indexOf('small_sample')]]);
    expect(notes.some(([, w]) => w === '样本不足')).toBe(true);
    for (const [count, word] of notes) expect(word).toBe((count as number) < PARAMS.smallNMin ? '样本不足' : '');
    const ranking = zh.get('county-ranking')!;
    const note = ranking.columns.findIndex((c) => c.key === 'small_sample');
    expect(ranking.columns[note].label).toBe('备注');
    expect(ranking.rows.map((r) => r[note])).toContain('样本不足');
    const persistence = zh.get('persistence-index')!;
    const theme = persistence.columns.findIndex((c) => c.key === 'persistent');
    expect(new Set(persistence.rows.map((r) => r[theme]))).toEqual(new Set(['是', '否']));
  });

  test('English: no Chinese left in any header or cell (rounds named as the charts name them)', () => {
    for (const [id, table] of tables('en')) {
      for (const c of table.columns) expect(c.label, id).not.toMatch(/\p{Script=Han}/u);
      for (const row of table.rows) for (const v of row) expect(String(v), id).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
