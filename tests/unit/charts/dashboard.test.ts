import { describe, expect, test } from 'vitest';
import { DASHBOARD_CHARTS } from '../../../src/lib/state/chartSpecs';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import type { ChartContext } from '../../../src/lib/charts/types';
import { drillsOfClicksAndRows, part, renderSvg, seriesOf, sumData } from './render';

const zh: ChartContext = { lang: 'zh', asOf: '2023-05-01', params: DEFAULT_PARAMS };
const en: ChartContext = { ...zh, lang: 'en' };
const round = (key: string, pos: number, label: string, year: number) => ({ round_key: key, round_pos: pos, round_label: label, round_year: year });
const R1 = round('R1', 1, '十四届省委第四轮巡视', 2018);
const R2 = round('R2', 2, '八届市委第三轮巡察', 2019);

// Fixture rows per chart, a count field to sum, the expected sum, and a click on the first item.
const FIXTURES: Record<string, { rows: Record<string, unknown>[]; sumField: string; sum: number; zhText: string; enText: string; click: unknown }> = {
  'category-mix': {
    rows: [{ ...R1, category_l1: 'A', n: 3, round_n: 4 }, { ...R1, category_l1: 'D', n: 1, round_n: 4 }, { ...R2, category_l1: 'D', n: 5, round_n: 5 }],
    sumField: 'count', sum: 9, zhText: '作风建设', enText: 'Conduct', click: { dimension: 'categories', value: 'A' },
  },
  'completion-heatmap': {
    rows: [{ ...R1, county: '永康市', n: 25, completed: 19, completion_rate: 0.76 }, { ...R2, county: '义乌市', n: 4, completed: 1, completion_rate: 0.25 }],
    sumField: 'n', sum: 29, zhText: '永康市', enText: 'Yongkang', click: { dimension: 'counties', value: '永康市' },
  },
  'status-by-county': {
    rows: [{ county: '永康市', status: 'completed', n: 19 }, { county: '永康市', status: 'in_progress', n: 6 }, { county: '义乌市', status: 'unknown', n: 2 }],
    sumField: 'value', sum: 27, zhText: '未识别', enText: 'Unrecognised', click: { dimension: 'counties', value: '义乌市' },
  },
  'warnings-by-county': {
    rows: [{ county: '永康市', n: 10, red: 2, yellow: 1, green: 0 }, { county: '东阳市', n: 5, red: 0, yellow: 0, green: 3 }],
    sumField: 'value', sum: 6, zhText: '黄色：10天内到期', enText: 'Yellow: due within 10 days', click: { dimension: 'counties', value: '东阳市' },
  },
  'repeats-by-round': {
    rows: [{ ...R1, county: '永康市', n: 12, repeats: 3 }, { ...R2, county: '永康市', n: 8, repeats: 2 }],
    sumField: 'value', sum: 5, zhText: '永康市', enText: 'Yongkang', click: { dimension: 'counties', value: '永康市' },
  },
};

test('DASHBOARD_CHARTS lists the five issue-2 charts in order', () => {
  expect(DASHBOARD_CHARTS.map((c) => c.id)).toEqual(Object.keys(FIXTURES));
});

describe.each(DASHBOARD_CHARTS.map((spec) => [spec.id, spec] as const))('%s', (id, spec) => {
  const fx = FIXTURES[id];
  const option = spec.option(fx.rows, zh);

  test('title, as-of subtitle, axis names with units, decal', () => {
    const title = part(option, 'title');
    expect(title.text).toBeTruthy();
    expect(title.subtext).toContain('数据截至2023年5月1日');
    const names = [part(option, 'xAxis').name, part(option, 'yAxis').name].join(' ');
    expect(names).toMatch(/个问题|%|轮次|县市区/);
    expect(option.aria).toMatchObject({ enabled: true, decal: { show: true } });
  });

  test('series sum equals the input', () => {
    const field = fx.sumField === 'n' ? 'n' : fx.sumField;
    expect(sumData(option, field)).toBe(fx.sum);
  });

  test('zh and en labels', () => {
    const zhJson = JSON.stringify(option);
    const enJson = JSON.stringify(spec.option(fx.rows, en));
    expect(zhJson).toContain(fx.zhText);
    expect(enJson).toContain(fx.enText);
    expect(enJson).toContain('As of 2023-05-01');
  });

  test('legend when there is more than one series', () => {
    if (seriesOf(option).length > 1 && !id.includes('heatmap')) expect(option.legend).toBeTruthy();
  });

  test('a click on the first item maps to its filter value', () => {
    const first = (seriesOf(option)[0].data as unknown[])[0];
    expect(spec.toFilter?.({ componentType: 'series', data: first, dataIndex: 0, seriesIndex: 0 }, fx.rows)).toEqual(fx.click);
    expect(spec.toFilter?.({ componentType: 'xAxis' }, fx.rows)).toBeNull();
  });

  test('its data table\'s rows drill into what clicks on its elements drill into, no more', () => {
    const { clicks, rows } = drillsOfClicksAndRows(spec, option, fx.rows);
    expect(clicks.length).toBeGreaterThan(0);
    expect(rows).toEqual(clicks);
  });

  test('renders to SVG at card size, and an empty result shows "no data"', () => {
    expect(renderSvg(option)).toContain('<svg');
    const empty = spec.option([], zh);
    expect(JSON.stringify(empty.graphic)).toContain('当前筛选条件下无数据');
    expect(renderSvg(empty)).toContain('当前筛选条件下无数据');
    // Before the first feedback the filters are not why: the chart says what is.
    const early = spec.option([], { ...zh, firstFeedback: '2018-10-30' });
    expect(renderSvg(early)).toContain('截至日早于最早反馈日期（2018-10-30），此时尚无问题');
    expect(renderSvg(early)).not.toContain('当前筛选条件下无数据');
  });
});

describe('chart details', () => {
  const [mix, heat] = DASHBOARD_CHARTS;
  test('category mix: shares per round are percentages of the round', () => {
    const o = mix.option(FIXTURES['category-mix'].rows, zh);
    const a = seriesOf(o).find((s) => s.id === 'A')!.data as { value: number; count: number }[];
    expect(a.map((d) => [d.value, d.count])).toEqual([[75, 3], [0, 0]]);
    expect((part(o, 'xAxis').data as string[])[0]).toBe('2018\n省委第四轮巡视');
  });
  test('heatmap: small-N cells are a separate grey series marked 样本不足', () => {
    const o = heat.option(FIXTURES['completion-heatmap'].rows, zh);
    const [ranked, small] = seriesOf(o);
    expect((ranked.data as unknown[]).length).toBe(1);
    expect(small.name).toBe('样本不足');
    expect(renderSvg(o)).toContain('样本不足');
    expect(renderSvg(o)).toContain('76%');
  });
});
