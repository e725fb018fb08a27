import { describe, expect, test } from 'vitest';
import { chartDataTable } from '../../../src/lib/charts/dataTable';

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
    expect(chartDataTable([], 'zh')).toEqual({ columns: [], rows: [] });
  });
});
