import { describe, expect, test } from 'vitest';
import { chartDataTable, figureColumns, specDataTable } from '../../../src/lib/charts/dataTable';

describe('chart data table', () => {
  test('readable headers, technical keys hidden, rates and codes formatted', () => {
    const t = chartDataTable(
      [
        { county: '永康市', round_key: 'k', round_pos: 1, round_label: '十四届省委第四轮巡视', n: 16, completed: 12, completion_rate: 0.75 },
        { county: '义乌市', round_key: 'k', round_pos: 1, round_label: '十四届省委第四轮巡视', n: 3, completed: 0, completion_rate: null },
      ],
      'zh',
    );
    expect(t.columns.map((c) => c.label)).toEqual(['县市区', '轮次', '问题数（个）', '已完成（个）', '整改完成率']);
    expect(t.rows).toEqual([
      ['义乌市', '十四届省委第四轮巡视', 3, 0, null],
      ['永康市', '十四届省委第四轮巡视', 16, 12, '75%'],
    ]);
  });

  test('counties in the figures\' order (GB/T 2260, 市本级 last), each county\'s rounds in query order', () => {
    // As the heatmap query returns them: by round, then counties by code point.
    const rows = ['r1', 'r2'].flatMap((round_label, pos) => ['东阳市', '义乌市', '婺城区', '市本级', '金华开发区', '金东区'].map((county) => ({
      county, round_key: round_label, round_pos: pos, round_label, n: 1,
    })));
    const t = chartDataTable(rows, 'zh');
    expect(t.rows.map((r) => `${r[0]} ${r[1]}`)).toEqual([
      '婺城区 r1', '婺城区 r2', '金东区 r1', '金东区 r2', '义乌市 r1', '义乌市 r2', '东阳市 r1', '东阳市 r2',
      '市本级 r1', '市本级 r2', '金华开发区 r1', '金华开发区 r2',
    ]);
  });

  test('a ranking keeps its rank order, as its figure does', () => {
    const t = chartDataTable([
      { county: '永康市', rank: 1, completion_rate: 0.9 }, { county: '婺城区', rank: 2, completion_rate: 0.8 },
    ], 'zh');
    expect(t.rows.map((r) => r[0])).toEqual(['永康市', '婺城区']);
  });

  test('English labels, category names and statuses', () => {
    const t = chartDataTable([{ category_l1: 'D', status: 'in_progress', n: 2 }], 'en');
    expect(t.columns.map((c) => c.label)).toEqual(['Category', 'Status', 'Findings']);
    expect(t.rows).toEqual([['D Conduct', 'In progress', 2]]);
  });

  test('no rows, no columns', () => {
    expect(chartDataTable([], 'zh')).toEqual({ columns: [], rows: [], source: [], total: 0 });
  });
  test('with a limit, only the first rows in the figure\'s order are formatted; total counts all', () => {
    const rows = [{ county: '市本级', n: 3 }, { county: '永康市', n: 2 }, { county: '婺城区', n: 1 }];
    expect(chartDataTable(rows, 'zh', { limit: 2 })).toMatchObject({ rows: [['婺城区', 1], ['永康市', 2]], total: 3 });
  });

  test('statuses in the stacked bars\' order within each county or round, not alphabetical', () => {
    // As the queries return them: counties, then statuses by code point.
    const byCounty = ['basically_completed', 'completed', 'in_progress', 'not_completed'].flatMap((status) => [
      { county: '永康市', status, n: 1 }, { county: '婺城区', status, n: 2 },
    ]).sort((a, b) => a.county.localeCompare(b.county) || a.status.localeCompare(b.status));
    expect(chartDataTable(byCounty, 'zh').rows.map((r) => `${r[0]} ${r[1]}`)).toEqual([
      '婺城区 已完成', '婺城区 基本完成', '婺城区 正在整改', '婺城区 未完成',
      '永康市 已完成', '永康市 基本完成', '永康市 正在整改', '永康市 未完成',
    ]);
    const byRound = ['r1', 'r2'].flatMap((round_key, round_pos) => [null, 'basically_completed', 'completed', 'in_progress'].map((status) => ({
      round_key, round_label: round_key, round_pos, status, n: 1,
    })));
    expect(chartDataTable(byRound, 'en').rows.map((r) => `${r[0]} ${r[1] ?? '—'}`)).toEqual([
      'r1 Completed', 'r1 Basically completed', 'r1 In progress', 'r1 —', 'r2 Completed', 'r2 Basically completed', 'r2 In progress', 'r2 —',
    ]);
  });

  test.each([
    ['zh', '八届市委第三轮巡察', '市委'],
    ['en', 'City committee round 3, 8th term', 'City committee'],
  ] as const)('%s: rounds and inspector levels named as the charts name them', (lang, round, level) => {
    const t = chartDataTable([
      { round_key: '金华市|市委|八届|3', round_label: '八届市委第三轮巡察', round_year: 2023, inspector_level: '市委', n: 40, completion_rate: 0.5 },
    ], lang);
    expect(t.rows).toEqual([[round, level, 40, '50%']]);
  });

  test.each([
    // key, value, zh, en
    ['small_sample', true, '样本不足', 'Small sample'],
    ['small_sample', false, '', ''],
    ['persistent', true, '是', 'Yes'],
    ['persistent', false, '否', 'No'],
  ] as const)('a flag %s = %s reads as a word: "%s" / "%s"', (key, value, zh, en) => {
    expect(chartDataTable([{ county: '永康市', [key]: value }], 'zh').rows[0][1]).toBe(zh);
    expect(chartDataTable([{ county: '永康市', [key]: value }], 'en').rows[0][1]).toBe(en);
  });

  test('flags that only steer the drawing are left out; outcome columns have headers', () => {
    const t = chartDataTable([{ acc_people: 5, acc_light: 2, funds_wan: 7.132, clue_rate: 0.5, light_included: false, parts_only: true }], 'zh');
    expect(t.columns.map((c) => c.label)).toEqual(['问责人数合计（人）', '批评教育类（人）', '挽回/追缴资金（万元）', '线索办结率']);
    expect(t.rows).toEqual([[5, 2, '7.13', '50%']]);
  });

  test('with a minimum sample, a rate over fewer findings says 样本不足 in the column after it', () => {
    const rows = [{ county: '永康市', n: 9, completion_rate: 0.5 }, { county: '婺城区', n: 10, completion_rate: 0.9 }];
    const t = chartDataTable(rows, 'zh', { smallNMin: 10 });
    expect(t.columns.map((c) => c.label)).toEqual(['县市区', '问题数（个）', '整改完成率', '备注']);
    expect(t.rows).toEqual([['婺城区', 10, '90%', ''], ['永康市', 9, '50%', '样本不足']]);
    // Without one (a chart that does not grey small samples), no such column.
    expect(chartDataTable(rows, 'zh').columns).toHaveLength(3);
  });

  test('a chart\'s table follows its spec: 样本不足 only for a chart that greys small samples', () => {
    const rows = [{ county: '永康市', n: 9, completion_rate: 0.5 }];
    expect(specDataTable({ flagsSmallSamples: true }, rows, 'zh', { smallNMin: 10 }).rows).toEqual([['永康市', 9, '50%', '样本不足']]);
    expect(specDataTable({}, rows, 'zh', { smallNMin: 10 }).rows).toEqual([['永康市', 9, '50%']]);
  });
});

describe('figure columns (aligned right on screen)', () => {
  const table = (rows: (string | number | null)[][]) => ({ columns: rows[0].map((_, i) => ({ key: `c${i}`, label: `c${i}` })), rows });
  test.each([
    ['counts', [[3], [12]], [true]],
    ['rates, amounts and a rate without a denominator', [['75%'], ['1,234.5'], ['—'], [null]], [true]],
    ['names, and a name that starts with a digit', [['永康市'], ['2018年']], [false]],
    ['a column with nothing in it', [[null], ['']], [false]],
    ['flags in words beside counts', [[9, '样本不足'], [10, '']], [true, false]],
  ] as const)('%s', (_name, rows, expected) => {
    expect(figureColumns(table(rows.map((r) => [...r])))).toEqual(expected);
  });
});
