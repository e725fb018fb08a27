import { describe, expect, test } from 'vitest';
import { ARIA_ROWS, chartAriaDescription, withAriaDescription } from '../../../src/lib/charts/aria';
import type { DataTable } from '../../../src/lib/charts/dataTable';

const table = (n: number): Pick<DataTable, 'columns' | 'rows' | 'total'> => ({
  columns: [{ key: 'county', label: '县市区' }, { key: 'n', label: '问题数' }, { key: 'note', label: '备注' }],
  rows: Array.from({ length: n }, (_, i) => [`县${i}`, i * 10, i === 0 ? '样本不足' : null]),
  total: n,
});

describe('a chart\'s spoken description', () => {
  test('caption, then each row as header and value; empty cells are not read', () => {
    expect(chartAriaDescription('各县市区整改状态构成 · 数据截至2026年6月30日', table(2), 'zh'))
      .toBe('各县市区整改状态构成 · 数据截至2026年6月30日。县市区：县0、问题数：0、备注：样本不足。县市区：县1、问题数：10。');
  });
  test(`past ${ARIA_ROWS} rows it says how many more and where they are`, () => {
    const text = chartAriaDescription('T · S', table(ARIA_ROWS + 3), 'en');
    expect(text).toContain(`县${ARIA_ROWS - 1}`);
    expect(text).not.toContain(`县${ARIA_ROWS}`);
    expect(text.endsWith('3 more rows: see "View data" in the chart menu.')).toBe(true);
  });
  test('a table built with a limit: the rows it holds, and the count of all', () => {
    const limited = { ...table(ARIA_ROWS), total: 40 };
    expect(chartAriaDescription('T', limited, 'zh').endsWith('另有28行，见图表菜单中的“查看数据”。')).toBe(true);
  });
  test('no rows: says there is no data', () => {
    expect(chartAriaDescription('T', table(0), 'zh')).toBe('T。当前筛选条件下无数据。');
  });
});

test('the description replaces ECharts\' own and keeps the decal patterns', () => {
  const option = withAriaDescription({ aria: { enabled: true, decal: { show: true } }, series: [] }, 'D');
  expect(option.aria).toEqual({ enabled: true, decal: { show: true }, label: { enabled: true, description: 'D' } });
});
