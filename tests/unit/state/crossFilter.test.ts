import { describe, expect, test } from 'vitest';
import { narrowToSelection } from '../../../src/lib/state/crossFilter';
import { emptyFilters } from '../../../src/lib/queries/filters';

const rows = [
  { county: '永康市', status: 'completed', n: 3 },
  { county: '义乌市', status: 'completed', n: 2 },
  { county: '义乌市', status: null, n: 1 },
];
const byCounty = { ...emptyFilters('2024-12-31'), counties: ['义乌市'] };

describe('cross-filter narrowing of same-dimension charts', () => {
  test('the chart that was clicked keeps every county', () => {
    expect(narrowToSelection(rows, 'counties', byCounty, 'status-by-county', 'status-by-county')).toEqual(rows);
  });
  test('another chart on the county dimension narrows to the selected county', () => {
    expect(narrowToSelection(rows, 'counties', byCounty, 'status-by-county', 'warnings-by-county')).toEqual(rows.slice(1));
  });
  test('a selection from the filter bar (no origin) narrows every chart', () => {
    expect(narrowToSelection(rows, 'counties', byCounty, undefined, 'status-by-county')).toEqual(rows.slice(1));
  });
  test('no selection, no dimension or no matching column: rows unchanged', () => {
    expect(narrowToSelection(rows, 'counties', emptyFilters('2024-12-31'), undefined, 'x')).toEqual(rows);
    expect(narrowToSelection(rows, undefined, byCounty, undefined, 'x')).toEqual(rows);
    expect(narrowToSelection(rows, 'rounds', { ...byCounty, rounds: ['r'] }, undefined, 'x')).toEqual(rows);
  });
  test('the unrecognised status is selected by "unknown"', () => {
    const f = { ...emptyFilters('2024-12-31'), statuses: ['unknown'] };
    expect(narrowToSelection(rows, 'statuses', f, undefined, 'x')).toEqual([rows[2]]);
  });
});

describe('rowsInView: what a chart draws on screen and in every export', () => {
  test('a chart narrows to a selection made elsewhere; the ranking keeps every county and only highlights it', async () => {
    const { rowsInView } = await import('../../../src/lib/state/crossFilter');
    const { DASHBOARD_CHARTS, ANALYSIS_CHARTS } = await import('../../../src/lib/state/chartSpecs');
    const status = DASHBOARD_CHARTS.find((c) => c.id === 'status-by-county')!;
    const ranking = ANALYSIS_CHARTS.find((c) => c.id === 'county-ranking')!;
    expect(rowsInView(status, rows, byCounty, {})).toEqual(rows.slice(1));
    expect(rowsInView(status, rows, byCounty, { counties: 'status-by-county' })).toEqual(rows);
    expect(rowsInView(ranking, rows, byCounty, {})).toEqual(rows);
  });
});

describe('chart definitions state the parameters in force', () => {
  test('every chart, both languages: the values used, no placeholder left, no "default"', async () => {
    const { chartDefinition } = await import('../../../src/lib/state/chartDefinition');
    const { BRIEFING_CHARTS } = await import('../../../src/lib/state/briefing.svelte');
    const { DEFAULT_PARAMS } = await import('../../../src/lib/domain/params');
    const params = { ...DEFAULT_PARAMS, smallNMin: 12, warnYellowDays: 5, warnGreenDays: 30, crossCountyMin: 4, persistenceThreshold: 6 };
    for (const lang of ['zh', 'en'] as const) {
      for (const spec of BRIEFING_CHARTS) {
        const text = chartDefinition(spec, params, lang);
        expect(text, spec.id).not.toMatch(/\{\w+\}|默认|default/);
      }
    }
    const def = (id: string, lang: 'zh' | 'en') => chartDefinition(BRIEFING_CHARTS.find((c) => c.id === id)!, params, lang);
    expect(def('warnings-by-county', 'zh')).toContain('黄色阈值5天、绿色阈值30天');
    expect(def('warnings-by-county', 'en')).toContain('yellow 5 days, green 30 days');
    expect(def('completion-heatmap', 'zh')).toContain('最小样本数（12个）');
    expect(def('county-ranking', 'en')).toContain('minimum sample (12 findings)');
  });
});
