import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChartContext, EChartsOption } from '../../../../src/lib/charts/types';
import { DEFAULT_PARAMS } from '../../../../src/lib/domain/params';
import { emptyFilters } from '../../../../src/lib/queries/filters';
import { REPEAT_CHARTS } from '../../../../src/lib/state/repeatSpecs';
import { PERSISTENT_MARK } from '../../../../src/lib/charts/repeats/persistenceHeatmap';
import { plainText } from '../../../../src/lib/charts/inertText';
import { freshDatabase } from '../../../helpers/db';
import { loadRepeatFixture } from '../../queries/repeats/fixture';
import { part, renderSvg, seriesOf, sumData } from '../render';

const zh: ChartContext = { lang: 'zh', asOf: '2024-12-31', params: DEFAULT_PARAMS };
const en: ChartContext = { ...zh, lang: 'en' };
const round = (key: string, pos: number, label: string, year: number) => ({ round_key: key, round_pos: pos, round_label: label, round_year: year });

// Rows per chart as their SQL builders return them, the field to sum and its total, texts
// that must appear in zh and en, and what a click on the first data item selects.
const FIXTURES: Record<string, { rows: Record<string, unknown>[]; field: string; sum: number; only?: number; codes?: number; zhText: string; enText: string; click: unknown }> = {
  'repeat-flow': {
    rows: [
      { from_step: 1, from_l1: 'D', to_step: 2, to_l1: 'D', findings: 5 },
      { from_step: 1, from_l1: 'C', to_step: 2, to_l1: 'D', findings: 2 },
      { from_step: 2, from_l1: 'D', to_step: 3, to_l1: 'D', findings: 1 },
    ],
    field: 'value', sum: 8, zhText: '第2次巡察', enText: 'Inspection 2', click: { dimension: 'categories', value: 'D' },
  },
  'cross-county-common': {
    rows: [
      { county: '永康市', category_l2: 'D1', findings: 3, years: 2 },
      { county: '义乌市', category_l2: 'D1', findings: 1, years: 1 },
      { county: '义乌市', category_l2: 'A1', findings: 4, years: 1 },
    ],
    field: 'value', sum: 8, zhText: '问题子类', enText: 'L2 category', click: { dimension: 'counties', value: '永康市' },
  },
  'persistence-index': {
    rows: [
      { county: '永康市', category_l2: 'D1', periods: 3, findings: 4, persistent: true },
      { county: '永康市', category_l2: 'C5', periods: 2, findings: 2, persistent: false },
      { county: '东阳市', category_l2: 'D1', periods: 1, findings: 1, persistent: false },
    ],
    field: 'value', sum: 6, zhText: '屡现指数≥3', enText: 'index ≥ 3', click: { dimension: 'counties', value: '永康市' },
  },
  'common-coverage': {
    rows: [
      { ...round('R1', 1, '十五届县委第一轮巡察', 2019), units_in_round: 3, k: 3, common_codes: 0, covered_units: 0, coverage_rate: 0 },
      { ...round('R2', 2, '十五届县委第二轮巡察', 2021), units_in_round: 4, k: 3, common_codes: 1, covered_units: 3, coverage_rate: 0.75 },
    ],
    // Series 0 are the coverage bars; series 1 is the line of common-code counts.
    field: 'covered', sum: 3, only: 0, codes: 1, zhText: '覆盖率（%）', enText: 'Coverage (%)', click: { dimension: 'rounds', value: 'R1' },
  },
};

const firstItem = (option: EChartsOption) => {
  const s = seriesOf(option)[0];
  return ((s.links as unknown[] | undefined) ?? (s.data as unknown[]))[0];
};
const tooltipOf = (option: EChartsOption, params: Record<string, unknown>) =>
  ((seriesOf(option)[0].tooltip as { formatter: (p: unknown) => string }).formatter)(params);

test('REPEAT_CHARTS lists the repeat charts in order', () => {
  expect(REPEAT_CHARTS.map((c) => c.id)).toEqual(Object.keys(FIXTURES));
});

