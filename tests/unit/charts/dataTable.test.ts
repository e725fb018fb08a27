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
      ['永康市', '十四届省委第四轮巡视', 16, 12, '75%'],
      ['义乌市', '十四届省委第四轮巡视', 3, 0, null],
    ]);
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
