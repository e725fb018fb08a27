import { describe, expect, test } from 'vitest';
import { inertFormatters } from '../../../src/lib/charts/inertText';
import { statusByCountyOption } from '../../../src/lib/charts/statusByCounty';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';

describe('dataset text in formatters is inert (tooltips render rich text)', () => {
  test('every function formatter, nested anywhere, returns its text with braces and bars made plain; data rows untouched', () => {
    const option = inertFormatters({
      tooltip: { formatter: () => '{a|b}{c|县}' },
      series: [{ type: 'bar', label: { formatter: () => 'x|y' }, data: [{ value: 1, name: '{a|b}' }] }],
      xAxis: { axisLabel: { formatter: '{value}%' } },
    } as never) as any;
    expect(option.tooltip.formatter()).toBe('｛a｜b｝｛c｜县｝');
    expect(option.series[0].label.formatter()).toBe('x｜y');
    expect(option.series[0].data[0].name).toBe('{a|b}');
    expect(option.xAxis.axisLabel.formatter).toBe('{value}%');
    // Wrapping twice changes nothing more.
    expect((inertFormatters(option) as any).tooltip.formatter()).toBe('｛a｜b｝｛c｜县｝');
  });

  test('a county named {a|b}{c|县} shows as typed in the status chart’s tooltip', () => {
    const rows = [{ county: '{a|b}{c|县}', status: 'completed', n: 3, total: 3 }];
    const option = inertFormatters(statusByCountyOption(rows as never, { lang: 'zh', asOf: '2024-12-31', params: DEFAULT_PARAMS })) as any;
    const series = (option.series as any[]).find((s) => s.tooltip?.formatter || s.label?.formatter) ?? {};
    const f = series.tooltip?.formatter ?? option.tooltip?.formatter;
    const text = f({ data: series.data?.[0], dataIndex: 0, seriesName: series.name, name: '{a|b}{c|县}', value: 3 });
    expect(text).toContain('｛a｜b｝｛c｜县｝');
    expect(text).not.toMatch(/[{}|]/);
  });
});