describe.each(REPEAT_CHARTS.map((spec) => [spec.id, spec] as const))('%s', (id, spec) => {
  const fx = FIXTURES[id];
  const option = spec.option(fx.rows, zh);

  test('title, as-of subtitle, decal, renders', () => {
    expect(part(option, 'title')).toMatchObject({ subtext: expect.stringContaining('数据截至2024年12月31日') });
    expect(String(part(option, 'title').text)).toBeTruthy();
    expect(option.aria).toMatchObject({ enabled: true, decal: { show: true } });
    expect(renderSvg(option)).toContain('<svg');
  });

  test('series sum equals the input', () => {
    const s = seriesOf(option)[0];
    if (s.type === 'sankey') expect((s.links as { value: number }[]).reduce((a, l) => a + l.value, 0)).toBe(fx.sum);
    else if (fx.only !== undefined) expect(sumData({ series: [seriesOf(option)[fx.only]] } as EChartsOption, fx.field)).toBe(fx.sum);
    else expect(sumData(option, fx.field)).toBe(fx.sum);
    if (fx.codes !== undefined) expect(sumData({ series: [seriesOf(option)[1]] } as EChartsOption)).toBe(fx.codes);
  });

  test('zh and en labels', () => {
    const render = (o: EChartsOption) => JSON.stringify(o) + renderSvg(o);
    expect(render(option)).toContain(fx.zhText);
    expect(render(spec.option(fx.rows, en))).toContain(fx.enText);
  });

  test('a click filters', () => {
    const item = firstItem(option);
    expect(spec.toFilter!({ data: item, dataType: 'edge' }, fx.rows)).toEqual(fx.click);
    expect(spec.toFilter!({ data: undefined }, fx.rows)).toBeNull();
  });

  test('no rows: a "no data" message, not a blank chart', () => {
    const empty = spec.option([], zh);
    // The generic words, or the rule nothing met (cross-county, flow: see below).
    expect(JSON.stringify(empty.graphic)).toMatch(/当前筛选条件下无数据|当前范围内没有/);
    expect(renderSvg(empty)).toContain('<svg');
  });
});

