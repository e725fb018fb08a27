import { describe, expect, test } from 'vitest';
import { ANALYSIS_CHARTS, DASHBOARD_CHARTS } from '../../../src/lib/state/chartSpecs';
import { REPEAT_CHARTS } from '../../../src/lib/state/repeatSpecs';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import type { ChartContext, ChartSpec, EChartsOption } from '../../../src/lib/charts/types';
import { DIMMED, PLOT_TOP, fitCellLabels, niceAxisMax, segmentLabel, textWidth } from '../../../src/lib/charts/layout';
import { part, renderSvg, seriesOf, sumData } from './render';
import { overlappingTexts } from './textBoxes';

// A full-size dashboard on synthetic rows shaped like the embedded sample: 10 counties × 9 rounds
// with real round names, counts from 1 to 283 in one stack, rates with two decimals.
const zh: ChartContext = { lang: 'zh', asOf: '2026-06-30', params: DEFAULT_PARAMS, isSample: true };
const en: ChartContext = { ...zh, lang: 'en' };
const COUNTIES = ['婺城区', '金东区', '兰溪市', '东阳市', '义乌市', '永康市', '浦江县', '武义县', '磐安县', '市本级'];
const ROUND_NAMES: [string, number, string][] = [
  ['十四届省委第四轮巡视', 2018, '浙江省|省委|十四届|4'], ['八届市委第八轮巡察', 2019, '金华市|市委|八届|8'],
  ['十四届省委第八轮巡视', 2019, '浙江省|省委|十四届|8'], ['八届市委第十轮巡察', 2020, '金华市|市委|八届|10'],
  ['八届市委第二轮巡察', 2022, '金华市|市委|八届|2'], ['婺城区委第二轮巡察', 2022, '婺城区|县(市、区)委||2'],
  ['十五届省委第二轮巡视', 2023, '浙江省|省委|十五届|2'], ['九届市委第五轮巡察', 2024, '金华市|市委|九届|5'], ['九届市委第七轮巡察', 2025, '金华市|市委|九届|7'],
];
const ROUNDS = ROUND_NAMES.map(([label, year, key], i) => ({ round_key: key, round_pos: i + 1, round_label: label, round_year: year }));
const STATUSES = ['completed', 'basically_completed', 'in_progress', 'not_completed', 'unknown'];

function gridRows(counties = COUNTIES, rounds = ROUNDS) {
  return counties.flatMap((county, c) => rounds.map((round, r) => {
    const n = 16 + ((c * 7 + r * 5) % 53);
    const completed = Math.round(n * (0.5 + ((c + r) % 5) / 10)) - ((c * r) % 3);
    return { ...round, county, n, completed, completion_rate: completed / n, repeats: (c + r) % 10 };
  }));
}

const FIXTURES: Record<string, Record<string, unknown>[]> = {
  'category-mix': ROUNDS.flatMap((round, r) => ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((l1, i) => ({ ...round, category_l1: l1, n: 1 + ((r + i * 3) % 20), round_n: 120 }))),
  'completion-heatmap': gridRows(),
  'status-by-county': COUNTIES.flatMap((county, c) => STATUSES.map((status, s) => ({ county, status, n: s === 0 ? (c === 9 ? 283 : 88 + c * 5) : 1 + ((c + s) % 13) }))),
  'warnings-by-county': COUNTIES.map((county, c) => ({ county, n: 100, red: 3 + c * 2, yellow: c % 3, green: (c * 2) % 5 })),
  'repeats-by-round': gridRows(),
  'status-by-round': ROUNDS.flatMap((round, r) => STATUSES.map((status, s) => ({ ...round, status, n: s === 0 ? 47 + r * 20 : 1 + ((r + s) % 29) }))),
  'county-ranking': COUNTIES.map((county, c) => ({ county, n: 98 + c * 7, completed: 80 + c * 6, completion_rate: (80 + c * 6) / (98 + c * 7), overdue: 0, unit_repeat_rate: null, small_sample: false, rank: c + 1 })),
  'cross-county-common': COUNTIES.slice(0, 9).flatMap((county, c) => ['A1', 'A2', 'B1', 'C2', 'D1', 'D3', 'F4', 'G1'].map((code, i) => ({ county, category_l2: code, findings: 1 + ((c + i) % 8), years: 1 }))),
  'persistence-index': COUNTIES.flatMap((county, c) => ['A1', 'A2', 'B1', 'C2', 'D1', 'D3', 'F4', 'G1'].map((code, i) => ({ county, category_l2: code, periods: 1 + ((c + i) % 5), findings: 3, persistent: 1 + ((c + i) % 5) >= 3 }))),
};

const ALL: ChartSpec[] = [...DASHBOARD_CHARTS, ...ANALYSIS_CHARTS, ...REPEAT_CHARTS];
const spec = (id: string) => ALL.find((s) => s.id === id)!;
const labelOf = (series: Record<string, unknown>) => series.label as { show?: boolean; formatter?: (p: unknown) => string };

describe('no text runs into other text at card size (600×360)', () => {
  const cases = Object.keys(FIXTURES).flatMap((id) => [
    [id, 'zh', zh], [id, 'en', en], ...(spec(id).dimension === 'counties' ? [[id, 'zh selected', { ...zh, selected: ['义乌市'] }]] : []),
  ] as [string, string, ChartContext][]);
  test.each(cases)('%s (%s)', (id, _lang, ctx) => {
    expect(overlappingTexts(renderSvg(spec(id).option(FIXTURES[id], ctx)))).toEqual([]);
  });
});

test.each(['category-mix', 'completion-heatmap', 'repeats-by-round', 'status-by-round'])('%s: in English the round axis names rounds in English', (id) => {
  const axis = part(spec(id).option(FIXTURES[id], en), 'xAxis') as { data: string[] };
  expect(axis.data[0]).toBe('2018\nProv. R4');
  expect(axis.data.filter((l) => /[\u4e00-\u9fff]/.test(l))).toEqual([]);
});

describe('heatmaps', () => {
  const heatmaps = ['completion-heatmap', 'repeats-by-round', 'cross-county-common', 'persistence-index'];

  test.each(heatmaps)('%s: no decal pattern over printed numbers', (id) => {
    const o = spec(id).option(FIXTURES[id], zh);
    for (const s of seriesOf(o).filter((x) => labelOf(x).show !== false)) {
      expect((s.itemStyle as { decal?: unknown }).decal).toEqual({ symbol: 'none' });
    }
  });

  test.each(heatmaps)('%s: selected counties stay, other rows fade, the selection is named ▶', (id) => {
    const o = spec(id).option(FIXTURES[id], { ...zh, selected: ['义乌市'] });
    const cells = seriesOf(o).flatMap((s) => s.data as { county: string; itemStyle?: { opacity?: number; borderWidth?: number } }[]);
    expect(cells.filter((c) => c.county === '义乌市').every((c) => c.itemStyle?.opacity === undefined)).toBe(true);
    expect(cells.filter((c) => c.county !== '义乌市').every((c) => c.itemStyle?.opacity === DIMMED)).toBe(true);
    expect(part(o, 'yAxis').data).toContain('▶ 义乌市');
    // Without a selection nothing fades.
    const plain = seriesOf(spec(id).option(FIXTURES[id], zh)).flatMap((s) => s.data as { itemStyle?: { opacity?: number } }[]);
    expect(plain.some((c) => c.itemStyle?.opacity !== undefined)).toBe(false);
  });

  test('persistence: a faded flagged cell keeps its border', () => {
    const o = spec('persistence-index').option(FIXTURES['persistence-index'], { ...zh, selected: ['义乌市'] });
    const flagged = (seriesOf(o)[0].data as { county: string; persistent: boolean; itemStyle?: Record<string, unknown> }[])
      .find((c) => c.persistent && c.county !== '义乌市')!;
    expect(flagged.itemStyle).toMatchObject({ borderWidth: 2, opacity: DIMMED });
  });

  test('completion: rate and N on two lines when rows are tall enough, the rate alone when not, nothing in tiny cells', () => {
    const fmt = (rows: Record<string, unknown>[]) => {
      const s = seriesOf(spec('completion-heatmap').option(rows, zh))[0];
      const label = labelOf(s);
      return label.show === false ? null : label.formatter!({ data: (s.data as unknown[])[0] });
    };
    expect(fmt(FIXTURES['completion-heatmap'])).toMatch(/^\d+(\.\d+)?%\nN=\d+$/);
    const many = Array.from({ length: 16 }, (_, i) => `县${i}`);
    expect(fmt(gridRows(many))).toMatch(/^\d+(\.\d+)?%$/);
    const rounds = Array.from({ length: 30 }, (_, i) => ({ round_key: `K${i}`, round_pos: i, round_label: `第${i}轮巡察`, round_year: 2000 + i }));
    expect(fmt(gridRows(Array.from({ length: 30 }, (_, i) => `县${i}`), rounds))).toBeNull();
  });

  test('completion: small samples say so in the cell beside their rate and N; a pattern marks them only when no label can', () => {
    const rows = gridRows().map((r, i) => (i === 0 ? { ...r, n: 4, completed: 1, completion_rate: 0.25 } : r));
    const [, small] = seriesOf(spec('completion-heatmap').option(rows, zh));
    expect(labelOf(small).formatter!({ data: (small.data as unknown[])[0] })).toBe('样本不足\n25% N=4');
    expect((small.itemStyle as { decal?: unknown }).decal).toEqual({ symbol: 'none' });
    const tiny = gridRows(Array.from({ length: 30 }, (_, i) => `县${i}`), Array.from({ length: 30 }, (_, i) => ({ round_key: `K${i}`, round_pos: i, round_label: `第${i}轮`, round_year: 2000 + i })))
      .map((r, i) => (i === 0 ? { ...r, n: 4 } : r));
    const [, tinySmall] = seriesOf(spec('completion-heatmap').option(tiny, zh));
    expect((tinySmall.itemStyle as { decal?: unknown }).decal).toBeUndefined();
  });
});