describe('chart details', () => {
  test('heatmap axes: L2 codes in taxonomy order, counties in GB/T order, names in the tooltip', () => {
    const option = REPEAT_CHARTS[1].option(FIXTURES['cross-county-common'].rows, zh);
    expect(part(option, 'xAxis')).toMatchObject({ data: ['A1', 'D1'], name: '问题子类' });
    expect(part(option, 'yAxis')).toMatchObject({ data: ['义乌市', '永康市'], name: '县市区' });
    const item = (seriesOf(option)[0].data as unknown[])[0];
    expect(tooltipOf(option, { data: item })).toBe('永康市 · D1 违规吃喝/公务接待\n3 个问题；2 个年度为跨县共性问题');
  });

  test('persistence: flagged cells carry ★ in their label, others only the number', () => {
    const option = REPEAT_CHARTS[2].option(FIXTURES['persistence-index'].rows, zh);
    const s = seriesOf(option)[0];
    const fmt = (s.label as { formatter: (p: unknown) => string }).formatter;
    const data = s.data as { persistent: boolean }[];
    expect(data.map((d) => fmt({ data: d }))).toEqual([`3${PERSISTENT_MARK}`, '2', '1']);
    expect(tooltipOf(option, { data: data[0] })).toContain('屡查屡犯主题');
    const byYear = REPEAT_CHARTS[2].option(FIXTURES['persistence-index'].rows, { ...zh, params: { ...DEFAULT_PARAMS, persistenceBy: "year" } });
    expect(JSON.stringify(byYear.graphic)).toContain('按年度');
  });

  test('persistence on a dense grid (> 20 codes): only flagged cells print, and they print ★', () => {
    const codes = ['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'E1'];
    const rows = codes.map((code, i) => ({ county: '永康市', category_l2: code, periods: i === 0 ? 4 : 1, findings: 1, persistent: i === 0 }));
    const s = seriesOf(REPEAT_CHARTS[2].option(rows, zh))[0];
    const fmt = (s.label as { formatter: (p: unknown) => string }).formatter;
    const labels = (s.data as unknown[]).map((d) => fmt({ data: d }));
    expect(labels.filter((l) => l !== '')).toEqual([PERSISTENT_MARK]);
    expect(labels).toHaveLength(21);
  });

  test('flow: one node per step and L1, columns headed by inspection number, ribbon tooltip', () => {
    const option = REPEAT_CHARTS[0].option(FIXTURES['repeat-flow'].rows, zh);
    const s = seriesOf(option)[0];
    expect((s.data as { name: string; depth: number }[]).map((n) => [n.name, n.depth])).toEqual([['1-C', 0], ['1-D', 0], ['2-D', 1], ['3-D', 2]]);
    expect(JSON.stringify(option.graphic)).toContain('第3次巡察');
    expect(tooltipOf(option, { dataType: 'edge', data: (s.links as unknown[])[1] })).toBe('第1次巡察 C 组织建设 → 第2次巡察 D 作风建设\n2 个问题');
    // Headers stand over their columns at any width: the same shares of the width as the sankey's margins.
    expect([s.left, s.right]).toEqual(['4%', '18%']);
    expect((option.graphic as { left: string }[]).map((g) => g.left)).toEqual(['4.00%', '43.00%', '82.00%']);
  });

  test('flow: columns start at the first step shown, headers over them', () => {
    const rows = [{ from_step: 3, from_l1: 'D', to_step: 4, to_l1: 'D', findings: 2 }];
    const option = REPEAT_CHARTS[0].option(rows, zh);
    expect((seriesOf(option)[0].data as { depth: number }[]).map((n) => n.depth)).toEqual([0, 1]);
    expect((option.graphic as { left: string; style: { text: string } }[]).map((g) => [g.left, g.style.text])).toEqual([['4.00%', '第3次巡察'], ['82.00%', '第4次巡察']]);
  });

  test('ledger text cannot become rich-text markup', () => {
    expect(plainText('{a|x}')).toBe('｛a｜x｝');
    const option = REPEAT_CHARTS[3].option([{ ...FIXTURES['common-coverage'].rows[1], round_label: '{b|粗}' }], zh);
    const item = (seriesOf(option)[0].data as unknown[])[0];
    expect(tooltipOf(option, { data: item })).toBe('｛b｜粗｝\n覆盖率 75%（3/4 个单位）\n共性问题子类 1 个，k＝3');
  });
});

describe('every repeat chart on the real engine', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => { db = await freshDatabase(); await loadRepeatFixture(db); });
  afterAll(() => db.close());

  test.each(REPEAT_CHARTS.map((s) => [s.id, s] as const))('%s: query → option → SVG', async (_id, spec) => {
    const filters = { ...emptyFilters('2024-12-31'), counties: ['永康市'] };
    const rows = await db.query(spec.query(filters, { ...DEFAULT_PARAMS, commonMinUnits: 2, crossCountyMin: 1 }));
    expect(rows.length).toBeGreaterThan(0);
    expect(renderSvg(spec.option(rows, zh))).toContain('<svg');
  });
});

// An empty cross-county or flow chart says which rule nothing met, not only "no data for the filters".
test('empty repeat charts name the rule nothing met', async () => {
  const { REPEAT_CHARTS } = await import('../../../../src/lib/state/repeatSpecs');
  const { DEFAULT_PARAMS } = await import('../../../../src/lib/domain/params');
  const ctx = { lang: 'zh' as const, asOf: '2024-12-31', params: { ...DEFAULT_PARAMS, crossCountyMin: 3 } };
  const text = (id: string) => JSON.stringify(REPEAT_CHARTS.find((s) => s.id === id)!.option([], ctx).graphic);
  expect(text('cross-county-common')).toContain('当前范围内没有同一年度在至少 3 个县市区出现的问题子类');
  expect(text('repeat-flow')).toContain('当前范围内没有同一单位相邻两次巡察之间的重复问题');
  expect(JSON.stringify(REPEAT_CHARTS.find((s) => s.id === 'repeat-flow')!.option([], { ...ctx, firstFeedback: '2018-10-30' }).graphic)).toContain('截至日早于最早反馈日期');
});