describe('stacked bars', () => {
  const segments = (o: EChartsOption) => seriesOf(o).filter((s) => s.id !== '__total');

  test.each(['status-by-county', 'warnings-by-county', 'status-by-round'])('%s: tiny segments print no number; every bar prints its total; sums unchanged', (id) => {
    const o = spec(id).option(FIXTURES[id], zh);
    const printed = segments(o).flatMap((s) => (s.data as { value: number }[]).map((d) => [d.value, labelOf(s).formatter!({ value: d.value, data: d })]));
    const total = seriesOf(o).find((s) => s.id === '__total')!;
    const max = Math.max(...(total.data as unknown[]).map((_, i) => segments(o).reduce((a, s) => a + (s.data as { value: number }[])[i].value, 0)));
    // A segment under 2% of the longest bar (a few px) never prints; one over 15% always does.
    expect(printed.filter(([v]) => (v as number) / max < 0.02).every(([, l]) => l === '')).toBe(true);
    expect(printed.filter(([v]) => (v as number) / max > 0.15).every(([v, l]) => l === String(v))).toBe(true);
    expect(total).toMatchObject({ silent: true, data: expect.arrayContaining([0]) });
    const stackTotals = (segments(o)[0].data as unknown[]).map((_, i) => segments(o).reduce((a, s) => a + (s.data as { value: number }[])[i].value, 0));
    expect((total.data as unknown[]).map((_, i) => labelOf(total).formatter!({ dataIndex: i }))).toEqual(stackTotals.map((t) => (t ? String(t) : '')));
    expect((part(o, 'legend').data as string[])).toEqual(segments(o).map((s) => s.name));
    expect(sumData(o, 'value')).toBe(FIXTURES[id].reduce((a, r) => a + (id === 'warnings-by-county' ? Number(r.red) + Number(r.yellow) + Number(r.green) : Number(r.n)), 0));
  });

  test('county bars: other counties fade and lose their segment numbers while one is selected', () => {
    const o = spec('status-by-county').option(FIXTURES['status-by-county'], { ...zh, selected: ['义乌市'] });
    const items = segments(o).flatMap((s) => s.data as { county: string; itemStyle?: { opacity: number }; label?: { show: boolean } }[]);
    expect(items.filter((d) => d.county !== '义乌市').every((d) => d.itemStyle?.opacity === DIMMED && d.label?.show === false)).toBe(true);
    expect(items.filter((d) => d.county === '义乌市').every((d) => !d.itemStyle)).toBe(true);
  });

  test('ranking: other counties fade while one is selected, the selected one is named ▶', () => {
    const o = spec('county-ranking').option(FIXTURES['county-ranking'], { ...zh, selected: ['义乌市'] });
    const bars = seriesOf(o)[0].data as { county: string; itemStyle?: { opacity?: number } }[];
    expect(bars.filter((b) => b.county !== '义乌市').every((b) => b.itemStyle?.opacity === DIMMED)).toBe(true);
    expect(part(o, 'yAxis').data).toContain('▶ 5. 义乌市');
  });

  test('ranking: the bars and their white-grounded labels lie above the overall line (ECharts draws mark lines at z 5)', () => {
    const [bars] = seriesOf(spec('county-ranking').option(FIXTURES['county-ranking'], zh)) as { z?: number; label?: { backgroundColor?: string }; markLine?: unknown }[];
    expect(bars.markLine).toBeDefined();
    expect(bars.z).toBeGreaterThan(5);
    expect(bars.label?.backgroundColor).toBe('#ffffff');
  });
});

test.each(Object.keys(FIXTURES))('%s: axis names and labels are kept inside a plot box under the subtitle', (id) => {
  const grid = part(spec(id).option(FIXTURES[id], zh), 'grid');
  expect(grid).toMatchObject({ outerBoundsMode: 'same', outerBoundsContain: 'all' });
  expect(grid.top as number).toBeGreaterThanOrEqual(PLOT_TOP);
  expect(grid.containLabel).toBeUndefined();
});

describe('layout helpers', () => {
  test('value axis tops follow ECharts nice intervals', () => {
    expect([305, 229, 23, 7, 1].map(niceAxisMax)).toEqual([350, 250, 25, 7, 1]);
  });
  test('text width: CJK square, digits about half', () => {
    expect(textWidth('县市区', 10)).toBe(30);
    expect(textWidth('12', 10)).toBeLessThan(14);
  });
  test('cell labels: the larger font when it fits, the smaller when only it fits, none when neither does', () => {
    expect(fitCellLabels(['91.67%\nN=36'], { width: 50, height: 25 })).toEqual({ fontSize: 10, lineHeight: 11 });
    expect(fitCellLabels(['91.67%\nN=36'], { width: 50, height: 22 })).toEqual({ fontSize: 9, lineHeight: 10 });
    expect(fitCellLabels(['91.67%\nN=36'], { width: 20, height: 40 })).toBeNull();
  });
  test('segment labels need room along the bar', () => {
    const horizontal = segmentLabel(305, 450, true);
    expect([283, 13, 7, 1, 0].map(horizontal)).toEqual(['283', '13', '', '', '']);
    const vertical = segmentLabel(229, 200, false);
    expect([165, 21, 10, 4].map(vertical)).toEqual(['165', '21', '', '']);
  });
});
